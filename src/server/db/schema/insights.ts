import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, customType, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import { accounts, deals, products } from "./crm.js";
import { campaigns } from "./campaigns.js";
import { competitors } from "./enablement-sales.js";

/** Matching criteria of a persona definition (src/shared/domain/personas.ts). */
export type PersonaCriteriaColumn = {
  titleKeywords: string[];
  seniorities: string[];
  departments: string[];
  industries: string[];
  minEmployees: number | null;
  maxEmployees: number | null;
};

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const member = (t: { workspaceId: AnyPgColumn }, col: AnyPgColumn) => foreignKey({ columns: [t.workspaceId, col], foreignColumns: [memberships.workspaceId, memberships.userId] });

/** Persona definitions: the categories of contacts.persona, campaign targeting and persona drift (docs/ENABLEMENT.md). */
export const personas = pgTable(
  "personas",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    criteria: jsonb("criteria").$type<PersonaCriteriaColumn>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    member(t, t.createdBy),
    // serves: the definitions list by name and the uniqueness of a name ignoring case
    uniqueIndex("personas_name_uq").on(t.workspaceId, sql`lower(${t.name})`),
  ],
);

/** A marketer joining a sales call or meeting; its notes become field insights. */
export const rideAlongs = pgTable(
  "ride_alongs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    accountId: uuid("account_id"),
    dealId: uuid("deal_id"),
    attendees: text("attendees").array().notNull().default([]),
    notes: text("notes").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("set null"),
    member(t, t.recordedBy),
    // serves: the ride-along list, newest first
    index("ride_alongs_occurred_idx").on(t.workspaceId, t.occurredOn),
  ],
);

/** Structured field insights from sales (or a ride-along), triaged by marketing and voted on by members. */
export const insights = pgTable(
  "insights",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<"who_is_buying" | "why_buying" | "pain_point" | "decision_criterion" | "objection" | "competitor_move">().notNull(),
    text: text("text").notNull(),
    status: text("status").$type<"new" | "reviewed" | "actioned">().notNull().default("new"),
    accountId: uuid("account_id"),
    dealId: uuid("deal_id"),
    personaId: uuid("persona_id"),
    competitorId: uuid("competitor_id"),
    rideAlongId: uuid("ride_along_id"),
    submittedBy: uuid("submitted_by").notNull(),
    votes: integer("votes").notNull().default(0),
    reviewedBy: uuid("reviewed_by"),
    reviewedAt: ts("reviewed_at"),
    actionedBy: uuid("actioned_by"),
    actionedAt: ts("actioned_at"),
    actionTaken: text("action_taken"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.personaId], foreignColumns: [personas.workspaceId, personas.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.competitorId], foreignColumns: [competitors.workspaceId, competitors.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.rideAlongId], foreignColumns: [rideAlongs.workspaceId, rideAlongs.id] }).onDelete("set null"),
    member(t, t.submittedBy),
    member(t, t.reviewedBy),
    member(t, t.actionedBy),
    // serves: the feed newest first (and by votes) with the status filter
    index("insights_feed_idx").on(t.workspaceId, t.status, t.createdAt),
    // serves: the feed of one persona
    index("insights_persona_idx").on(t.workspaceId, t.personaId, t.createdAt),
    // serves: the insights of one competitor (the competitor filter)
    index("insights_competitor_idx").on(t.workspaceId, t.competitorId),
    // serves: the insights a ride-along's notes became
    index("insights_ride_along_idx").on(t.workspaceId, t.rideAlongId),
  ],
);

/** One vote per member per insight (a toggle); insights.votes is the count kept in the same transaction. */
export const insightVotes = pgTable(
  "insight_votes",
  {
    workspaceId: workspaceId(),
    insightId: uuid("insight_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.insightId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.insightId], foreignColumns: [insights.workspaceId, insights.id] }).onDelete("cascade"),
    member(t, t.userId),
    // serves: "did I vote" for a member's page of the feed
    index("insight_votes_user_idx").on(t.workspaceId, t.userId),
  ],
);

/** A SWOT analysis of a campaign (marketing vehicle) or of a deal's proposal; exactly one of the two. */
export const swots = pgTable(
  "swots",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    title: text("title").notNull(),
    campaignId: uuid("campaign_id"),
    dealId: uuid("deal_id"),
    strengths: text("strengths").array().notNull().default([]),
    weaknesses: text("weaknesses").array().notNull().default([]),
    opportunities: text("opportunities").array().notNull().default([]),
    threats: text("threats").array().notNull().default([]),
    ownerId: uuid("owner_id"),
    analysedOn: date("analysed_on", { mode: "string" }).notNull(),
    status: text("status").$type<"draft" | "final" | "archived">().notNull().default("draft"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    member(t, t.ownerId),
    check("swots_subject_ck", sql`(${t.campaignId} is null) <> (${t.dealId} is null)`),
    // serves: a campaign's SWOTs (campaign page)
    index("swots_campaign_idx").on(t.workspaceId, t.campaignId),
    // serves: a deal's SWOTs (deal page)
    index("swots_deal_idx").on(t.workspaceId, t.dealId),
  ],
);

/** Messaging: value propositions, FAQs and talk tracks per persona and product. */
export const messages = pgTable(
  "messages",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<"value_prop" | "faq" | "talk_track">().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    personaId: uuid("persona_id"),
    productId: uuid("product_id"),
    ownerId: uuid("owner_id"),
    /** Archived messages leave the reps' views (contact page, brief composer) but keep their text. */
    archivedAt: ts("archived_at"),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector('english'::regconfig, title), 'A') || setweight(to_tsvector('english'::regconfig, body), 'B')`),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.personaId], foreignColumns: [personas.workspaceId, personas.id] }).onDelete("set null"),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }).onDelete("set null"),
    member(t, t.ownerId),
    // serves: the messages of a persona (contact page, brief composer, the persona filter)
    index("messages_persona_idx").on(t.workspaceId, t.personaId, t.kind),
    // serves: the messages of a product (the product filter)
    index("messages_product_idx").on(t.workspaceId, t.productId),
    // serves: full-text search of the messaging library (btree_gin lets it lead with workspace_id)
    index("messages_search_idx").using("gin", t.workspaceId, t.search),
  ],
);
