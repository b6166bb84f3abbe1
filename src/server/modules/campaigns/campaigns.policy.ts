import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Campaigns and their costs are marketing's: marketing, managers and admins edit them. */
export function requireCampaignEditor(actor: Actor): void {
  requireRole(actor, PERMISSIONS.editCampaigns, "edit campaigns");
}
