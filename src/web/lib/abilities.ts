import type { Role } from "../../shared/domain/roles.js";

/** UI abilities per role; the server enforces the same rules and answers 403 otherwise. */
export type Abilities = {
  canManageUsers: boolean;
  canViewAudit: boolean;
  canEditCampaigns: boolean;
  canEditDeals: boolean;
  canCloseDeals: boolean;
  canDeleteRecords: boolean;
  canEditCrm: boolean;
  canMoveStages: boolean;
};

/** The abilities of a role. */
export function abilitiesFor(role: Role): Abilities {
  const admin = role === "admin";
  const manager = role === "manager";
  return {
    canManageUsers: admin,
    canViewAudit: admin || manager,
    canEditCampaigns: admin || manager || role === "marketing",
    canEditDeals: admin || manager || role === "sales" || role === "sdr",
    canCloseDeals: admin || manager || role === "sales",
    canDeleteRecords: admin || manager,
    canEditCrm: true,
    canMoveStages: true,
  };
}
