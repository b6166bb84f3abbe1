import { notifications } from "@mantine/notifications";
import { errorMessage } from "./api-error";

/** Shows a failed action as a red toast. */
export function notifyError(err: unknown, title = "Could not save"): void {
  notifications.show({ color: "red", title, message: errorMessage(err) });
}
