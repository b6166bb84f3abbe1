import { can } from "../../../../shared/domain/permissions.js";
import { useSession } from "../../../lib/session";

/** Whether the signed-in member may write playbooks (the same permission table the server's policy reads). */
export function useCanManagePlaybooks(): boolean {
  return can(useSession().role, "managePlaybooks");
}
