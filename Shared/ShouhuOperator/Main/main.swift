import ShouhuOperator

await OperatorCommand.runFromCommandLine()
