import { and, desc, eq, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, campaigns, contacts, deals, stageTransitions, touchpoints, users } from "../../db/schema/index.js";
import type { ListContactsQuery } from "../../../shared/contracts/contacts.js";
import type { DealContactRole, DealStage } from "../../../shared/domain/deals.js";
import { keyset, likePattern, parseSort, toPage, type SortSpec } from "../../platform/pagination.js";

export type ContactRow = typeof contacts.$inferSelect;

const SORTS: Record<string, Omit<SortSpec, "desc">> = {
  createdAt: { column: sql`${contacts.createdAt}`, id: sql`${contacts.id}`, cast: "timestamptz" },
  lastName: { column: sql`${contacts.lastName}`, id: sql`${contacts.id}`, cast: "text" },
  stageEnteredAt: { column: sql`${contacts.stageEnteredAt}`, id: sql`${contacts.id}`, cast: "timestamptz" },
  engagementScore: { column: sql`${contacts.engagementScore}`, id: sql`${contacts.id}`, cast: "numeric" },
  fitPoints: { column: sql`${contacts.fitPoints}`, id: sql`${contacts.id}`, cast: "numeric" },
};

const userName = (col: SQL) => sql<string | null>`(select u.name from users u where u.id = ${col})`;

/** Data access for contacts, their stage transitions and timeline. */
export function createContactsRepository() {
  return {
    /** Contacts filtered, sorted and paged, with the account name. */
    async list(tx: Queryable, workspaceId: string, q: ListContactsQuery) {
      const { key, desc: isDesc } = parseSort<string>(q.sort, "-createdAt");
      const page = keyset({ ...(SORTS[key] ?? SORTS.createdAt!), desc: isDesc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(contacts.workspaceId, workspaceId), page.after];
      if (q.q) {
        const p = likePattern(q.q);
        conds.push(or(ilike(contacts.email, p), ilike(contacts.firstName, p), ilike(contacts.lastName, p), sql`(${contacts.firstName} || ' ' || ${contacts.lastName}) ilike ${p}`));
      }
      if (q.stage?.length) conds.push(inArray(contacts.stage, q.stage));
      if (q.accountId) conds.push(eq(contacts.accountId, q.accountId));
      if (q.ownerId) conds.push(eq(contacts.ownerId, q.ownerId));
      if (q.sdrId) conds.push(eq(contacts.sdrId, q.sdrId));
      if (q.persona) conds.push(eq(contacts.persona, q.persona));
      if (q.source) conds.push(eq(contacts.source, q.source));
      if (q.fitGrade?.length) conds.push(inArray(contacts.fitGrade, q.fitGrade));
      const rows = await tx
        .select({ contact: contacts, accountName: accounts.name })
        .from(contacts)
        .leftJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
        .where(and(...conds))
        .orderBy(page.orderBy)
        .limit(q.limit + 1);
      const items = rows.map((r) => ({ ...r.contact, accountName: r.accountName }));
      return toPage(items, q.limit, (r) => {
        const v = r[key as keyof typeof r];
        return v instanceof Date || typeof v === "string" || typeof v === "number" ? v : null;
      });
    },

    /** One contact, optionally locked for update. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** The names the contact page shows beside the ids, and the contact's deals — one round trip. */
    async related(tx: Queryable, workspaceId: string, c: ContactRow) {
      type RelatedDeal = { id: string; name: string; stage: DealStage; amount: number; role: DealContactRole };
      const [names] = await tx
        .select({
          accountName: sql<string | null>`(select a.name from accounts a where a.workspace_id = ${workspaceId} and a.id = ${c.accountId})`,
          ownerName: userName(sql`${c.ownerId}::uuid`),
          sdrName: userName(sql`${c.sdrId}::uuid`),
          originalCampaignName: sql<string | null>`(select k.name from campaigns k where k.workspace_id = ${workspaceId} and k.id = ${c.originalCampaignId})`,
          deals: sql<RelatedDeal[]>`coalesce((
            select json_agg(json_build_object('id', d.id, 'name', d.name, 'stage', d.stage, 'amount', d.amount::float8, 'role', dc.role) order by d.created_at desc, d.id desc)
            from deal_contacts dc join deals d on d.workspace_id = dc.workspace_id and d.id = dc.deal_id
            where dc.workspace_id = ${workspaceId} and dc.contact_id = ${c.id}), '[]'::json)`,
        })
        .from(sql`(select 1) as one`);
      return { accountName: null, ownerName: null, sdrName: null, originalCampaignName: null, deals: [] as RelatedDeal[], ...names };
    },

    /** Inserts a contact. */
    async insert(tx: Queryable, row: typeof contacts.$inferInsert) {
      const [created] = await tx.insert(contacts).values(row).returning();
      return created!;
    },

    /** Updates a contact. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof contacts.$inferInsert>) {
      const [row] = await tx.update(contacts).set(patch).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id))).returning();
      return row ?? null;
    },

    /**
     * The deals whose attribution or sales-activity facts can change when the contact goes: the deals it is on, and
     * every deal of its account (attribution falls back to the account's contacts' touches).
     */
    async dealsAffectedBy(tx: Queryable, workspaceId: string, contactId: string, accountId: string | null): Promise<string[]> {
      const res = await tx.execute<{ id: string }>(sql`
        select d.id from deals d
        where d.workspace_id = ${workspaceId}
          and (${accountId === null ? sql`false` : sql`d.account_id = ${accountId}`}
               or d.primary_contact_id = ${contactId}
               or exists (select 1 from deal_contacts dc where dc.workspace_id = d.workspace_id and dc.deal_id = d.id and dc.contact_id = ${contactId}))
        order by d.id`);
      return res.rows.map((r) => r.id);
    },

    /** Deletes a contact, its touchpoints and its deal memberships; deals that named it keep existing without it. */
    async delete(tx: Queryable, workspaceId: string, id: string) {
      await tx.update(deals).set({ primaryContactId: null }).where(and(eq(deals.workspaceId, workspaceId), eq(deals.primaryContactId, id)));
      await tx.update(deals).set({ sourceContactId: null }).where(and(eq(deals.workspaceId, workspaceId), eq(deals.sourceContactId, id)));
      await tx.delete(touchpoints).where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.contactId, id)));
      await tx.delete(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
    },

    /** Records a lifecycle move. */
    async insertTransition(tx: Queryable, row: typeof stageTransitions.$inferInsert) {
      await tx.insert(stageTransitions).values(row);
    },

    /** A page of the contact's touchpoints before a time, newest first, with campaign and actor names. */
    async touchpointsBefore(tx: Queryable, workspaceId: string, contactId: string, before: Date | null, limit: number) {
      const conds: (SQL | undefined)[] = [eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.contactId, contactId)];
      if (before) conds.push(lt(touchpoints.occurredAt, before));
      return tx
        .select({
          id: touchpoints.id,
          at: touchpoints.occurredAt,
          type: touchpoints.type,
          category: touchpoints.category,
          channel: touchpoints.channel,
          campaignId: touchpoints.campaignId,
          campaignName: campaigns.name,
          actorName: users.name,
          properties: touchpoints.properties,
        })
        .from(touchpoints)
        .leftJoin(campaigns, and(eq(campaigns.workspaceId, touchpoints.workspaceId), eq(campaigns.id, touchpoints.campaignId)))
        .leftJoin(users, eq(users.id, touchpoints.actorUserId))
        .where(and(...conds))
        .orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id))
        .limit(limit);
    },

    /** A page of the contact's stage changes before a time, newest first. */
    async transitionsBefore(tx: Queryable, workspaceId: string, contactId: string, before: Date | null, limit: number) {
      const conds: (SQL | undefined)[] = [eq(stageTransitions.workspaceId, workspaceId), eq(stageTransitions.contactId, contactId)];
      if (before) conds.push(lt(stageTransitions.at, before));
      return tx
        .select({
          id: stageTransitions.id,
          at: stageTransitions.at,
          fromStage: stageTransitions.fromStage,
          toStage: stageTransitions.toStage,
          actorName: users.name,
          actorKind: stageTransitions.actorKind,
          reasonCode: stageTransitions.reasonCode,
          note: stageTransitions.note,
          definitionVersion: stageTransitions.definitionVersion,
        })
        .from(stageTransitions)
        .leftJoin(users, eq(users.id, stageTransitions.actorUserId))
        .where(and(...conds))
        .orderBy(desc(stageTransitions.at), desc(stageTransitions.id))
        .limit(limit);
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
