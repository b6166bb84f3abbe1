import type { DealStage } from "./deals.js";
import type { Stage } from "./lifecycle.js";

/** Buying stages of the content library: Engage (awareness/interest) and Convert (evaluation/decision). */
export const BUYING_STAGES = ["engage", "convert"] as const;
export type BuyingStage = (typeof BUYING_STAGES)[number];

export const ASSET_FORMATS = ["case_study", "whitepaper", "ebook", "one_pager", "datasheet", "deck", "video", "webinar", "blog_post", "calculator", "other"] as const;
export type AssetFormat = (typeof ASSET_FORMATS)[number];

export const ASSET_STATUSES = ["draft", "in_review", "published", "retired"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const ASSET_KINDS = ["file", "link"] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_EVENT_TYPES = ["shared", "viewed", "downloaded", "attached"] as const;
export type AssetEventType = (typeof ASSET_EVENT_TYPES)[number];

export const REQUEST_PRIORITIES = ["low", "medium", "high"] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

export const REQUEST_STATUSES = ["new", "accepted", "in_progress", "delivered", "declined"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// A request moves forward only; delivered and declined are final.
const REQUEST_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ["accepted", "declined"],
  accepted: ["in_progress", "delivered", "declined"],
  in_progress: ["delivered", "declined"],
  delivered: [],
  declined: [],
};

/** Whether a content request may move from one status to another. */
export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return REQUEST_MOVES[from].includes(to);
}

export const REFERENCE_SIZES = ["smb", "mid_market", "enterprise"] as const;
export type ReferenceSize = (typeof REFERENCE_SIZES)[number];

export const REFERENCE_USE_STATUSES = ["requested", "approved", "declined"] as const;
export type ReferenceUseStatus = (typeof REFERENCE_USE_STATUSES)[number];

/** Uses per quarter a reference takes when neither the workspace nor the reference sets a cap. */
export const DEFAULT_REFERENCE_CAP = 3;

/** The buying stage a deal in this stage is in: early deals still engage, late ones convert. */
export function buyingStageOfDeal(stage: DealStage): BuyingStage {
  return stage === "discovery" ? "engage" : "convert";
}

/** The buying stage a contact in this lifecycle stage is in. */
export function buyingStageOfContact(stage: Stage): BuyingStage {
  return ["sql", "opportunity", "customer"].includes(stage) ? "convert" : "engage";
}
