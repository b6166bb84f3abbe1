import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { reasonCodes } from "../../db/schema/index.js";
import type { ReasonKind } from "../../../shared/contracts/reason-codes.js";

/** Data access for the reason taxonomies. */
export function createReasonCodesRepository() {
  return {
    /** Reason codes, optionally of one kind, in display order. */
    async list(tx: Queryable, workspaceId: string, kind?: ReasonKind) {
      const conds = [eq(reasonCodes.workspaceId, workspaceId)];
      if (kind) conds.push(eq(reasonCodes.kind, kind));
      return tx
        .select({ id: reasonCodes.id, kind: reasonCodes.kind, code: reasonCodes.code, label: reasonCodes.label, active: reasonCodes.active })
        .from(reasonCodes)
        .where(and(...conds))
        .orderBy(asc(reasonCodes.kind), asc(reasonCodes.position), asc(reasonCodes.code));
    },

    /** One code of a kind. */
    async find(tx: Queryable, workspaceId: string, kind: ReasonKind, code: string) {
      const [row] = await tx
        .select()
        .from(reasonCodes)
        .where(and(eq(reasonCodes.workspaceId, workspaceId), eq(reasonCodes.kind, kind), eq(reasonCodes.code, code)));
      return row ?? null;
    },

    /** Inserts codes. */
    async insertMany(tx: Queryable, rows: (typeof reasonCodes.$inferInsert)[]) {
      if (rows.length) await tx.insert(reasonCodes).values(rows).onConflictDoNothing();
    },
  };
}

export type ReasonCodesRepository = ReturnType<typeof createReasonCodesRepository>;
