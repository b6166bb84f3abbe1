import type { Actor } from "../../platform/actor.js";
import { AppError } from "../../../shared/errors.js";
import type { Stage } from "../../../shared/domain/lifecycle.js";

// Accepting, rejecting and working a lead is the sales side's call; marketing nurtures and qualifies.
const SALES_SIDE_TARGETS: ReadonlySet<Stage> = new Set(["sal", "rejected", "sql", "opportunity", "customer", "lost", "no_decision"]);

/** Throws 403 unless the actor's role may move a contact to `to`. */
export function requireStageMove(actor: Actor, to: Stage): void {
  if (actor.role === "marketing" && SALES_SIDE_TARGETS.has(to)) {
    throw new AppError("forbidden", `Marketing may not move a contact to ${to}; that is the sales side's decision`);
  }
}
