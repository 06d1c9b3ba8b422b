import Intake
import ShouhuService

await ServiceMain.main(IntakeService.definition)
