import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS, can, type Permission } from "../../../shared/domain/permissions.js";

type SubjectKind = "campaign" | "deal";
const permissionFor = (kind: SubjectKind): Permission => (kind === "campaign" ? "manageCampaignSwots" : "manageDealSwots");

/** Campaign SWOTs are the marketing side's, deal-proposal SWOTs the deal team's (docs/ENABLEMENT.md, "SWOT"). */
export function requireSwotEditor(actor: Actor, kind: SubjectKind, action: string): void {
  requireRole(actor, PERMISSIONS[permissionFor(kind)], action);
}

/** Whether the actor may write SWOTs of this kind of subject (the web app shows the editor from it). */
export function maySwot(actor: Actor, kind: SubjectKind): boolean {
  return can(actor.role, permissionFor(kind));
}
