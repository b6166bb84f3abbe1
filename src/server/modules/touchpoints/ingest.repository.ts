import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { anyOf, arrayParam } from "../../db/arrays.js";
import type { TouchpointCategory, TouchpointType } from "../../../shared/domain/touchpoints.js";
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

/** A touchpoint the ingest path writes (the batch's workspace, receive time and source are common to all). */
export type NewTouchpoint = {
  id: string;
  contactId: string | null;
  accountId: string | null;
  campaignId: string | null;
  type: TouchpointType;
  category: TouchpointCategory;
  channel: string | null;
  occurredAt: Date;
  properties: Record<string, unknown>;
  clientEventId: string | null;
  actorUserId: string | null;
  visitorId: string | null;
};

/** Bulk writes of the ingest path: multi-row inserts that skip known client event ids, visitor merges. */
export function createIngestRepository() {
  return {
    /**
     * Appends rows of one workspace, received at one time from one source, in one statement; a client event id
     * already stored (or stored concurrently) is skipped by the unique index, so a retried batch never writes an
     * event twice. One array parameter per column (`unnest`): a 1,000-row multi-row insert would be 14,000
     * parameters to parse. Returns the ids written.
     */
    async insertMany(tx: Queryable, workspaceId: string, receivedAt: Date, source: string, rows: NewTouchpoint[]): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const col = <T>(f: (r: NewTouchpoint) => T) => rows.map(f);
      const res = await tx.execute<{ id: string }>(sql`
        insert into touchpoints (workspace_id, id, contact_id, account_id, campaign_id, type, category, channel, occurred_at, received_at,
                                 properties, source, client_event_id, actor_user_id, visitor_id)
        select ${workspaceId}::uuid, r.id, r.contact_id, r.account_id, r.campaign_id, r.type, r.category, r.channel, r.occurred_at,
               ${receivedAt.toISOString()}::timestamptz, r.properties, ${source}, r.client_event_id, r.actor_user_id, r.visitor_id
        from unnest(${arrayParam(col((r) => r.id), "uuid")}, ${arrayParam(col((r) => r.contactId), "uuid")}, ${arrayParam(col((r) => r.accountId), "uuid")},
                    ${arrayParam(col((r) => r.campaignId), "uuid")}, ${arrayParam(col((r) => r.type), "text")}, ${arrayParam(col((r) => r.category), "text")},
                    ${arrayParam(col((r) => r.channel), "text")}, ${arrayParam(col((r) => r.occurredAt.toISOString()), "timestamptz")},
                    ${arrayParam(col((r) => JSON.stringify(r.properties)), "jsonb")}, ${arrayParam(col((r) => r.clientEventId), "text")},
                    ${arrayParam(col((r) => r.actorUserId), "uuid")}, ${arrayParam(col((r) => r.visitorId), "text")})
          as r(id, contact_id, account_id, campaign_id, type, category, channel, occurred_at, properties, client_event_id, actor_user_id, visitor_id)
        on conflict (workspace_id, client_event_id) do nothing
        returning id`);
      return new Set(res.rows.map((r) => r.id));
    },

    /** Stored touchpoints by client event id (the duplicates of a batch). */
    async idsByClientEventId(tx: Queryable, workspaceId: string, clientEventIds: string[]) {
      if (clientEventIds.length === 0) return new Map<string, { id: string; contactId: string | null }>();
      const rows = await tx
        .select({ id: touchpoints.id, clientEventId: touchpoints.clientEventId, contactId: touchpoints.contactId })
        .from(touchpoints)
        .where(and(eq(touchpoints.workspaceId, workspaceId), anyOf(touchpoints.clientEventId, clientEventIds, "text")));
      return new Map(rows.map((r) => [r.clientEventId!, { id: r.id, contactId: r.contactId }]));
    },

    /** The contact each known visitor id was merged into. */
    async contactsOfVisitors(tx: Queryable, workspaceId: string, visitorIds: string[]) {
      if (visitorIds.length === 0) return new Map<string, string>();
      const rows = await tx
        .select({ visitorId: visitors.visitorId, contactId: visitors.contactId })
        .from(visitors)
        .where(and(eq(visitors.workspaceId, workspaceId), anyOf(visitors.visitorId, visitorIds, "text")));
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
