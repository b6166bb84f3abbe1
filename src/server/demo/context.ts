/** Shared shapes of the demo generator: the run context and the in-memory world of one account. */
import type { DealOutcome, DealStage, DealType, DealContactRole } from "../../shared/domain/deals.js";
import type { Stage } from "../../shared/domain/lifecycle.js";
import type { TouchpointType } from "../../shared/domain/touchpoints.js";
import type { CampaignCatalog, CampaignPlan } from "./campaigns.js";
import type { IdFactory } from "./ids.js";
import type { Persona, Segment, Territory } from "./story.js";
import type { Seniority } from "../../shared/contracts/contacts.js";

export type Staff = {
  adminId: string;
  salesManagerId: string;
  marketingManagerId: string;
  marketingIds: string[];
  sdr: { volume: string; quality: string };
  ae: Record<Territory, string[]>;
};

export type DemoContext = {
  seed: number;
  /** Epoch ms; nothing is generated after it. */
  now: number;
  /** Start of the 18-month activity window. */
  windowStart: number;
  /** contacts / 20,000: spend scales with it so cost per lead stays plausible at any size. */
  scale: number;
  ids: IdFactory;
  workspaceId: string;
  staff: Staff;
  campaigns: CampaignCatalog;
  productIds: string[];
};

export type ActorKind = "user" | "automation" | "import";
export type Transition = { from: Stage | null; to: Stage; at: number; actor: string | null; kind: ActorKind; reason: string | null };

export type ContactKind = "inbound" | "ebook" | "outbound" | "preWindow" | "buyer";

export type Touch = {
  at: number;
  type: TouchpointType;
  campaign: CampaignPlan | null;
  channel: string | null;
  properties: string;
  actor: string | null;
};

export type DemoContact = {
  id: string;
  index: number;
  account: DemoAccount | null;
  kind: ContactKind;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  seniority: Seniority;
  department: string | null;
  phone: string | null;
  country: string;
  territory: Territory;
  persona: Persona | null;
  source: string;
  channel: string | null;
  originalCampaign: CampaignPlan | null;
  createdAt: number;
  ownerId: string;
  sdrId: string | null;
  sdrKind: "volume" | "quality" | null;
  fitPoints: number;
  fitGrade: "A" | "B" | "C" | "D";
  consent: "unknown" | "granted";
  transitions: Transition[];
  /** Meetings an SDR booked for this contact (story 6). */
  meetings: { at: number; actor: string }[];
  touches: Touch[];
};

export type DealHistoryEntry = { from: DealStage | null; to: DealStage; at: number; actor: string };

export type DemoDeal = {
  id: string;
  origin: "funnel" | "expansion" | "renewal" | "historical";
  account: DemoAccount;
  primary: DemoContact;
  ownerId: string;
  sdrId: string | null;
  sourceCampaign: CampaignPlan | null;
  type: DealType;
  name: string;
  amount: number;
  productIndex: number | null;
  createdAt: number;
  expectedCloseAt: number;
  /** Set only when the close is not after `now`. */
  closedAt: number | null;
  outcome: DealOutcome | null;
  reasonCode: string | null;
  competitor: string | null;
  stage: DealStage;
  history: DealHistoryEntry[];
  contacts: { contact: DemoContact; role: DealContactRole }[];
};

export type OwnedProduct = { productIndex: number; since: number; annualValue: number };

export type DemoAccount = {
  id: string;
  index: number;
  name: string;
  domain: string;
  industry: string;
  employees: number;
  annualRevenue: number;
  country: string;
  region: string;
  segment: Segment;
  territory: Territory;
  ownerId: string;
  createdAt: number;
  /** When it became a customer, for customers from before the window. */
  existingSince: number | null;
  status: "prospect" | "customer" | "former_customer";
  contacts: DemoContact[];
  deals: DemoDeal[];
  products: OwnedProduct[];
};
