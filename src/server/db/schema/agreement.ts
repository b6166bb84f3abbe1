import { sql } from "drizzle-orm";
import { doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { EngagementRule, FitRule, GradeThresholds, MqlRule } from "../../../shared/contracts/agreement.js";
import { ts, workspaceId } from "./columns.js";
import { contacts } from "./crm.js";

/** Versioned, two-party qualified-lead definitions (DESIGN §6.2). */
export const leadDefinitions = pgTable(
  "lead_definitions",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    version: integer("version").notNull(),
    status: text("status").$type<"draft" | "proposed" | "active" | "superseded">().notNull().default("draft"),
    fitRules: jsonb("fit_rules").$type<FitRule[]>().notNull(),
    gradeThresholds: jsonb("grade_thresholds").$type<GradeThresholds>().notNull(),
    engagementRules: jsonb("engagement_rules").$type<EngagementRule[]>().notNull(),
    halfLifeDays: doublePrecision("half_life_days").notNull(),
    mqlRule: jsonb("mql_rule").$type<MqlRule>().notNull(),
    notes: text("notes"),
    createdBy: uuid("created_by").notNull(),
    proposedBy: uuid("proposed_by"),
    proposedAt: ts("proposed_at"),
    marketingApprovedBy: uuid("marketing_approved_by"),
    marketingApprovedAt: ts("marketing_approved_at"),
    salesApprovedBy: uuid("sales_approved_by"),
    salesApprovedAt: ts("sales_approved_at"),
    activatedAt: ts("activated_at"),
    supersededAt: ts("superseded_at"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique("lead_definitions_version_uq").on(t.workspaceId, t.version),
    // serves: "the active definition" on every scoring call
    index("lead_definitions_status_idx").on(t.workspaceId, t.status),
    // at most one active version per workspace, whatever races the approvals run into
    uniqueIndex("lead_definitions_one_active_idx").on(t.workspaceId).where(sql`status = 'active'`),
  ],
);

/** Points history per contact: which rule fired, when, under which version. */
export const scoreEvents = pgTable(
  "score_events",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    at: ts("at").notNull(),
    kind: text("kind").$type<"fit" | "engagement">().notNull(),
    ruleId: text("rule_id").notNull(),
    ruleLabel: text("rule_label").notNull(),
    points: doublePrecision("points").notNull(),
    touchpointId: uuid("touchpoint_id"),
    definitionVersion: integer("definition_version").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    // serves: a contact's points history, newest first; cap counting per rule
    index("score_events_contact_idx").on(t.workspaceId, t.contactId, t.at),
  ],
);
