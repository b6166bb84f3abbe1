import type { Stage } from "../../../shared/domain/lifecycle.js";
import type { DealOutcome, DealStage, DealType } from "../../../shared/domain/deals.js";
import type { TouchpointCategory, TouchpointType } from "../../../shared/domain/touchpoints.js";
type CustomerStatus = "prospect" | "customer" | "former_customer" | "partner";
import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, doublePrecision, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { externalIdIndexes, ts, workspaceId } from "./columns.js";
import { campaigns } from "./campaigns.js";
import { memberships } from "./identity.js";

const member = (t: { workspaceId: AnyPgColumn }, col: AnyPgColumn) => foreignKey({ columns: [t.workspaceId, col], foreignColumns: [memberships.workspaceId, memberships.userId] });

/** Companies: prospects, customers, partners. */
export const accounts = pgTable(
  "accounts",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    domain: text("domain"),
    industry: text("industry"),
    employees: integer("employees"),
    annualRevenue: numeric("annual_revenue", { precision: 16, scale: 2, mode: "number" }),
    country: text("country"),
    region: text("region"),
    segment: text("segment"),
    ownerId: uuid("owner_id"),
    customerStatus: text("customer_status").$type<CustomerStatus>().notNull().default("prospect"),
    externalIds: jsonb("external_ids").$type<Record<string, string>>().notNull().default({}),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    member(t, t.ownerId),
    // serves: dedupe by domain (imports, e-mail domain → account resolution)
    unique("accounts_domain_uq").on(t.workspaceId, t.domain),
    // serves: account list sorted by name with keyset pagination
    index("accounts_name_idx").on(t.workspaceId, t.name, t.id),
    // serves: "my accounts" filter
    index("accounts_owner_idx").on(t.workspaceId, t.ownerId),
    ...externalIdIndexes("accounts", t),
  ],
);

/** What the company sells, for whitespace and deal lines. */
export const products = pgTable(
  "products",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    family: text("family"),
    listPrice: numeric("list_price", { precision: 14, scale: 2, mode: "number" }),
    active: boolean("active").notNull().default(true),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique("products_name_uq").on(t.workspaceId, t.name)],
);

/** Products an account owns (whitespace is what it does not). */
export const accountProducts = pgTable(
  "account_products",
  {
    workspaceId: workspaceId(),
    accountId: uuid("account_id").notNull(),
    productId: uuid("product_id").notNull(),
    since: ts("since").notNull(),
    annualValue: numeric("annual_value", { precision: 14, scale: 2, mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.accountId, t.productId] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.productId], foreignColumns: [products.workspaceId, products.id] }),
  ],
);

type ContactCols = Record<"workspaceId" | "subscriberAt" | "leadAt" | "mqlAt" | "salAt" | "sqlAt" | "opportunityAt" | "customerAt" | "source" | "channel" | "originalCampaignId" | "ownerId" | "accountId" | "persona", AnyPgColumn>;

/** The stage cohort indexes of `contacts` (see the table's index list). */
function cohortIndexes(t: ContactCols) {
  const stamps = [t.subscriberAt, t.leadAt, t.mqlAt, t.salAt, t.sqlAt, t.opportunityAt, t.customerAt];
  const scope = [t.source, t.channel, t.originalCampaignId, t.ownerId, t.accountId];
  const cohort = (name: string, i: number, extra: AnyPgColumn[] = []) =>
    index(name)
      .on(t.workspaceId, stamps[i]!, ...stamps.slice(i + 1), ...scope, ...extra)
      .where(sql.raw(`${stamps[i]!.name} is not null`));
  return [
    cohort("contacts_subscriber_cohort_idx", 0),
    cohort("contacts_lead_cohort_idx", 1),
    // persona: the engaged-MQL mix of persona drift
    cohort("contacts_mql_cohort_idx", 2, [t.persona]),
    cohort("contacts_sal_cohort_idx", 3),
    cohort("contacts_sql_cohort_idx", 4),
    cohort("contacts_opportunity_cohort_idx", 5),
  ];
}

