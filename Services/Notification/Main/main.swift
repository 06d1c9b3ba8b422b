import Notification
import ShouhuService

await ServiceMain.main(NotificationService.definition)
