import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { touchpoints, visitors } from "../../db/schema/index.js";

/** The touchpoint fields every read and write of this module returns (one list for the log and the ingest path). */
export const touchpointColumns = {
  id: touchpoints.id,
  contactId: touchpoints.contactId,
  accountId: touchpoints.accountId,
  campaignId: touchpoints.campaignId,
  assetId: touchpoints.assetId,
  type: touchpoints.type,
  category: touchpoints.category,
  channel: touchpoints.channel,
  occurredAt: touchpoints.occurredAt,
  receivedAt: touchpoints.receivedAt,
  properties: touchpoints.properties,
  source: touchpoints.source,
  clientEventId: touchpoints.clientEventId,
  actorUserId: touchpoints.actorUserId,
};

/** Bulk writes of the ingest path: multi-row inserts that skip known client event ids, visitor merges. */
export function createIngestRepository() {
  return {
    /**
     * Appends rows in one statement; a client event id already stored (or stored concurrently) is skipped by the
     * unique index, so a retried batch never writes an event twice. Returns the rows written.
     */
    async insertMany(tx: Queryable, rows: (typeof touchpoints.$inferInsert)[]) {
      if (rows.length === 0) return [];
      return tx.insert(touchpoints).values(rows).onConflictDoNothing({ target: [touchpoints.workspaceId, touchpoints.clientEventId] }).returning(touchpointColumns);
    },

    /** Stored touchpoints by client event id (the duplicates of a batch). */
    async idsByClientEventId(tx: Queryable, workspaceId: string, clientEventIds: string[]) {
      if (clientEventIds.length === 0) return new Map<string, { id: string; contactId: string | null }>();
      const rows = await tx
        .select({ id: touchpoints.id, clientEventId: touchpoints.clientEventId, contactId: touchpoints.contactId })
        .from(touchpoints)
        .where(and(eq(touchpoints.workspaceId, workspaceId), inArray(touchpoints.clientEventId, clientEventIds)));
      return new Map(rows.map((r) => [r.clientEventId!, { id: r.id, contactId: r.contactId }]));
    },

    /** The contact each known visitor id was merged into. */
    async contactsOfVisitors(tx: Queryable, workspaceId: string, visitorIds: string[]) {
      if (visitorIds.length === 0) return new Map<string, string>();
      const rows = await tx
        .select({ visitorId: visitors.visitorId, contactId: visitors.contactId })
        .from(visitors)
        .where(and(eq(visitors.workspaceId, workspaceId), inArray(visitors.visitorId, visitorIds)));
      return new Map(rows.map((r) => [r.visitorId, r.contactId]));
    },

    /** Deletes every touchpoint carrying one of the contact's visitor ids (GDPR erasure); returns how many. */
    async deleteVisitorTouches(tx: Queryable, workspaceId: string, contactId: string) {
      const gone = await tx
        .delete(touchpoints)
        .where(
          and(
            eq(touchpoints.workspaceId, workspaceId),
            inArray(touchpoints.visitorId, tx.select({ v: visitors.visitorId }).from(visitors).where(and(eq(visitors.workspaceId, workspaceId), eq(visitors.contactId, contactId)))),
          ),
        )
        .returning({ id: touchpoints.id });
      return gone.length;
    },

    /** Ties a visitor id to a contact (the latest identification wins) and gives its anonymous touches the contact. */
    async mergeVisitor(tx: Queryable, workspaceId: string, visitorId: string, contactId: string, accountId: string | null, at: Date) {
      await tx
        .insert(visitors)
        .values({ workspaceId, visitorId, contactId, mergedAt: at })
        .onConflictDoUpdate({ target: [visitors.workspaceId, visitors.visitorId], set: { contactId, mergedAt: at } });
      return tx
        .update(touchpoints)
        .set({ contactId, accountId: sql`coalesce(${touchpoints.accountId}, ${accountId}::uuid)` })
        .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.visitorId, visitorId), isNull(touchpoints.contactId)))
        .returning(touchpointColumns);
    },
  };
}

export type IngestRepository = ReturnType<typeof createIngestRepository>;
