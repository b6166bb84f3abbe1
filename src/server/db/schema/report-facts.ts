import { sql } from "drizzle-orm";
import { bigint, boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { contacts, deals } from "./crm.js";
import { workspaces } from "./identity.js";

/**
 * What the deal reports need per closed deal, materialised so a dashboard does not walk touchpoints per deal
 * (docs/PERFORMANCE.md, P3). One row per closed deal (none while it is open), rewritten in the transaction that
 * closes the deal or changes its people (crm's dealChanged hook) and when a touch of one of its people lands inside
 * its lifetime (touchpoints' touchpointCreated hook); rebuilt set-wise by `rebuildDealFacts`.
 */
export const dealFacts = pgTable(
  "deal_facts",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    /** Sales touchpoints of the deal's people (deal contacts and primary contact) from its creation to its close (docs/REPORTS.md, KPIs). */
    salesActivities: integer("sales_activities").notNull(),
    computedAt: ts("computed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
  ],
);

/** The flags and filter keys a lead fact carries and its rollup counts by (the same columns in both tables). */
function leadKeys() {
  return {
    /** Hand-over: the lead reached sql (or a later stage) / customer at or after it, by its current stamps; stamp: customer at or after it. */
    reachedSql: boolean("reached_sql").notNull(),
    reachedCustomer: boolean("reached_customer").notNull(),
    /** Stamp: the lead reached the next main stage (or a later one) at or after this stage's stamp (the funnel's conversion). */
    converted: boolean("converted").notNull().default(false),
    ownerId: uuid("owner_id"),
    campaignId: uuid("campaign_id"),
    source: text("source"),
    channel: text("channel"),
    segment: text("segment"),
    /** Timer: the team it started in (its owner_id is the timer's owner, not the lead's). */
    teamId: uuid("team_id"),
  };
}

/**
 * The lead-side facts of the dashboards (docs/PERFORMANCE.md, P3), one row per MQL hand-over (`kind = 'handover'`,
 * the move into mql with sales' first decision after it, as `mqlDecisionsSql` defines it), per rejection, recycle
 * or disqualification (`kind = 'exit'`) and per SLA timer whose outcome no longer depends on the clock (`kind =
 * 'timer'`, migration 0021) and per main-stage stamp a lead carries (`kind = 'stamp'`, migration 0023: the funnel's
 * cohorts), carrying the lead's current filter keys. Kept by triggers (migration 0019)
 * on stage_transitions, contacts (keys and the sql/opportunity/customer stamps) and accounts (segment): every writer
 * is covered, the demo load and imports included. `tandem_rebuild_lead_events` rewrites a workspace.
 */
export const leadEvents = pgTable(
  "lead_events",
  {
    workspaceId: workspaceId(),
    kind: text("kind").$type<"handover" | "exit" | "timer" | "stamp">().notNull(),
    /** The stage transition: the move into mql (hand-over) or into rejected/recycled/disqualified (exit); the SLA timer (timer). */
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    at: ts("at").notNull(),
    /** Hand-over: the first move out of mql at or after it; null while pending. */
    decidedAt: ts("decided_at"),
    /** Hand-over: the decision's to_stage (sal = accepted); exit: the stage moved into; timer: its settled outcome (onTime, breached, open). */
    decision: text("decision"),
    /** Hand-over and exit: the reason code; timer: the timer's kind. */
    reasonCode: text("reason_code"),
    ...leadKeys(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // serves: the refresh of one contact's rows (reports read lead_rollup, drill-downs the records: no index by time)
    index("lead_events_contact_idx").on(t.workspaceId, t.contactId),
  ],
);

/**
 * `lead_events` counted per day and per month of the workspace's zone and per filter key: what the acceptance, lead
 * quality and alignment-health numbers sum. Append-only signed deltas (a trigger on lead_events adds +1/−1 rows, so
 * concurrent writers never wait on a shared counter row); `tandem_compact_lead_rollup` folds them into base rows.
 */
export const leadRollup = pgTable(
  "lead_rollup",
  {
    workspaceId: workspaceId(),
    grain: text("grain").$type<"day" | "month">().notNull(),
    /** The day, or the first day of the month, in the workspace's time zone. */
    bucket: date("bucket", { mode: "string" }).notNull(),
    kind: text("kind").$type<"handover" | "exit" | "timer" | "stamp">().notNull(),
    decision: text("decision"),
    /** Exits: the reason code; timers: the timer's kind (hand-over rows leave it null: reasons are counted on the exits). */
    reasonCode: text("reason_code"),
    ...leadKeys(),
    n: integer("n").notNull(),
    /** A compacted row (false: a delta written by the trigger since the last compaction). */
    base: boolean("base").notNull().default(false),
    /** Identifies a row (several rows share a key and bucket until compaction folds them). */
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete("cascade"),
    index("lead_rollup_bucket_idx").on(t.workspaceId, t.kind, t.grain, t.bucket),
    index("lead_rollup_delta_idx").on(t.workspaceId).where(sql`not base`),
  ],
);
