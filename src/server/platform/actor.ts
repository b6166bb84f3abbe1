import type { Role } from "../../shared/domain/roles.js";
import { AppError } from "../../shared/errors.js";

/** Who is acting: a signed-in user or an API token acting for its user. */
export type Actor = {
  kind: "user" | "token";
  userId: string;
  name: string;
  role: Role;
  tokenId: string | null;
  scopes: readonly ("read" | "write")[];
};

/** The per-request context every authenticated route gets. */
export type RequestContext = {
  workspaceId: string;
  actor: Actor;
  sessionId: string | null;
  requestId: string;
};

/** Throws 403 unless the actor holds one of `roles`. */
export function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not ${action}`);
  }
}

/** An actor for work the system does itself (CLI, demo seeding, jobs). */
export function systemActor(userId: string, role: Role = "admin"): Actor {
  return { kind: "user", userId, name: "system", role, tokenId: null, scopes: ["read", "write"] };
}
