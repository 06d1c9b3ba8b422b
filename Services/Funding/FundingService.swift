import Foundation
import FundingDomain
public import ShouhuService

/// The funding service: pays relief-fund subsidies (救助基金) in approved batches and reconciles the bank's
/// results.
///
/// It keeps its own projection of children (from `child.registered`, `child.updated`,
/// `child.exited`) and their tiers (`assessment.recorded`), payee accounts entered by funding
/// officers, and batches: drafted for a semester or month, approved by a second officer (which
/// emits `disbursement.approved`), exported as CSV or ISO 20022 pain.001, and settled from the
/// bank's results (each settlement emits `disbursement.settled`). Its settings are listed in
/// `FundingConfiguration`.
public enum FundingService {
    public static let definition = ServiceDefinition(
        name: .funding,
        migrations: { FundingMigrations.register(in: &$0) },
        eventHandlers: { _ in FundingEventRouter.make() },
        routes: { router, context in
            let configuration: FundingConfiguration
            do {
                configuration = try FundingConfiguration(settings: context.settings)
            } catch {
                // A policy the county mistyped must stop the service at start, never pay by a default.
                context.logger.critical("funding settings are invalid", metadata: ["error": "\(error)"])
                fatalError("funding settings are invalid: \(error)")
            }
            for problem in configuration.policy.problems { context.logger.warning("funding policy: \(problem)") }
            if configuration.debtor == nil {
                context.logger.warning("the fund's account is not configured: payment files cannot be written until SHOUHU_FUNDING_DEBTOR_NAME and SHOUHU_FUNDING_DEBTOR_ACCOUNT are set")
            }
            BatchRoutes(context: context, configuration: configuration).add(to: router)
            AccountRoutes(context: context).add(to: router)
            ReportRoutes(context: context, configuration: configuration).add(to: router)
        },
        openAPIDocument: OpenAPIDocument.load(from: .module))
}
