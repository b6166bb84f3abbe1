import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import { contacts } from "./crm.js";

export type PlaybookMatch = { sources: string[]; channels: string[]; personas: string[] };
export type PlaybookStep = { day: number; channel: string; action: string; talkTrack: string | null; assetId: string | null };

/** How to follow up a lead from a given source/channel/persona: first channel, then timed steps. */
export const playbooks = pgTable(
  "playbooks",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    /** Empty lists match anything; the lowest position among matches wins. */
    match: jsonb("match").$type<PlaybookMatch>().notNull(),
    position: integer("position").notNull(),
    firstChannel: text("first_channel").notNull(),
    steps: jsonb("steps").$type<PlaybookStep[]>().notNull().default([]),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index("playbooks_position_idx").on(t.workspaceId, t.position)],
);

/** The playbook recommended for a lead when it was handed to a rep (adherence is measured against it). */
export const playbookAssignments = pgTable(
  "playbook_assignments",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    playbookId: uuid("playbook_id").notNull(),
    handoffId: uuid("handoff_id"),
    repId: uuid("rep_id").notNull(),
    assignedAt: ts("assigned_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.playbookId], foreignColumns: [playbooks.workspaceId, playbooks.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.workspaceId, t.repId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index("playbook_assignments_contact_idx").on(t.workspaceId, t.contactId, t.assignedAt),
    index("playbook_assignments_rep_idx").on(t.workspaceId, t.repId, t.assignedAt),
  ],
);
