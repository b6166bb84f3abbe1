import type { Stage } from "./lifecycle.js";
import { ROLES, type Role } from "./roles.js";

/** Who may do what: one table read by the server's policies (403) and the web app (which actions to show). */
export const PERMISSIONS = {
  manageUsers: ["admin"],
  readAudit: ["admin", "manager"],
  editRecords: ROLES,
  deleteRecords: ["admin", "manager"],
  editDeals: ["admin", "manager", "sales", "sdr"],
  editCampaigns: ["admin", "manager", "marketing"],
  logSalesActivity: ["admin", "manager", "sales", "sdr"],
  draftDefinitions: ROLES,
  manageRouting: ["admin", "manager"],
  assignLeads: ["admin", "manager", "sales", "sdr"],
  trainPredictiveModel: ["admin", "manager"],
  readPredictiveModels: ["admin", "manager", "marketing", "sales"],
  // The two sides of the lead agreement (DESIGN §6.2); the two approvals must also come from two people.
  approveForMarketing: ["manager", "marketing"],
  approveForSales: ["manager", "sales"],
  runRescore: ["admin", "manager"],
  // Marketing and managers write follow-up playbooks; sales and SDRs follow them.
  managePlaybooks: ["admin", "manager", "marketing"],
  // DESIGN §6.4: the SLA terms both sides live by are set by admins.
  manageSla: ["admin"],
  // Outbound webhooks send workspace data to outside URLs with a signing secret: admins only.
  manageWebhooks: ["admin"],
  // The quarterly joint review is run by the managers of both sides (DESIGN §1); admins may help.
  runReviews: ["admin", "manager"],
  // SDR pay: plans, finalised statements and the what-if are the managers' (a rep sees their own statements).
  manageCompPlans: ["admin", "manager"],
  // The SDR scoreboard and every SDR's passed leads: managers pick any SDR; an SDR sees their own (docs/WINLOSS-TEAM.md).
  readSdrTeam: ["admin", "manager"],
  // Content library (docs/ENABLEMENT.md): marketing writes and publishes, sales reviews Convert-stage assets, reps share.
  manageContent: ["admin", "manager", "marketing"],
  reviewContent: ["manager", "sales"],
  shareContent: ["admin", "manager", "sales", "sdr"],
  requestContent: ["admin", "manager", "sales", "sdr"],
  // Customer references: marketing keeps the catalogue, reps ask to use one, the owner or a manager decides.
  manageReferences: ["admin", "manager", "marketing"],
  requestReferences: ["admin", "manager", "sales", "sdr"],
  // GDPR: a data-subject access export and the erasure that cannot be undone (docs/INGEST.md).
  exportPersonalData: ["admin", "manager"],
  erasePersonalData: ["admin"],
  // CSV imports write many records at once (docs/IMPORTS.md): admins and managers; marketing its own campaigns
  // and touchpoints.
  importRecords: ["admin", "manager"],
  importMarketingRecords: ["admin", "manager", "marketing"],
  // Enablement (docs/ENABLEMENT.md): marketing writes competitor profiles, battlecards and campaign briefs; every
  // member reads them (reps acknowledge the briefs they are in scope of).
  manageEnablement: ["admin", "manager", "marketing"],
  // Growth (docs/WINLOSS-TEAM.md): the catalogue and its list prices are the managers'; the account team records
  // what a customer owns and runs its business reviews.
  manageProducts: ["admin", "manager"],
  editOwnedProducts: ["admin", "manager", "sales"],
  manageAccountReviews: ["admin", "manager", "sales"],
  // Personas (definitions, matching, the re-apply job) and messaging are marketing's, with admins and managers.
  managePersonas: ["admin", "manager", "marketing"],
  // Field insights: the sales side submits; marketing records ride-alongs and triages; every member votes.
  submitInsights: ["admin", "manager", "sales", "sdr"],
  recordRideAlongs: ["admin", "manager", "marketing"],
  triageInsights: ["admin", "manager", "marketing"],
  // SWOTs: a campaign's sits beside its results, so the marketing side writes it; a deal proposal's is the deal
  // team's (sales, managers, admins; SDRs hand deals over before the proposal).
  manageCampaignSwots: ["admin", "manager", "marketing"],
  manageDealSwots: ["admin", "manager", "sales"],
  // Web capture (docs/INGEST.md): the publishable key and allowed origins decide who may write into the workspace
  // from the open web: admins change them, managers read them (to hand the snippet to the web team).
  manageCapture: ["admin"],
  readCapture: ["admin", "manager"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

// Accepting, rejecting and working a lead is the sales side's call; marketing nurtures and qualifies.
export const SALES_SIDE_STAGES: ReadonlySet<Stage> = new Set(["sal", "rejected", "sql", "opportunity", "customer", "lost", "no_decision"]);

/** Whether a role may move a contact into `stage` (the lifecycle table decides whether the move itself is allowed). */
export function mayMoveTo(role: Role, stage: Stage): boolean {
  return role !== "marketing" || !SALES_SIDE_STAGES.has(stage);
}
