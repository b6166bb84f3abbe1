import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Webhooks send workspace data to outside URLs and show their signing secrets: only admins see or change them. */
export function requireWebhookAdmin(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageWebhooks, "manage webhooks");
}
