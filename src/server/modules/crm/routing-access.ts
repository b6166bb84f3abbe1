import { and, eq, inArray, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, campaigns, contacts } from "../../db/schema/index.js";
import type { HandoffTouch } from "../../../shared/domain/routing.js";
import type { ContactRow } from "./contacts.repository.js";
import { fitSubjectOf } from "./scoring-access.js";

// Open leads count against a round-robin rep's capacity.
const OPEN_STAGES = ["mql", "sal"] as const;
const CONTENT_LIMIT = 50;


/** What the routing module may read and write of contacts, without touching the crm tables itself. */
export function createRoutingAccess() {
  // Each contact's newest `limit` touches (with their campaign) among those `filter` admits, newest first: one
  // query for a whole batch of contacts, so the demo's and an import's backfill do not issue one per contact.
  async function touchesOfMany(tx: Queryable, workspaceId: string, contactIds: string[], limit: number, filter: SQL = sql`true`) {
    const res = await tx.execute<{ contact_id: string; at: Date; type: string; channel: string | null; campaign_id: string | null; campaign_name: string | null; campaign_channel: string | null; properties: Record<string, unknown> }>(sql`
      select t.contact_id, t.occurred_at as at, t.type, t.channel, t.campaign_id, cp.name as campaign_name, cp.channel as campaign_channel, t.properties
      from unnest(${sql.param(contactIds)}::uuid[]) as c(id)
      cross join lateral (
        select * from touchpoints tp
        where tp.workspace_id = ${workspaceId} and tp.contact_id = c.id and ${filter}
        order by tp.occurred_at desc, tp.id desc
        limit ${limit}
      ) t
      left join campaigns cp on cp.workspace_id = t.workspace_id and cp.id = t.campaign_id
      order by t.contact_id, t.occurred_at desc, t.id desc`);
    const byContact = new Map<string, HandoffTouch[]>(contactIds.map((id) => [id, []]));
    for (const r of res.rows) {
      byContact.get(r.contact_id)!.push({ at: new Date(r.at), type: r.type, channel: r.channel, campaignId: r.campaign_id, campaignName: r.campaign_name, campaignChannel: r.campaign_channel, properties: r.properties });
    }
    return byContact;
  }

  /** Handoff facts for many contacts at once (a constant number of queries per batch), keyed by contact id. */
  async function handoffFactsMany(tx: Queryable, workspaceId: string, batch: ContactRow[], recentLimit: number) {
    const ids = batch.map((c) => c.id);
    const recent = await touchesOfMany(tx, workspaceId, ids, recentLimit);
    const content = await touchesOfMany(tx, workspaceId, ids, CONTENT_LIMIT, sql`tp.type in ('content_view', 'content_download')`);
    // The converting campaign may lie further back than the recent touches.
    const lastWithCampaign = await touchesOfMany(tx, workspaceId, ids, 1, sql`tp.campaign_id is not null`);
    const mqlNotes = await tx.execute<{ contact_id: string; note: string | null }>(sql`
      select distinct on (st.contact_id) st.contact_id, st.note
      from stage_transitions st
      where st.workspace_id = ${workspaceId} and st.contact_id = any(${sql.param(ids)}::uuid[]) and st.to_stage = 'mql'
      order by st.contact_id, st.at desc, st.id desc`);
    const noteOf = new Map(mqlNotes.rows.map((r) => [r.contact_id, r.note]));
    const campaignIds = [...new Set(batch.map((c) => c.originalCampaignId).filter((id): id is string => id !== null))];
    const originals = campaignIds.length
      ? await tx
          .select({ id: campaigns.id, name: campaigns.name, channel: campaigns.channel })
          .from(campaigns)
          .where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.id, campaignIds)))
      : [];
    const campaignOf = new Map(originals.map((c) => [c.id, c]));
    return new Map(
      batch.map((c) => [
        c.id,
        {
          recent: recent.get(c.id)!,
          content: content.get(c.id)!,
          lastWithCampaign: lastWithCampaign.get(c.id)![0] ?? null,
          mqlNote: noteOf.get(c.id) ?? null,
          originalCampaign: (c.originalCampaignId && campaignOf.get(c.originalCampaignId)) || null,
        },
      ]),
    );
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

    /** The facts a handoff is built from: recent touches, content consumed, the MQL note, the original campaign. */
    async handoffFacts(tx: Queryable, workspaceId: string, contact: ContactRow, recentLimit: number) {
      return (await handoffFactsMany(tx, workspaceId, [contact], recentLimit)).get(contact.id)!;
    },

    handoffFactsMany,
  };
}

export type RoutingAccess = ReturnType<typeof createRoutingAccess>;
