import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, deals, products } from "../../db/schema/index.js";

/** Lets other modules label rows that point at accounts and deals (names by id) without reading those tables. */
export function createNamesAccess() {
  return {
    /** The names of some accounts of the workspace, by id (unknown ids are absent). */
    async accountNames(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(eq(accounts.workspaceId, workspaceId), inArray(accounts.id, wanted)));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** The names of some deals of the workspace, by id (unknown ids are absent). */
    async dealNames(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: deals.id, name: deals.name }).from(deals).where(and(eq(deals.workspaceId, workspaceId), inArray(deals.id, wanted)));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** The names of some products of the workspace's catalogue, by id (unknown ids are absent). */
    async productNames(tx: Queryable, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: products.id, name: products.name }).from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, wanted)));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}

export type NamesAccess = ReturnType<typeof createNamesAccess>;
