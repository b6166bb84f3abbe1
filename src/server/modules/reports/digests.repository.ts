import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { digests } from "../../db/schema/index.js";

const summary = { id: digests.id, weekStart: digests.weekStart, generatedAt: digests.generatedAt, emailedAt: digests.emailedAt, recipients: digests.recipients };

/** Weekly digests as generated; every function takes the workspace id first. */
export function createDigestsRepository() {
  return {
    /** The latest digests first (a year of weeks at most). */
    list(tx: Tx, workspaceId: string) {
      return tx.select(summary).from(digests).where(eq(digests.workspaceId, workspaceId)).orderBy(desc(digests.weekStart)).limit(53);
    },
    async find(tx: Tx, workspaceId: string, id: string) {
      return (await tx.select().from(digests).where(and(eq(digests.workspaceId, workspaceId), eq(digests.id, id))))[0];
    },
    async findWeek(tx: Tx, workspaceId: string, weekStart: string) {
      return (await tx.select(summary).from(digests).where(and(eq(digests.workspaceId, workspaceId), eq(digests.weekStart, weekStart))))[0];
    },
    /** Inserts a week's digest unless one exists (two processes may race); true when this call wrote it. */
    async insertOnce(tx: Tx, row: typeof digests.$inferInsert): Promise<boolean> {
      const res = await tx.insert(digests).values(row).onConflictDoNothing({ target: [digests.workspaceId, digests.weekStart] }).returning({ id: digests.id });
      return res.length > 0;
    },
  };
}

export type DigestsRepository = ReturnType<typeof createDigestsRepository>;
