import ArgumentParser

/// Benchmarks that print figures (events per second, memory); run them in release builds:
/// `swift run -c release shouhu-bench <benchmark>`. Speed targets live here, not in timed tests,
/// because the machines are shared and noisy: compare ratios and medians.
@main
struct ShouhuBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shouhu-bench",
        abstract: "Shouhu's benchmarks: each prints its figures and the command that made them.",
        subcommands: [
            PipelineBenchmark.self, CodecBenchmark.self, IntakeImportBenchmark.self, AssessmentBenchmark.self,
            MentoringSweepBenchmark.self, NotificationBenchmark.self, FundingBenchmark.self,
        ])
}
