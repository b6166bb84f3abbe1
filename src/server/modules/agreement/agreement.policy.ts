import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import { AppError } from "../../../shared/errors.js";
import type { Role } from "../../../shared/domain/roles.js";

/** Anyone in marketing or sales (and admins) may draft, edit and propose a definition. */
export function requireDefinitionAuthor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.draftDefinitions, "draft lead definitions");
}

/** Marketing-side approval needs marketing or manager; sales-side needs sales or manager (DESIGN §6.2). */
export function requireApprover(actor: Actor, side: "marketing" | "sales"): void {
  const roles: readonly Role[] = side === "marketing" ? PERMISSIONS.approveForMarketing : PERMISSIONS.approveForSales;
  if (!roles.includes(actor.role)) throw new AppError("forbidden", `Your role (${actor.role}) may not approve for the ${side} side`);
}

