import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** The sales side (sales, SDRs, managers, admins) submits field insights. */
export function requireInsightSubmitter(actor: Actor): void {
  requireRole(actor, PERMISSIONS.submitInsights, "submit field insights");
}

/** Marketing (with managers and admins) records ride-alongs and the insights their notes became. */
export function requireRideAlongRecorder(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.recordRideAlongs, action);
}

/** Marketing (with managers and admins) triages insights. */
export function requireInsightTriager(actor: Actor): void {
  requireRole(actor, PERMISSIONS.triageInsights, "triage field insights");
}
