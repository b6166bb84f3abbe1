import { sql } from "drizzle-orm";
import { type AnyPgColumn, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships, teams } from "./identity.js";
import { deals } from "./crm.js";
import { campaigns } from "./campaigns.js";

export type ObjectionHandling = { objection: string; response: string };
export type BriefFaq = { question: string; answer: string };
export type CheckQuestion = { question: string; options: string[]; correct: number };

const member = (t: { workspaceId: AnyPgColumn }, col: AnyPgColumn) => foreignKey({ columns: [t.workspaceId, col], foreignColumns: [memberships.workspaceId, memberships.userId] });

/** Competitor profiles (docs/ENABLEMENT.md). */
export const competitors = pgTable(
  "competitors",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    website: text("website"),
    positioning: text("positioning"),
    pricing: text("pricing"),
    strengths: text("strengths").array().notNull().default([]),
    weaknesses: text("weaknesses").array().notNull().default([]),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // serves: competitor look-up by name (deals.competitor text → tag) and the list ordered by name
    uniqueIndex("competitors_name_uq").on(t.workspaceId, sql`lower(${t.name})`),
  ],
);

/** One battlecard per competitor; each save bumps `version` and records who saved it. */
export const battlecards = pgTable(
  "battlecards",
  {
    workspaceId: workspaceId(),
    competitorId: uuid("competitor_id").notNull(),
    ownerId: uuid("owner_id"),
    whyWeWin: text("why_we_win").array().notNull().default([]),
    objections: jsonb("objections").$type<ObjectionHandling[]>().notNull().default([]),
    landmines: text("landmines").array().notNull().default([]),
    proofPoints: text("proof_points").array().notNull().default([]),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull(),
    updatedBy: uuid("updated_by"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.competitorId] }),
    foreignKey({ columns: [t.workspaceId, t.competitorId], foreignColumns: [competitors.workspaceId, competitors.id] }).onDelete("cascade"),
    member(t, t.ownerId),
    member(t, t.updatedBy),
  ],
);

/** Competitors involved in a deal: the truth for "which competitors" (deals.competitor names the one at close). */
export const dealCompetitors = pgTable(
  "deal_competitors",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    competitorId: uuid("competitor_id").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.competitorId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.competitorId], foreignColumns: [competitors.workspaceId, competitors.id] }).onDelete("cascade"),
    // serves: a competitor's deals (win rate and loss reasons per competitor, the profile's deal list)
    index("deal_competitors_competitor_idx").on(t.workspaceId, t.competitorId),
  ],
);

/** A campaign's brief to the reps in scope; published before launch, acknowledged and checked by each rep. */
export const campaignBriefs = pgTable(
  "campaign_briefs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    message: text("message").notNull(),
    audience: text("audience").notNull(),
    offer: text("offer"),
    callToAction: text("call_to_action"),
    talkTrack: text("talk_track"),
    faq: jsonb("faq").$type<BriefFaq[]>().notNull().default([]),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    scopeTeamId: uuid("scope_team_id"),
    scopeMemberIds: uuid("scope_member_ids").array().notNull().default([]),
    questions: jsonb("questions").$type<CheckQuestion[]>().notNull().default([]),
    status: text("status").$type<"draft" | "published">().notNull().default("draft"),
    publishedAt: ts("published_at"),
    publishedBy: uuid("published_by"),
    /** Set once when the campaign launched: the share of reps ready then, and whether it was below the threshold. */
    launchCheckedAt: ts("launch_checked_at"),
    readinessAtLaunch: doublePrecision("readiness_at_launch"),
    flaggedAt: ts("flagged_at"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.scopeTeamId], foreignColumns: [teams.workspaceId, teams.id] }),
    member(t, t.createdBy),
    member(t, t.publishedBy),
    // serves: a campaign's brief (one per campaign) and the launch check's scan of published briefs
    uniqueIndex("campaign_briefs_campaign_uq").on(t.workspaceId, t.campaignId),
    index("campaign_briefs_launch_idx").on(t.workspaceId, t.status, t.launchCheckedAt),
  ],
);

/** A rep in a published brief's scope: notified, acknowledged, and the check answered. */
export const briefRecipients = pgTable(
  "brief_recipients",
  {
    workspaceId: workspaceId(),
    briefId: uuid("brief_id").notNull(),
    userId: uuid("user_id").notNull(),
    notifiedAt: ts("notified_at").notNull(),
    acknowledgedAt: ts("acknowledged_at"),
    answers: jsonb("answers").$type<number[]>(),
    attempts: integer("attempts").notNull().default(0),
    checkPassedAt: ts("check_passed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.briefId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.briefId], foreignColumns: [campaignBriefs.workspaceId, campaignBriefs.id] }).onDelete("cascade"),
    member(t, t.userId),
    // serves: a rep's briefs to acknowledge
    index("brief_recipients_user_idx").on(t.workspaceId, t.userId),
  ],
);

/** Per-workspace enablement settings. */
export const enablementSettings = pgTable(
  "enablement_settings",
  {
    workspaceId: workspaceId(),
    readinessThreshold: doublePrecision("readiness_threshold").notNull().default(0.8),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] })],
);
