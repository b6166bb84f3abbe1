import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import type { Condition } from "../../../shared/contracts/agreement.js";
import { ts, workspaceId } from "./columns.js";
import { memberships, teams } from "./identity.js";
import { contacts } from "./crm.js";
import { campaigns } from "./campaigns.js";

export type RoutingRuleKind = "account_owner" | "territory" | "round_robin";

/** Ordered lead-routing rules (DESIGN §6.3): the first that assigns someone wins. */
export const routingRules = pgTable(
  "routing_rules",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    kind: text("kind").$type<RoutingRuleKind>().notNull(),
    /** All must hold for the rule to apply (same shape as fit conditions: contact.* and account.* fields). */
    conditions: jsonb("conditions").$type<Condition[]>().notNull().default([]),
    /** territory: the one assignee; round_robin: ignored. */
    assigneeId: uuid("assignee_id"),
    /** round_robin: the team whose active sales members take turns. */
    teamId: uuid("team_id"),
    /** round_robin: most open leads (mql/sal) a rep may hold; null = no cap. */
    capacity: integer("capacity"),
    /** round_robin: who got the last lead, so turns continue across restarts. */
    lastAssigneeId: uuid("last_assignee_id"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.assigneeId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }),
    // serves: rules in order
    index("routing_rules_position_idx").on(t.workspaceId, t.position),
  ],
);

/** An SDR pod: one lead-generation rep working for 3–6 account executives. */
export const pods = pgTable(
  "pods",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    sdrId: uuid("sdr_id").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.sdrId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    unique("pods_name_uq").on(t.workspaceId, t.name),
    // an SDR belongs to one pod
    unique("pods_sdr_uq").on(t.workspaceId, t.sdrId),
  ],
);

/** The account executives a pod serves; an AE is in at most one pod. */
export const podMembers = pgTable(
  "pod_members",
  {
    workspaceId: workspaceId(),
    podId: uuid("pod_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.podId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.podId], foreignColumns: [pods.workspaceId, pods.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    unique("pod_members_user_uq").on(t.workspaceId, t.userId),
  ],
);

export type HandoffContext = {
  scoreExplanation: string | null;
  fit: { points: number; grade: string | null };
  engagement: number;
  timeline: { at: string; type: string; channel: string | null; campaignName: string | null; assetTitle: string | null }[];
  contentConsumed: { title: string; at: string }[];
  convertingCampaign: { id: string; name: string; channel: string | null } | null;
  recommendedNextStep: string;
  /** A manual reassignment's reason, as given. */
  note?: string | null;
};

/** A lead handed to a rep: who, by which rule, and the context the rep needs to act. */
export const handoffs = pgTable(
  "handoffs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    toUserId: uuid("to_user_id").notNull(),
    fromUserId: uuid("from_user_id"),
    ruleId: uuid("rule_id"),
    reason: text("reason").notNull(),
    campaignId: uuid("campaign_id"),
    definitionVersion: integer("definition_version"),
    context: jsonb("context").$type<HandoffContext>().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.toUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }),
    // serves: a contact's handoffs, newest first
    index("handoffs_contact_idx").on(t.workspaceId, t.contactId, t.createdAt),
    // serves: a rep's handoffs
    index("handoffs_to_idx").on(t.workspaceId, t.toUserId, t.createdAt),
  ],
);
