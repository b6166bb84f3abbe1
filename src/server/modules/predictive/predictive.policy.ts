import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Training (and so replacing) the workspace's model is for managers and admins. */
export function requireModelTrainer(actor: Actor): void {
  requireRole(actor, PERMISSIONS.trainPredictiveModel, "train the predictive model");
}

/** The model's versions and metrics are for managers, admins, marketing and sales; every member sees contact scores. */
export function requireModelReader(actor: Actor): void {
  requireRole(actor, PERMISSIONS.readPredictiveModels, "read the predictive model");
}
