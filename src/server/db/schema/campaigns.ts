import type { Channel } from "../../../shared/domain/touchpoints.js";
import { date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { externalIdIndexes, ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";

/** Campaigns / marketing vehicles. */
export const campaigns = pgTable(
  "campaigns",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    channel: text("channel").$type<Channel>().notNull(),
    vehicle: text("vehicle"),
    status: text("status").$type<"planned" | "active" | "completed" | "cancelled">().notNull().default("planned"),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    budget: numeric("budget", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    actualCost: numeric("actual_cost", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    targetPersonas: text("target_personas").array().notNull().default([]),
    ownerId: uuid("owner_id"),
    brief: jsonb("brief").$type<Record<string, unknown>>(),
    externalIds: jsonb("external_ids").$type<Record<string, string>>().notNull().default({}),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique("campaigns_name_uq").on(t.workspaceId, t.name),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: campaign list ordered by start date
    index("campaigns_starts_idx").on(t.workspaceId, t.startsOn, t.id),
    ...externalIdIndexes("campaigns", t),
  ],
);

/** Dated cost lines; a campaign's actual cost is their sum. */
export const campaignCosts = pgTable(
  "campaign_costs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    incurredOn: date("incurred_on", { mode: "string" }).notNull(),
    amount: numeric("amount", { precision: 14, scale: 2, mode: "number" }).notNull(),
    description: text("description").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.campaignId], foreignColumns: [campaigns.workspaceId, campaigns.id] }).onDelete("cascade"),
    // serves: a campaign's cost lines; cost per period
    index("campaign_costs_campaign_idx").on(t.workspaceId, t.campaignId, t.incurredOn),
  ],
);
