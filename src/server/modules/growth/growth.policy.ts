import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Business reviews are run by the account team: sales, managers, admins. Everyone reads them. */
export function requireReviewEditor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageAccountReviews, "schedule or record account business reviews");
}