/** People; a lead is a contact with a lifecycle stage. One timestamp per stage reached in the current cycle. */
export const contacts = pgTable(
  "contacts",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    accountId: uuid("account_id"),
    email: text("email"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    title: text("title"),
    seniority: text("seniority"),
    department: text("department"),
    phone: text("phone"),
    country: text("country"),
    persona: text("persona"),
    /** Who set `persona`: "manual" (by hand, kept by matching) or "matched" (persona definitions); null: never set. */
    personaSource: text("persona_source").$type<"manual" | "matched">(),
    source: text("source"),
    channel: text("channel"),
    originalCampaignId: uuid("original_campaign_id"),
    utmFirst: jsonb("utm_first").$type<Record<string, string>>(),
    utmLast: jsonb("utm_last").$type<Record<string, string>>(),
    stage: text("stage").$type<Stage>().notNull().default("lead"),
    stageEnteredAt: ts("stage_entered_at").notNull(),
    cycle: integer("cycle").notNull().default(1),
    ownerId: uuid("owner_id"),
    sdrId: uuid("sdr_id"),
    fitPoints: integer("fit_points").notNull().default(0),
    fitGrade: text("fit_grade"),
    engagementScore: doublePrecision("engagement_score").notNull().default(0),
    engagementAt: ts("engagement_at"),
    predictiveScore: doublePrecision("predictive_score"),
    definitionVersion: integer("definition_version"),
    consent: text("consent").$type<"unknown" | "granted" | "withdrawn">().notNull().default("unknown"),
    externalIds: jsonb("external_ids").$type<Record<string, string>>().notNull().default({}),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    subscriberAt: ts("subscriber_at"),
    leadAt: ts("lead_at"),
    mqlAt: ts("mql_at"),
    salAt: ts("sal_at"),
    sqlAt: ts("sql_at"),
    opportunityAt: ts("opportunity_at"),
    customerAt: ts("customer_at"),
    rejectedAt: ts("rejected_at"),
    recycledAt: ts("recycled_at"),
    disqualifiedAt: ts("disqualified_at"),
    lostAt: ts("lost_at"),
    noDecisionAt: ts("no_decision_at"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.originalCampaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    member(t, t.ownerId),
    member(t, t.sdrId),
    // serves: identity resolution and dedupe by e-mail (case-insensitive)
    unique("contacts_email_uq").on(t.workspaceId, t.email),
    // serves: an account's people
    index("contacts_account_idx").on(t.workspaceId, t.accountId),
    // serves: contact list filtered by stage, newest first (keyset)
    index("contacts_stage_idx").on(t.workspaceId, t.stage, t.createdAt, t.id),
    // serves: contact list default order (newest first, keyset)
    index("contacts_created_idx").on(t.workspaceId, t.createdAt, t.id),
    // serves: "my leads" for owners and SDRs
    index("contacts_owner_idx").on(t.workspaceId, t.ownerId),
    index("contacts_sdr_idx").on(t.workspaceId, t.sdrId),
    // serves: lead-side reports by stage cohort (funnel and velocity per pair; KPIs, persona drift and the health
    // symptoms by MQL/SQL month). One partial index per stamp that starts a funnel pair, keyed on the stamp; the later
    // stamps and the lead filter columns (source, channel, campaign, owner, account for segment) trail as key columns
    // (drizzle has no INCLUDE) so a cohort is an index-only range scan. See docs/PERFORMANCE.md (P3).
    ...cohortIndexes(t),
    ...externalIdIndexes("contacts", t),
  ],
);

/** Every lifecycle move with who, when, why and the definition version in force. */
export const stageTransitions = pgTable(
  "stage_transitions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    fromStage: text("from_stage").$type<Stage>(),
    toStage: text("to_stage").$type<Stage>().notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorKind: text("actor_kind").notNull().default("user"),
    reasonCode: text("reason_code"),
    note: text("note"),
    definitionVersion: integer("definition_version"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // serves: a contact's timeline
    index("stage_transitions_contact_idx").on(t.workspaceId, t.contactId, t.at),
    // serves: moves into a stage in a period (MQL hand-overs, rejection/recycle/disqualify reasons), index-only: the
    // contact, origin, id and reason trail as key columns
    index("stage_transitions_to_idx").on(t.workspaceId, t.toStage, t.at, t.contactId, t.fromStage, t.id, t.reasonCode),
    // serves: moves out of a stage since a time (the decision on each MQL hand-over, found in one window pass)
    index("stage_transitions_from_idx").on(t.workspaceId, t.fromStage, t.at, t.contactId, t.toStage, t.id, t.reasonCode),
  ],
);

/** Opportunities. */
export const deals = pgTable(
  "deals",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    accountId: uuid("account_id").notNull(),
    primaryContactId: uuid("primary_contact_id"),
    name: text("name").notNull(),
    ownerId: uuid("owner_id"),
    sdrId: uuid("sdr_id"),
    sourceContactId: uuid("source_contact_id"),
    sourceCampaignId: uuid("source_campaign_id"),
    type: text("type").$type<DealType>().notNull().default("new"),
    stage: text("stage").$type<DealStage>().notNull().default("discovery"),
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    expectedCloseAt: ts("expected_close_at"),
    forecastAmount: numeric("forecast_amount", { precision: 14, scale: 2, mode: "number" }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
    closedAt: ts("closed_at"),
    outcome: text("outcome").$type<DealOutcome>(),
    reasonCode: text("reason_code"),
    competitor: text("competitor"),
    externalIds: jsonb("external_ids").$type<Record<string, string>>().notNull().default({}),
    // Copied by triggers (migration 0022) for the deal reports' filters and cuts, so they read deals alone: the
    // sourcing lead's (source contact, else primary contact) keys and account, and the deal's account segment.
    leadSource: text("lead_source"),
    leadChannel: text("lead_channel"),
    leadCampaignId: uuid("lead_campaign_id"),
    leadPersona: text("lead_persona"),
    leadOwnerId: uuid("lead_owner_id"),
    leadSegment: text("lead_segment"),
    /** The sourcing lead works at a partner account (revenue by channel: partner/alliance deals). */
    leadPartner: boolean("lead_partner").notNull().default(false),
    segment: text("segment"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.primaryContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.sourceCampaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    foreignKey({ columns: [t.workspaceId, t.sourceContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    member(t, t.ownerId),
    member(t, t.sdrId),
    // serves: an account's deals
    index("deals_account_idx").on(t.workspaceId, t.accountId),
    // serves: deal list newest first (keyset) and pipeline by stage
    index("deals_created_idx").on(t.workspaceId, t.createdAt, t.id),
    index("deals_stage_idx").on(t.workspaceId, t.stage),
    // serves: closed-deal reports by period
    index("deals_closed_idx").on(t.workspaceId, t.closedAt),
    index("deals_owner_idx").on(t.workspaceId, t.ownerId),
    // serves: a contact's deals (contact page, predictive training, back-tests)
    index("deals_primary_contact_idx").on(t.workspaceId, t.primaryContactId),
    // serves: the lead-key triggers (a sourcing contact's deals)
    index("deals_source_contact_idx").on(t.workspaceId, t.sourceContactId),
    ...externalIdIndexes("deals", t),
  ],
);

/** People on a deal and their buying role. */
export const dealContacts = pgTable(
  "deal_contacts",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    role: text("role").notNull(),
    /** The contact's persona, copied by triggers (migration 0020) for the buyer mix of persona drift. */
    persona: text("persona"),
    /** The contact's first marketing touch, kept by triggers on touchpoints (migration 0020) for decision-maker coverage. */
    firstMarketingAt: ts("first_marketing_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // serves: a contact's deals
    index("deal_contacts_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/** Every deal stage change. */
export const dealStageHistory = pgTable(
  "deal_stage_history",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    dealId: uuid("deal_id").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    // serves: a deal's history
    index("deal_stage_history_deal_idx").on(t.workspaceId, t.dealId, t.at),
  ],
);

/** The append-only log of engagement and sales activity. */
export const touchpoints = pgTable(
  "touchpoints",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id"),
    accountId: uuid("account_id"),
    campaignId: uuid("campaign_id"),
    assetId: uuid("asset_id"),
    type: text("type").$type<TouchpointType>().notNull(),
    category: text("category").$type<TouchpointCategory>().notNull(),
    channel: text("channel"),
    occurredAt: ts("occurred_at").notNull(),
    receivedAt: ts("received_at").notNull(),
    properties: jsonb("properties").$type<Record<string, unknown>>().notNull().default({}),
    source: text("source").notNull().default("api"),
    clientEventId: text("client_event_id"),
    actorUserId: uuid("actor_user_id"),
    // The tracking snippet's anonymous visitor id; a form submission later gives its touches the contact.
    visitorId: text("visitor_id"),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // serves: a contact's timeline, attribution (touches of deal contacts before a point in time)
    index("touchpoints_contact_idx").on(t.workspaceId, t.contactId, t.occurredAt),
    // serves: campaign results
    index("touchpoints_campaign_idx").on(t.workspaceId, t.campaignId, t.occurredAt),
    // serves: dedupe of client event ids on ingest
    unique("touchpoints_client_event_uq").on(t.workspaceId, t.clientEventId),
    // serves: the touchpoint list newest first (keyset)
    index("touchpoints_occurred_idx").on(t.workspaceId, t.occurredAt, t.id),
    // serves: the meetings a rep logged in a period — sdrCompFacts' meeting query (commission statements and the
    // what-if: type = 'meeting' and actor_user_id in (...) and occurred_at in the months) and the SDR scoreboard's
    // meetings booked (sdr-scoreboard.report.ts); only meeting rows, so it stays small beside the touch log
    index("touchpoints_meeting_actor_idx").on(t.workspaceId, t.actorUserId, t.occurredAt, t.contactId).where(sql`type = 'meeting'`),
    // serves: a contact's sales touches in a time range, index-only — playbook adherence (the follow-up touches of each
    // assignment, adherence.report.ts) and the deal-facts recount (sales activities of a closed deal's people); only
    // sales rows, so marketing touches (most of the log) never write to it
    index("touchpoints_sales_contact_idx").on(t.workspaceId, t.contactId, t.occurredAt, t.id, t.type, t.channel).where(sql`category = 'sales'`),
    // serves: merging a visitor's anonymous touches into the contact on a form submission (only unmerged rows)
    index("touchpoints_visitor_idx").on(t.workspaceId, t.visitorId).where(sql`visitor_id is not null and contact_id is null`),
  ],
);

