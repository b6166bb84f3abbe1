import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import type { TouchpointCategory } from "../../../shared/domain/touchpoints.js";

/** Sales activities (calls, meetings, sales e-mails, shares) are logged by the sales side; marketing touches by anyone. */
export function requireTouchpointLogger(actor: Actor, category: TouchpointCategory): void {
  if (category === "sales") requireRole(actor, PERMISSIONS.logSalesActivity, "log sales activities");
}
