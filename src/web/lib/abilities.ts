import type { Stage } from "../../shared/domain/lifecycle.js";
import type { Role } from "../../shared/domain/roles.js";

/** UI abilities per role, mirroring the server's policies (which answer 403 otherwise). */
export type Abilities = {
  canManageUsers: boolean;
  canViewAudit: boolean;
  canEditCampaigns: boolean;
  canEditDeals: boolean;
  canCloseDeals: boolean;
  canDeleteRecords: boolean;
  canEditCrm: boolean;
  canLogSalesActivity: boolean;
  /** Whether the role may move a contact into `stage`. */
  canMoveTo: (stage: Stage) => boolean;
};

// Accepting, rejecting and working a lead is the sales side's call; marketing nurtures and qualifies.
const SALES_SIDE_TARGETS: ReadonlySet<Stage> = new Set(["sal", "rejected", "sql", "opportunity", "customer", "lost", "no_decision"]);

/** The abilities of a role. */
export function abilitiesFor(role: Role): Abilities {
  const admin = role === "admin";
  const manager = role === "manager";
  const salesSide = admin || manager || role === "sales" || role === "sdr";
  return {
    canManageUsers: admin,
    canViewAudit: admin || manager,
    canEditCampaigns: admin || manager || role === "marketing",
    canEditDeals: salesSide,
    canCloseDeals: salesSide,
    canDeleteRecords: admin || manager,
    canEditCrm: true,
    canLogSalesActivity: salesSide,
    canMoveTo: (stage) => role !== "marketing" || !SALES_SIDE_TARGETS.has(stage),
  };
}
