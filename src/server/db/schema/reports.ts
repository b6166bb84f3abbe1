import { date, doublePrecision, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import { deals } from "./crm.js";

export type AttributionBasis = "pipeline" | "revenue";

/**
 * One row per deal, basis and eligible touch, with the weight each of the six models gives that touch (DESIGN
 * §6.5). Written when a deal is created (pipeline) and closed won (revenue), rewritten when its amount, contacts or
 * close change. Credit = weight × amount. One row carries all six models: the touch set is the same for every model.
 */
export const attributionCredits = pgTable(
  "attribution_credits",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    basis: text("basis").$type<AttributionBasis>().notNull(),
    touchpointId: uuid("touchpoint_id").notNull(),
    /** 1-based position of the touch in time order (then id) among the deal's eligible touches. */
    position: integer("position").notNull(),
    campaignId: uuid("campaign_id"),
    channel: text("channel"),
    assetId: uuid("asset_id"),
    occurredAt: ts("occurred_at").notNull(),
    /** The conversion point: the deal's creation (pipeline) or close (revenue). */
    convertedAt: ts("converted_at").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull(),
    wFirst: doublePrecision("w_first").notNull(),
    wLast: doublePrecision("w_last").notNull(),
    wLinear: doublePrecision("w_linear").notNull(),
    wUShaped: doublePrecision("w_u_shaped").notNull(),
    wWShaped: doublePrecision("w_w_shaped").notNull(),
    wTimeDecay: doublePrecision("w_time_decay").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.basis, t.touchpointId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    // serves: attribution reports for a period, by campaign, channel or asset
    index("attribution_credits_converted_idx").on(t.workspaceId, t.basis, t.convertedAt),
  ],
);

/** One row per deal and basis: when it converted, for how much, over how many touches (0: unattributed). */
export const attributionDeals = pgTable(
  "attribution_deals",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    basis: text("basis").$type<AttributionBasis>().notNull(),
    convertedAt: ts("converted_at").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull(),
    touches: integer("touches").notNull(),
    computedAt: ts("computed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.basis] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    // serves: attributed vs unattributed totals for a period
    index("attribution_deals_converted_idx").on(t.workspaceId, t.basis, t.convertedAt),
  ],
);

export type ReviewStatus = "draft" | "final";

/** A quarterly joint review: the numbers as generated (snapshot), and the actions agreed in it. */
export const reviews = pgTable(
  "reviews",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    /** `YYYY-Qn` in the workspace's time zone. */
    quarter: text("quarter").notNull(),
    title: text("title").notNull(),
    status: text("status").$type<ReviewStatus>().notNull().default("draft"),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    notes: text("notes"),
    generatedAt: ts("generated_at").notNull(),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    unique("reviews_quarter_uq").on(t.workspaceId, t.quarter),
  ],
);

export type ReviewActionStatus = "open" | "done" | "dropped";

/** An action agreed in a review, with an owner and a due date; open ones are carried into the next review. */
export const reviewActions = pgTable(
  "review_actions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    reviewId: uuid("review_id").notNull(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").$type<ReviewActionStatus>().notNull().default("open"),
    outcome: text("outcome"),
    closedAt: ts("closed_at"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.reviewId], foreignColumns: [reviews.workspaceId, reviews.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: a review's actions; open actions carried into the next review
    index("review_actions_review_idx").on(t.workspaceId, t.reviewId),
    index("review_actions_status_idx").on(t.workspaceId, t.status, t.dueOn),
  ],
);

/** The weekly digest both teams get: what moved, breaches, top rejection reasons, new insights and requests. */
export const digests = pgTable(
  "digests",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    /** Monday of the week covered, in the workspace's time zone. */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    generatedAt: ts("generated_at").notNull(),
    emailedAt: ts("emailed_at"),
    recipients: integer("recipients").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique("digests_week_uq").on(t.workspaceId, t.weekStart)],
);
