import type { Stage } from "../../shared/domain/lifecycle.js";
import type { Role } from "../../shared/domain/roles.js";
import { can, mayMoveTo } from "../../shared/domain/permissions.js";

/** UI abilities per role, read from the same permission table as the server's policies. */
export type Abilities = {
  canManageUsers: boolean;
  canViewAudit: boolean;
  canEditCampaigns: boolean;
  canEditDeals: boolean;
  canCloseDeals: boolean;
  canDeleteRecords: boolean;
  canEditCrm: boolean;
  canLogSalesActivity: boolean;
  canManageRouting: boolean;
  canAssignLeads: boolean;
  canTrainPredictiveModel: boolean;
  canReadPredictiveModels: boolean;
  canDraftDefinitions: boolean;
  canApproveForMarketing: boolean;
  canApproveForSales: boolean;
  canManageSla: boolean;
  /** Generate and edit quarterly joint reviews, record their actions, send the weekly digest now. */
  canRunReviews: boolean;
  /** GDPR: download everything about a contact; erase a contact for good. */
  canExportPersonalData: boolean;
  canErasePersonalData: boolean;
  /** Whether the role may move a contact into `stage`. */
  canMoveTo: (stage: Stage) => boolean;
};


/** The abilities of a role. */
export function abilitiesFor(role: Role): Abilities {
  return {
    canManageUsers: can(role, "manageUsers"),
    canViewAudit: can(role, "readAudit"),
    canEditCampaigns: can(role, "editCampaigns"),
    canEditDeals: can(role, "editDeals"),
    canCloseDeals: can(role, "editDeals"),
    canDeleteRecords: can(role, "deleteRecords"),
    canEditCrm: can(role, "editRecords"),
    canLogSalesActivity: can(role, "logSalesActivity"),
    canManageRouting: can(role, "manageRouting"),
    canAssignLeads: can(role, "assignLeads"),
    canTrainPredictiveModel: can(role, "trainPredictiveModel"),
    canReadPredictiveModels: can(role, "readPredictiveModels"),
    canDraftDefinitions: can(role, "draftDefinitions"),
    canApproveForMarketing: can(role, "approveForMarketing"),
    canApproveForSales: can(role, "approveForSales"),
    canManageSla: can(role, "manageSla"),
    canRunReviews: can(role, "runReviews"),
    canExportPersonalData: can(role, "exportPersonalData"),
    canErasePersonalData: can(role, "erasePersonalData"),
    canMoveTo: (stage) => mayMoveTo(role, stage),
  };
}
