import { and, eq, gt, lte } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { scoreEvents } from "../../db/schema/index.js";

/** Data access for the points history. */
export function createScoringRepository() {
  return {
    /** Appends points history rows. */
    async insertEvents(tx: Queryable, rows: (typeof scoreEvents.$inferInsert)[]) {
      if (rows.length) await tx.insert(scoreEvents).values(rows);
    },

    /** When a rule scored for a contact within (from, to] under a version (cap counting). */
    async scoringTimes(tx: Queryable, workspaceId: string, contactId: string, ruleId: string, version: number, from: Date, to: Date): Promise<number[]> {
      const rows = await tx
        .select({ at: scoreEvents.at })
        .from(scoreEvents)
        .where(
          and(
            eq(scoreEvents.workspaceId, workspaceId),
            eq(scoreEvents.contactId, contactId),
            eq(scoreEvents.ruleId, ruleId),
            eq(scoreEvents.definitionVersion, version),
            gt(scoreEvents.at, from),
            lte(scoreEvents.at, to),
          ),
        );
      return rows.map((r) => r.at.getTime());
    },
  };
}

export type ScoringRepository = ReturnType<typeof createScoringRepository>;
