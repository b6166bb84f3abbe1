import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { touchpoints } from "../../db/schema/index.js";
import type { ListTouchpointsQuery } from "../../../shared/contracts/touchpoints.js";
import { keyset, parseSort, toPage } from "../../platform/pagination.js";
import { touchpointColumns } from "./ingest.repository.js";

/** Data access for the append-only touchpoint log. */
export function createTouchpointsRepository() {
  const columns = touchpointColumns;
  return {
    /** Touchpoints filtered and paged, newest first by default. */
    async list(tx: Queryable, workspaceId: string, q: ListTouchpointsQuery) {
      const { desc } = parseSort<"occurredAt">(q.sort, "-occurredAt");
      const page = keyset({ column: sql`${touchpoints.occurredAt}`, id: sql`${touchpoints.id}`, desc, cast: "timestamptz" }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(touchpoints.workspaceId, workspaceId), page.after];
      if (q.contactId) conds.push(eq(touchpoints.contactId, q.contactId));
      if (q.accountId) conds.push(eq(touchpoints.accountId, q.accountId));
      if (q.campaignId) conds.push(eq(touchpoints.campaignId, q.campaignId));
      if (q.type?.length) conds.push(inArray(touchpoints.type, q.type));
      if (q.category) conds.push(eq(touchpoints.category, q.category));
      if (q.from) conds.push(gte(touchpoints.occurredAt, new Date(q.from)));
      if (q.to) conds.push(lt(touchpoints.occurredAt, new Date(q.to)));
      const rows = await tx
        .select({
          ...columns,
          // Names by point look-up on each table's primary key: the page is at most 500 rows.
          contactName: sql<string | null>`(select coalesce(nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''), c.email) from contacts c where c.workspace_id = ${touchpoints.workspaceId} and c.id = ${touchpoints.contactId})`,
          accountName: sql<string | null>`(select a.name from accounts a where a.workspace_id = ${touchpoints.workspaceId} and a.id = ${touchpoints.accountId})`,
          campaignName: sql<string | null>`(select k.name from campaigns k where k.workspace_id = ${touchpoints.workspaceId} and k.id = ${touchpoints.campaignId})`,
        })
        .from(touchpoints)
        .where(and(...conds))
        .orderBy(page.orderBy)
        .limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => r.occurredAt);
    },

    /** One touchpoint. */
    async findById(tx: Queryable, workspaceId: string, id: string) {
      const [row] = await tx.select(columns).from(touchpoints).where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)));
      return row ?? null;
    },

    /** A touchpoint by the client's event id (dedupe). */
    async findByClientEventId(tx: Queryable, workspaceId: string, clientEventId: string) {
      const [row] = await tx.select(columns).from(touchpoints).where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.clientEventId, clientEventId)));
      return row ?? null;
    },

    /** Appends a touchpoint. */
    async insert(tx: Queryable, row: typeof touchpoints.$inferInsert) {
      const [created] = await tx.insert(touchpoints).values(row).returning(columns);
      return created!;
    },
  };
}

export type TouchpointsRepository = ReturnType<typeof createTouchpointsRepository>;
