public import ArgumentParser

/// Lets `--role` take a role by its raw value; anything else is refused by ArgumentParser,
/// which lists the valid roles in its message.
extension Role: ExpressibleByArgument {}
