import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, contacts, dealContacts, dealInterviews, dealStageHistory, deals, users } from "../../db/schema/index.js";
import type { DealInterviewBody, ListDealsQuery } from "../../../shared/contracts/deals.js";
import type { DealContactRole } from "../../../shared/domain/deals.js";
import { keyset, likePattern, parseSort, toPage, type SortSpec } from "../../platform/pagination.js";

export type DealRow = typeof deals.$inferSelect;

const SORTS: Record<string, Omit<SortSpec, "desc">> = {
  createdAt: { column: sql`${deals.createdAt}`, id: sql`${deals.id}`, cast: "timestamptz" },
  amount: { column: sql`${deals.amount}`, id: sql`${deals.id}`, cast: "numeric" },
  name: { column: sql`${deals.name}`, id: sql`${deals.id}`, cast: "text" },
  closedAt: { column: sql`${deals.closedAt}`, id: sql`${deals.id}`, cast: "timestamptz" },
  expectedCloseAt: { column: sql`${deals.expectedCloseAt}`, id: sql`${deals.id}`, cast: "timestamptz" },
};

/** Data access for deals, their contacts and stage history. */
export function createDealsRepository() {
  const listColumns = { deal: deals, accountName: accounts.name, ownerName: users.name };
  const listFrom = (tx: Queryable) =>
    tx
      .select(listColumns)
      .from(deals)
      .innerJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
      .leftJoin(users, eq(users.id, deals.ownerId))
      .$dynamic();

  return {
    /** Deals filtered, sorted and paged, with account and owner names. */
    async list(tx: Queryable, workspaceId: string, q: ListDealsQuery) {
      const { key, desc } = parseSort<string>(q.sort, "-createdAt");
      const page = keyset({ ...(SORTS[key] ?? SORTS.createdAt!), desc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(deals.workspaceId, workspaceId), page.after];
      if (q.q) conds.push(sql`(${deals.name} ilike ${likePattern(q.q)} or ${accounts.name} ilike ${likePattern(q.q)})`);
      if (q.stage?.length) conds.push(inArray(deals.stage, q.stage));
      if (q.type?.length) conds.push(inArray(deals.type, q.type));
      if (q.outcome?.length) conds.push(inArray(deals.outcome, q.outcome));
      if (q.accountId) conds.push(eq(deals.accountId, q.accountId));
      if (q.ownerId) conds.push(eq(deals.ownerId, q.ownerId));
      if (q.open !== undefined) conds.push(q.open ? isNull(deals.closedAt) : isNotNull(deals.closedAt));
      const rows = await listFrom(tx).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      const items = rows.map((r) => ({ ...r.deal, accountName: r.accountName, ownerName: r.ownerName }));
      return toPage(items, q.limit, (r) => {
        const v = r[key as keyof typeof r];
        return v instanceof Date || typeof v === "string" || typeof v === "number" ? v : null;
      });
    },

    /** One deal, optionally locked. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(deals).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** The names, people and history the deal page shows. */
    async detail(tx: Queryable, workspaceId: string, d: DealRow) {
      const [names] = await listFrom(tx).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, d.id)));
      const [campaign] = await tx.execute<{ name: string }>(sql`select name from campaigns where workspace_id = ${workspaceId} and id = ${d.sourceCampaignId}`).then((r) => r.rows);
      const people = await tx
        .select({
          contactId: contacts.id,
          name: sql<string>`coalesce(nullif(trim(coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, '')), ''), ${contacts.email}, '(no name)')`,
          email: contacts.email,
          title: contacts.title,
          role: dealContacts.role,
        })
        .from(dealContacts)
        .innerJoin(contacts, and(eq(contacts.workspaceId, dealContacts.workspaceId), eq(contacts.id, dealContacts.contactId)))
        .where(and(eq(dealContacts.workspaceId, workspaceId), eq(dealContacts.dealId, d.id)))
        .orderBy(asc(dealContacts.role));
      const history = await tx
        .select({ fromStage: dealStageHistory.fromStage, toStage: dealStageHistory.toStage, at: dealStageHistory.at, actorName: users.name })
        .from(dealStageHistory)
        .leftJoin(users, eq(users.id, dealStageHistory.actorUserId))
        .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, d.id)))
        .orderBy(asc(dealStageHistory.at));
      const [interview] = await tx
        .select({ decisionCriteria: dealInterviews.decisionCriteria, decidedBy: dealInterviews.decidedBy, why: dealInterviews.why, recordedByName: users.name, updatedAt: dealInterviews.updatedAt })
        .from(dealInterviews)
        .leftJoin(users, eq(users.id, dealInterviews.recordedBy))
        .where(and(eq(dealInterviews.workspaceId, workspaceId), eq(dealInterviews.dealId, d.id)));
      return {
        ...d,
        interview: interview ?? null,
        accountName: names?.accountName ?? "",
        ownerName: names?.ownerName ?? null,
        sourceCampaignName: campaign?.name ?? null,
        contacts: people.map((p) => ({ ...p, role: p.role as DealContactRole })),
        history,
      };
    },

    /** Inserts a deal. */
    async insert(tx: Queryable, row: typeof deals.$inferInsert) {
      const [created] = await tx.insert(deals).values(row).returning();
      return created!;
    },

    /** Updates a deal. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof deals.$inferInsert>) {
      const [row] = await tx.update(deals).set(patch).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id))).returning();
      return row ?? null;
    },

    /** Deletes a deal (its contacts and history cascade). */
    async delete(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(deals).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
    },

    /** Writes (or rewrites) the buyer-interview notes of a deal. */
    async upsertInterview(tx: Queryable, workspaceId: string, dealId: string, body: DealInterviewBody, recordedBy: string | null, at: Date) {
      const fields = { decisionCriteria: body.decisionCriteria || null, decidedBy: body.decidedBy || null, why: body.why || null, recordedBy, updatedAt: at };
      await tx
        .insert(dealInterviews)
        .values({ workspaceId, dealId, ...fields, createdAt: at })
        .onConflictDoUpdate({ target: [dealInterviews.workspaceId, dealInterviews.dealId], set: fields });
    },

    /** Records a stage change. */
    async insertHistory(tx: Queryable, row: typeof dealStageHistory.$inferInsert) {
      await tx.insert(dealStageHistory).values(row);
    },

    /** Adds a contact to a deal or changes its role. */
    async upsertContact(tx: Queryable, workspaceId: string, dealId: string, contactId: string, role: DealContactRole) {
      await tx
        .insert(dealContacts)
        .values({ workspaceId, dealId, contactId, role })
        .onConflictDoUpdate({ target: [dealContacts.workspaceId, dealContacts.dealId, dealContacts.contactId], set: { role } });
    },

    /** Removes a contact from a deal; returns whether it was there. */
    async removeContact(tx: Queryable, workspaceId: string, dealId: string, contactId: string): Promise<boolean> {
      const rows = await tx
        .delete(dealContacts)
        .where(and(eq(dealContacts.workspaceId, workspaceId), eq(dealContacts.dealId, dealId), eq(dealContacts.contactId, contactId)))
        .returning({ id: dealContacts.contactId });
      return rows.length > 0;
    },

    /** The deals a contact is on, as primary contact or with a buying role, newest first. */
    async idsForContact(tx: Queryable, workspaceId: string, contactId: string): Promise<string[]> {
      const res = await tx.execute<{ id: string }>(sql`
        select d.id from deals d
        where d.workspace_id = ${workspaceId}
          and (d.primary_contact_id = ${contactId}
               or exists (select 1 from deal_contacts dc where dc.workspace_id = d.workspace_id and dc.deal_id = d.id and dc.contact_id = ${contactId}))
        order by d.created_at desc, d.id`);
      return res.rows.map((r) => r.id);
    },
  };
}

export type DealsRepository = ReturnType<typeof createDealsRepository>;
