import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { BusinessCalendar } from "../../../shared/contracts/business-calendar.js";
import { ts, workspaceId } from "./columns.js";
import { memberships, teams } from "./identity.js";
import { contacts } from "./crm.js";

/** Opening hours a team (or, with no team, the whole workspace) keeps; SLA durations count only these minutes. */
export const businessCalendars = pgTable(
  "business_calendars",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    /** Null: the workspace's default calendar. */
    teamId: uuid("team_id"),
    name: text("name").notNull(),
    calendar: jsonb("calendar").$type<BusinessCalendar>().notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }).onDelete("cascade"),
    // one calendar per team and one workspace default
    unique("business_calendars_team_uq").on(t.workspaceId, t.teamId).nullsNotDistinct(),
  ],
);

export type SlaPolicyKind = "accept" | "first_touch" | "recycle_attempts" | "mql_target";

/** A promise one side makes to the other (DESIGN §6.4); `terms` is validated per kind by the sla contracts. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<SlaPolicyKind>().notNull(),
    name: text("name").notNull(),
    /** Null: applies to every team without a policy of its own. */
    teamId: uuid("team_id"),
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }).onDelete("cascade"),
    index("sla_policies_kind_idx").on(t.workspaceId, t.kind),
  ],
);

export type SlaTimerState = "running" | "met" | "breached" | "cancelled";

/** One promise in flight about one lead: started by an event, met by another, firing its ladder until then. */
export const slaTimers = pgTable(
  "sla_timers",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    policyId: uuid("policy_id").notNull(),
    kind: text("kind").$type<SlaPolicyKind>().notNull(),
    contactId: uuid("contact_id").notNull(),
    /** Who must act; null when the lead has no owner (managers are told). */
    ownerId: uuid("owner_id"),
    /** The owner's team when the timer started (attainment per team). */
    teamId: uuid("team_id"),
    startedAt: ts("started_at").notNull(),
    warnAt: ts("warn_at").notNull(),
    dueAt: ts("due_at").notNull(),
    metAt: ts("met_at"),
    breachedAt: ts("breached_at"),
    escalatedAt: ts("escalated_at"),
    reassignedAt: ts("reassigned_at"),
    state: text("state").$type<SlaTimerState>().notNull().default("running"),
    /** Why a timer stopped without being met (reassigned, disqualified, policy disabled). */
    cancelReason: text("cancel_reason"),
    /** The next ladder step (0 warn, 1 breach, 2… escalations) and when it fires; null when nothing is left. */
    nextStep: integer("next_step").notNull().default(0),
    nextFireAt: ts("next_fire_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.policyId], foreignColumns: [slaPolicies.workspaceId, slaPolicies.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }).onDelete("set null"),
    // serves: the tick's due steps
    index("sla_timers_fire_idx").on(t.workspaceId, t.nextFireAt).where(sql`next_fire_at is not null`),
    // serves: a lead's open timers (met/cancel on events)
    index("sla_timers_contact_idx").on(t.workspaceId, t.contactId, t.kind),
    // serves: the ledger by due date, a rep's countdowns
    // (the SLA attainment report reads kind, state, breach, owner, team and lead from it, index-only)
    index("sla_timers_due_idx").on(t.workspaceId, t.dueAt, t.kind, t.state, t.breachedAt, t.ownerId, t.teamId, t.contactId),
    index("sla_timers_owner_idx").on(t.workspaceId, t.ownerId, t.state),
    // serves: the attainment report's timers whose outcome depends on the clock (the settled ones are in lead_rollup)
    index("sla_timers_live_idx").on(t.workspaceId, t.dueAt).where(sql`state = 'running' and breached_at is null`),
  ],
);

/** The ledger of ladder steps that fired; one row per timer and step, so no step fires twice. */
export const slaTimerEvents = pgTable(
  "sla_timer_events",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    timerId: uuid("timer_id").notNull(),
    /** warning | breached | remind_owner | notify_manager | reassign | met | cancelled */
    step: text("step").notNull(),
    at: ts("at").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.timerId], foreignColumns: [slaTimers.workspaceId, slaTimers.id] }).onDelete("cascade"),
    unique("sla_timer_events_step_uq").on(t.workspaceId, t.timerId, t.step),
    index("sla_timer_events_at_idx").on(t.workspaceId, t.at),
  ],
);

/** Marketing's targets evaluated once at each period's end (volume and acceptance rate per segment). */
export const slaPeriodResults = pgTable(
  "sla_period_results",
  {
    workspaceId: workspaceId(),
    policyId: uuid("policy_id").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    mqls: integer("mqls").notNull(),
    mqlTarget: integer("mql_target").notNull(),
    accepted: integer("accepted").notNull(),
    rejected: integer("rejected").notNull(),
    acceptanceRate: real("acceptance_rate"),
    minAcceptanceRate: real("min_acceptance_rate"),
    met: boolean("met").notNull(),
    evaluatedAt: ts("evaluated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.policyId, t.periodStart] }),
    foreignKey({ columns: [t.workspaceId, t.policyId], foreignColumns: [slaPolicies.workspaceId, slaPolicies.id] }).onDelete("cascade"),
  ],
);
