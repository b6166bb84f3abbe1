import { and, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accountProducts, accounts, contacts, deals, products } from "../../db/schema/index.js";
import type { ListAccountsQuery } from "../../../shared/contracts/accounts.js";
import { keyset, likePattern, parseSort, toPage, type SortSpec } from "../../platform/pagination.js";

export type AccountRow = typeof accounts.$inferSelect;

const SORTS: Record<string, Omit<SortSpec, "desc">> = {
  name: { column: sql`${accounts.name}`, id: sql`${accounts.id}`, cast: "text" },
  createdAt: { column: sql`${accounts.createdAt}`, id: sql`${accounts.id}`, cast: "timestamptz" },
  employees: { column: sql`${accounts.employees}`, id: sql`${accounts.id}`, cast: "numeric" },
};

/** Data access for accounts. */
export function createAccountsRepository() {
  return {
    /** Accounts filtered, sorted and paged. */
    async list(tx: Queryable, workspaceId: string, q: ListAccountsQuery) {
      const { key, desc } = parseSort<string>(q.sort, "name");
      const page = keyset({ ...(SORTS[key] ?? SORTS.name!), desc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(accounts.workspaceId, workspaceId), page.after];
      if (q.q) conds.push(or(ilike(accounts.name, likePattern(q.q)), ilike(accounts.domain, likePattern(q.q))));
      if (q.industry) conds.push(eq(accounts.industry, q.industry));
      if (q.segment) conds.push(eq(accounts.segment, q.segment));
      if (q.country) conds.push(eq(accounts.country, q.country));
      if (q.customerStatus?.length) conds.push(inArray(accounts.customerStatus, q.customerStatus));
      if (q.ownerId) conds.push(eq(accounts.ownerId, q.ownerId));
      const rows = await tx.select().from(accounts).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => (key === "createdAt" ? r.createdAt : key === "employees" ? r.employees : r.name));
    },

    /** One account. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(accounts).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** Counts and sums shown on the account page. */
    async stats(tx: Queryable, workspaceId: string, id: string) {
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, id)));
      const [d] = await tx
        .select({
          open: sql<number>`count(*) filter (where ${deals.closedAt} is null)::int`,
          pipeline: sql<number>`coalesce(sum(${deals.amount}) filter (where ${deals.closedAt} is null), 0)::float8`,
          won: sql<number>`coalesce(sum(${deals.amount}) filter (where ${deals.outcome} = 'won'), 0)::float8`,
        })
        .from(deals)
        .where(and(eq(deals.workspaceId, workspaceId), eq(deals.accountId, id)));
      const owned = await tx
        .select({ productId: products.id, name: products.name, since: accountProducts.since })
        .from(accountProducts)
        .innerJoin(products, and(eq(products.workspaceId, accountProducts.workspaceId), eq(products.id, accountProducts.productId)))
        .where(and(eq(accountProducts.workspaceId, workspaceId), eq(accountProducts.accountId, id)))
        .orderBy(products.name);
      return { contactCount: c?.n ?? 0, openDealCount: d?.open ?? 0, openPipeline: d?.pipeline ?? 0, wonRevenue: d?.won ?? 0, products: owned };
    },

    /** Inserts an account. */
    async insert(tx: Queryable, row: typeof accounts.$inferInsert) {
      const [created] = await tx.insert(accounts).values(row).returning();
      return created!;
    },

    /** Updates an account. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof accounts.$inferInsert>) {
      const [row] = await tx.update(accounts).set(patch).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id))).returning();
      return row ?? null;
    },

    /** Whether anything still refers to the account. */
    async isReferenced(tx: Queryable, workspaceId: string, id: string): Promise<boolean> {
      const res = await tx.execute<{ used: boolean }>(sql`select exists(select 1 from contacts where workspace_id = ${workspaceId} and account_id = ${id})
        or exists(select 1 from deals where workspace_id = ${workspaceId} and account_id = ${id}) as used`);
      return res.rows[0]?.used ?? false;
    },

    /** Deletes an account. */
    async delete(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(accounts).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
