import { foreignKey, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { deals } from "./crm.js";

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
