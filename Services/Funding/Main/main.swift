import Funding
import ShouhuService

await ServiceMain.main(FundingService.definition)
