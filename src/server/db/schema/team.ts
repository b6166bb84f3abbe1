import { foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import { deals } from "./crm.js";

export type CompPlanKind = "per_meeting" | "revenue_share";
export type CompStatementLineRow = { kind: "meeting" | "deal" | "clawback"; refId: string; label: string; at: string; base: number; amount: number };

/** Structured notes of a buyer interview after a deal closed: what they weighed, who decided and why. */
export const dealInterviews = pgTable(
  "deal_interviews",
  {
    workspaceId: workspaceId(),
    dealId: uuid("deal_id").notNull(),
    decisionCriteria: text("decision_criteria"),
    decidedBy: text("decided_by"),
    why: text("why"),
    recordedBy: uuid("recorded_by"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.recordedBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
  ],
);

/** A commission plan for lead-generation reps: an amount per accepted meeting, or a share of sourced won revenue with clawback. */
export const compPlans = pgTable(
  "comp_plans",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<CompPlanKind>().notNull(),
    /** per_meeting: paid for each accepted meeting. */
    amountPerMeeting: numeric("amount_per_meeting", { precision: 12, scale: 2, mode: "number" }),
    /** revenue_share: percent of the sourced deal's won amount (e.g. 5 = 5 %). */
    ratePercent: numeric("rate_percent", { precision: 6, scale: 3, mode: "number" }),
    /** revenue_share: a churn within this many days of the win claws the commission back. */
    clawbackDays: integer("clawback_days"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique("comp_plans_name_uq").on(t.workspaceId, t.name)],
);

/** Which plan a rep is paid on (one plan per rep). */
export const compAssignments = pgTable(
  "comp_assignments",
  {
    workspaceId: workspaceId(),
    userId: uuid("user_id").notNull(),
    planId: uuid("plan_id").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.planId], foreignColumns: [compPlans.workspaceId, compPlans.id] }).onDelete("cascade"),
    // serves: the reps on a plan (plan page, delete check)
    index("comp_assignments_plan_idx").on(t.workspaceId, t.planId),
  ],
);

/** A finalised monthly commission statement: the lines and total as paid, frozen (drafts are computed on the fly). */
export const compStatements = pgTable(
  "comp_statements",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    /** `YYYY-MM` in the workspace's time zone. */
    month: text("month").notNull(),
    /** The plan as it was when finalised (name and kind are frozen beside it; the plan may change later). */
    planId: uuid("plan_id"),
    planName: text("plan_name").notNull(),
    planKind: text("plan_kind").$type<CompPlanKind>().notNull(),
    lines: jsonb("lines").$type<CompStatementLineRow[]>().notNull(),
    total: numeric("total", { precision: 14, scale: 2, mode: "number" }).notNull(),
    finalisedAt: ts("finalised_at").notNull(),
    finalisedBy: uuid("finalised_by"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.finalisedBy], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // one statement per rep and month; also serves a rep's statements by month
    unique("comp_statements_user_month_uq").on(t.workspaceId, t.userId, t.month),
  ],
);
