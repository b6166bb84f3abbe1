import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** The publishable key and the allowed origins open the workspace to the web: admins change them. */
export function requireCaptureAdmin(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.manageCapture, action);
}

/** Managers read the key and the snippet (to hand them to the web team); other roles do not see them. */
export function requireCaptureReader(actor: Actor): void {
  requireRole(actor, PERMISSIONS.readCapture, "read the web capture settings");
}
