import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Marketing, managers and admins write playbooks; everyone reads them and the adherence report. */
export function requirePlaybookAuthor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.managePlaybooks, "change playbooks");
}
