import Assessment
import ShouhuService

await ServiceMain.main(AssessmentService.definition)
