import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accountProducts, dealProducts, products } from "../../db/schema/index.js";
import type { ListProductsQuery } from "../../../shared/contracts/products.js";

export type ProductRow = typeof products.$inferSelect;

/** Data access for the product catalogue, the products accounts own and deal lines. */
export function createProductsRepository() {
  return {
    /** The catalogue by name. */
    async list(tx: Queryable, workspaceId: string, q: ListProductsQuery) {
      const conds: SQL[] = [eq(products.workspaceId, workspaceId)];
      if (q.active !== undefined) conds.push(eq(products.active, q.active));
      return tx.select().from(products).where(and(...conds)).orderBy(asc(products.name));
    },

    /** One product, optionally locked. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** The products of these ids that exist in the workspace. */
    async findMany(tx: Queryable, workspaceId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return tx.select().from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids)));
    },

    /** Inserts a product. */
    async insert(tx: Queryable, row: typeof products.$inferInsert) {
      const [created] = await tx.insert(products).values(row).returning();
      return created!;
    },

    /** Updates a product. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof products.$inferInsert>) {
      const [row] = await tx.update(products).set(patch).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id))).returning();
      return row ?? null;
    },

    /** What an account owns, by product name. */
    async listOwned(tx: Queryable, workspaceId: string, accountId: string) {
      return tx
        .select({ productId: products.id, name: products.name, family: products.family, since: accountProducts.since, annualValue: accountProducts.annualValue })
        .from(accountProducts)
        .innerJoin(products, and(eq(products.workspaceId, accountProducts.workspaceId), eq(products.id, accountProducts.productId)))
        .where(and(eq(accountProducts.workspaceId, workspaceId), eq(accountProducts.accountId, accountId)))
        .orderBy(asc(products.name));
    },

    /** The owned row of one product, if the account owns it. */
    async findOwned(tx: Queryable, workspaceId: string, accountId: string, productId: string) {
      const [row] = await tx
        .select()
        .from(accountProducts)
        .where(and(eq(accountProducts.workspaceId, workspaceId), eq(accountProducts.accountId, accountId), eq(accountProducts.productId, productId)));
      return row ?? null;
    },

    /** Records that an account owns a product (or changes since/value). */
    async upsertOwned(tx: Queryable, row: typeof accountProducts.$inferInsert) {
      await tx
        .insert(accountProducts)
        .values(row)
        .onConflictDoUpdate({ target: [accountProducts.workspaceId, accountProducts.accountId, accountProducts.productId], set: { since: row.since, annualValue: row.annualValue ?? null } });
    },

    /** Removes an owned product; returns whether it was there. */
    async removeOwned(tx: Queryable, workspaceId: string, accountId: string, productId: string): Promise<boolean> {
      const rows = await tx
        .delete(accountProducts)
        .where(and(eq(accountProducts.workspaceId, workspaceId), eq(accountProducts.accountId, accountId), eq(accountProducts.productId, productId)))
        .returning({ id: accountProducts.productId });
      return rows.length > 0;
    },

    /** A deal's lines with product names. */
    async dealLines(tx: Queryable, workspaceId: string, dealId: string) {
      return tx
        .select({ productId: products.id, name: products.name, amount: dealProducts.amount })
        .from(dealProducts)
        .innerJoin(products, and(eq(products.workspaceId, dealProducts.workspaceId), eq(products.id, dealProducts.productId)))
        .where(and(eq(dealProducts.workspaceId, workspaceId), eq(dealProducts.dealId, dealId)))
        .orderBy(asc(products.name));
    },

    /** Replaces a deal's lines. */
    async replaceDealLines(tx: Queryable, workspaceId: string, dealId: string, lines: { productId: string; amount: number }[]) {
      await tx.delete(dealProducts).where(and(eq(dealProducts.workspaceId, workspaceId), eq(dealProducts.dealId, dealId)));
      if (lines.length) await tx.insert(dealProducts).values(lines.map((l) => ({ workspaceId, dealId, ...l })));
    },

    /**
     * Adds a won deal's lines to the account's owned products: a product it did not own is owned from `at` at the
     * line's value; one it owned (an upsell) keeps its date and grows by the line's value.
     */
    async addWonLines(tx: Queryable, workspaceId: string, accountId: string, dealId: string, at: Date) {
      await tx.execute(sql`
        insert into account_products (workspace_id, account_id, product_id, since, annual_value)
        select dp.workspace_id, ${accountId}::uuid, dp.product_id, ${at.toISOString()}::timestamptz, dp.amount
        from deal_products dp where dp.workspace_id = ${workspaceId} and dp.deal_id = ${dealId}
        on conflict (workspace_id, account_id, product_id)
        do update set annual_value = coalesce(account_products.annual_value, 0) + excluded.annual_value`);
    },
  };
}

export type ProductsRepository = ReturnType<typeof createProductsRepository>;
