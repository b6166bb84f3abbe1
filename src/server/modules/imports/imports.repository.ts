import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { importErrors, importJobs } from "../../db/schema/index.js";
import type { ListImportsQuery } from "../../../shared/contracts/imports.js";
import { keyset, parseSort, toPage } from "../../platform/pagination.js";

export type ImportRow = typeof importJobs.$inferSelect;

/** Data access for import jobs and their refused rows. */
export function createImportsRepository() {
  return {
    /** Records an uploaded file. */
    async insert(tx: Queryable, row: typeof importJobs.$inferInsert) {
      const [created] = await tx.insert(importJobs).values(row).returning();
      return created!;
    },

    /** One import, optionally locked. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const q = tx.select().from(importJobs).where(and(eq(importJobs.workspaceId, workspaceId), eq(importJobs.id, id)));
      const [row] = lock ? await q.for("update") : await q;
      return row ?? null;
    },

    /** Imports newest first. */
    async list(tx: Queryable, workspaceId: string, q: ListImportsQuery) {
      const { desc: isDesc } = parseSort(q.sort, "-createdAt");
      const page = keyset({ column: sql`${importJobs.createdAt}`, id: sql`${importJobs.id}`, cast: "timestamptz", desc: isDesc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(importJobs.workspaceId, workspaceId), page.after];
      if (q.entity) conds.push(eq(importJobs.entity, q.entity));
      const rows = await tx.select().from(importJobs).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => r.createdAt);
    },

    /** Changes an import's fields. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof importJobs.$inferInsert>) {
      const [row] = await tx.update(importJobs).set(patch).where(and(eq(importJobs.workspaceId, workspaceId), eq(importJobs.id, id))).returning();
      return row ?? null;
    },

    /** Moves the cursor past a committed chunk and adds its counts, in the chunk's transaction. */
    async advance(tx: Queryable, workspaceId: string, id: string, cursor: number, add: { created: number; updated: number; skipped: number; failed: number }) {
      await tx
        .update(importJobs)
        .set({
          cursor,
          created: sql`${importJobs.created} + ${add.created}`,
          updated: sql`${importJobs.updated} + ${add.updated}`,
          skipped: sql`${importJobs.skipped} + ${add.skipped}`,
          failed: sql`${importJobs.failed} + ${add.failed}`,
        })
        .where(and(eq(importJobs.workspaceId, workspaceId), eq(importJobs.id, id)));
    },

    /** Records refused rows (a re-run of a chunk after a crash never got this far: the transaction rolled back). */
    async insertErrors(tx: Queryable, rows: (typeof importErrors.$inferInsert)[]) {
      for (let i = 0; i < rows.length; i += 2_000) await tx.insert(importErrors).values(rows.slice(i, i + 2_000));
    },

    /** Forgets a previous run's refused rows (a dry run followed by the real import). */
    async clearErrors(tx: Queryable, workspaceId: string, importId: string) {
      await tx.delete(importErrors).where(and(eq(importErrors.workspaceId, workspaceId), eq(importErrors.importId, importId)));
    },

    /** Refused rows in file order, a page at a time. */
    async errors(tx: Queryable, workspaceId: string, importId: string, afterRow: number, limit: number) {
      return tx
        .select()
        .from(importErrors)
        .where(and(eq(importErrors.workspaceId, workspaceId), eq(importErrors.importId, importId), sql`${importErrors.rowNo} > ${afterRow}`))
        .orderBy(asc(importErrors.rowNo))
        .limit(limit);
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
