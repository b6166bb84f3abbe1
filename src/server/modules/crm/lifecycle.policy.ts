import type { Actor } from "../../platform/actor.js";
import { AppError } from "../../../shared/errors.js";
import type { Stage } from "../../../shared/domain/lifecycle.js";
import { mayMoveTo } from "../../../shared/domain/permissions.js";


/** Throws 403 unless the actor's role may move a contact to `to`. */
export function requireStageMove(actor: Actor, to: Stage): void {
  if (!mayMoveTo(actor.role, to)) {
    throw new AppError("forbidden", `Marketing may not move a contact to ${to}; that is the sales side's decision`);
  }
}
