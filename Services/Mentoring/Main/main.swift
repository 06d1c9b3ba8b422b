import Mentoring
import ShouhuService

await ServiceMain.main(MentoringService.definition)
