import { and, desc, eq, inArray, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, campaigns, contacts, stageTransitions, touchpoints } from "../../db/schema/index.js";
import type { HandoffTouch } from "../../../shared/domain/routing.js";
import type { ContactRow } from "./contacts.repository.js";
import { fitSubjectOf } from "./scoring-access.js";

// Open leads count against a round-robin rep's capacity.
const OPEN_STAGES = ["mql", "sal"] as const;
const CONTENT_TYPES = ["content_view", "content_download"] as const;
const CONTENT_LIMIT = 50;

const touchColumns = {
  at: touchpoints.occurredAt,
  type: touchpoints.type,
  channel: touchpoints.channel,
  campaignId: touchpoints.campaignId,
  campaignName: campaigns.name,
  campaignChannel: campaigns.channel,
  properties: touchpoints.properties,
};

/** What the routing module may read and write of contacts, without touching the crm tables itself. */
export function createRoutingAccess() {
  // A contact's touches with their campaign, newest first.
  function touchesOf(tx: Queryable, workspaceId: string, contactId: string, limit: number, extra?: SQL): Promise<HandoffTouch[]> {
    return tx
      .select(touchColumns)
      .from(touchpoints)
      .leftJoin(campaigns, and(eq(campaigns.workspaceId, touchpoints.workspaceId), eq(campaigns.id, touchpoints.campaignId)))
      .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.contactId, contactId), extra))
      .orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id))
      .limit(limit);
  }

  return {
    /** A contact (locked for update when asked) with its account's owner and the values routing conditions read. */
    async loadForRouting(tx: Queryable, workspaceId: string, contactId: string, lock = false) {
      const base = tx
        .select({ contact: contacts, account: accounts })
        .from(contacts)
        .leftJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
      const [row] = lock ? await base.for("update", { of: contacts }) : await base;
      return row ? { contact: row.contact, accountOwnerId: row.account?.ownerId ?? null, subject: fitSubjectOf(row.contact, row.account) } : null;
    },

    /** Sets a contact's owner. */
    async setOwner(tx: Queryable, workspaceId: string, contactId: string, ownerId: string, at: Date): Promise<ContactRow> {
      const [row] = await tx.update(contacts).set({ ownerId, updatedAt: at }).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId))).returning();
      return row!;
    },

    /** Open leads (mql/sal) each user owns, leaving out the contact being routed. */
    async openLeadCounts(tx: Queryable, workspaceId: string, userIds: string[], exceptContactId: string): Promise<Map<string, number>> {
      if (userIds.length === 0) return new Map();
      const rows = await tx
        .select({ ownerId: contacts.ownerId, n: sql<number>`count(*)::int` })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.ownerId, userIds), inArray(contacts.stage, [...OPEN_STAGES]), ne(contacts.id, exceptContactId)))
        .groupBy(contacts.ownerId);
      return new Map(rows.map((r) => [r.ownerId!, r.n]));
    },

    /** The facts a handoff is built from: recent touches, content consumed, the MQL note, the original campaign. */
    /** Open leads (mql, sal) with an owner but no handoff record: history loaded before routing existed. */
    openLeadsWithoutHandoff(tx: Queryable, workspaceId: string): Promise<ContactRow[]> {
      return tx
        .select()
        .from(contacts)
        .where(
          and(
            eq(contacts.workspaceId, workspaceId),
            inArray(contacts.stage, [...OPEN_STAGES]),
            isNotNull(contacts.ownerId),
            sql`not exists (select 1 from handoffs h where h.workspace_id = ${contacts.workspaceId} and h.contact_id = ${contacts.id})`,
          ),
        );
    },

    async handoffFacts(tx: Queryable, workspaceId: string, contact: ContactRow, recentLimit: number) {
      const recent = await touchesOf(tx, workspaceId, contact.id, recentLimit);
      const content = await touchesOf(tx, workspaceId, contact.id, CONTENT_LIMIT, inArray(touchpoints.type, [...CONTENT_TYPES]));
      // The converting campaign may lie further back than the recent touches.
      const [lastWithCampaign] = await touchesOf(tx, workspaceId, contact.id, 1, isNotNull(touchpoints.campaignId));
      const [mql] = await tx
        .select({ note: stageTransitions.note })
        .from(stageTransitions)
        .where(and(eq(stageTransitions.workspaceId, workspaceId), eq(stageTransitions.contactId, contact.id), eq(stageTransitions.toStage, "mql")))
        .orderBy(desc(stageTransitions.at), desc(stageTransitions.id))
        .limit(1);
      const [original] = contact.originalCampaignId
        ? await tx
            .select({ id: campaigns.id, name: campaigns.name, channel: campaigns.channel })
            .from(campaigns)
            .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, contact.originalCampaignId)))
        : [];
      return { recent, content, lastWithCampaign: lastWithCampaign ?? null, mqlNote: mql?.note ?? null, originalCampaign: original ?? null };
    },
  };
}

export type RoutingAccess = ReturnType<typeof createRoutingAccess>;
