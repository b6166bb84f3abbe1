import { and, count, desc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { memberships, swots, users } from "../../db/schema/index.js";
import type { SwotListQuery } from "../../../shared/contracts/enablement-swots.js";

export type SwotRow = typeof swots.$inferSelect & { ownerName: string | null };

const byId = (workspaceId: string, id: string) => and(eq(swots.workspaceId, workspaceId), eq(swots.id, id));

type Filter = Partial<Pick<SwotListQuery, "subject" | "status" | "ownerId">> & { campaignId?: string; dealId?: string };

function filter(workspaceId: string, q: Filter): SQL | undefined {
  return and(
    eq(swots.workspaceId, workspaceId),
    q.subject === "campaign" ? isNotNull(swots.campaignId) : q.subject === "deal" ? isNotNull(swots.dealId) : undefined,
    q.campaignId ? eq(swots.campaignId, q.campaignId) : undefined,
    q.dealId ? eq(swots.dealId, q.dealId) : undefined,
    q.status ? eq(swots.status, q.status) : undefined,
    q.ownerId ? eq(swots.ownerId, q.ownerId) : undefined,
  );
}

/** Data access for SWOT analyses. */
export function createSwotsRepository() {
  function select(tx: Queryable, where: SQL | undefined) {
    return tx.select({ s: swots, ownerName: users.name }).from(swots).leftJoin(users, eq(users.id, swots.ownerId)).where(where).orderBy(desc(swots.analysedOn), desc(swots.createdAt), desc(swots.id));
  }
  const flat = (rows: { s: typeof swots.$inferSelect; ownerName: string | null }[]): SwotRow[] => rows.map((r) => ({ ...r.s, ownerName: r.ownerName }));

  return {
    /** SWOTs of the workspace, newest analysis first, filtered by subject kind, subject, status and owner (a page when limit is given). */
    async list(tx: Queryable, workspaceId: string, q: Filter & { limit?: number; offset?: number }): Promise<SwotRow[]> {
      const query = select(tx, filter(workspaceId, q));
      return flat(q.limit === undefined ? await query : await query.limit(q.limit).offset(q.offset ?? 0));
    },

    /** How many SWOTs match the filters. */
    async count(tx: Queryable, workspaceId: string, q: Filter): Promise<number> {
      const [row] = await tx.select({ n: count() }).from(swots).where(filter(workspaceId, q));
      return row?.n ?? 0;
    },

    /** One SWOT (locked for update when asked). */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<SwotRow | null> {
      if (lock) await tx.select({ id: swots.id }).from(swots).where(byId(workspaceId, id)).for("update");
      return flat(await select(tx, byId(workspaceId, id)))[0] ?? null;
    },

    /** Whether the user is an active member of the workspace (a SWOT's owner must be). */
    async isActiveMember(tx: Queryable, workspaceId: string, userId: string): Promise<boolean> {
      const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, [userId]), isNull(memberships.deactivatedAt)));
      return rows.length > 0;
    },

    /** Inserts a SWOT. */
    async insert(tx: Queryable, row: typeof swots.$inferInsert): Promise<void> {
      await tx.insert(swots).values(row);
    },

    /** Changes a SWOT. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof swots.$inferInsert>): Promise<void> {
      await tx.update(swots).set(patch).where(byId(workspaceId, id));
    },

    /** Deletes a SWOT. */
    async delete(tx: Queryable, workspaceId: string, id: string): Promise<void> {
      await tx.delete(swots).where(byId(workspaceId, id));
    },
  };
}

export type SwotsRepository = ReturnType<typeof createSwotsRepository>;
