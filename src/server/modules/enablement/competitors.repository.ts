import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { battlecards, competitors, dealCompetitors, users } from "../../db/schema/index.js";
import type { Battlecard } from "../../../shared/contracts/enablement-competitors.js";

export type CompetitorRow = typeof competitors.$inferSelect;
type BattlecardRow = typeof battlecards.$inferSelect;

const byId = (workspaceId: string, id: string) => and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id));

/** Data access for competitors, their battlecards and the deals they are tagged on. */
export function createCompetitorsRepository() {
  async function names(tx: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function present(tx: Queryable, rows: BattlecardRow[]): Promise<Battlecard[]> {
    const who = await names(tx, rows.flatMap((r) => [r.ownerId, r.updatedBy]));
    return rows.map(({ workspaceId: _ws, ...r }) => ({ ...r, ownerName: r.ownerId ? (who.get(r.ownerId) ?? null) : null, updatedByName: r.updatedBy ? (who.get(r.updatedBy) ?? null) : null }));
  }

  return {
    /** Every competitor, by name. */
    list(tx: Queryable, workspaceId: string): Promise<CompetitorRow[]> {
      return tx.select().from(competitors).where(eq(competitors.workspaceId, workspaceId)).orderBy(sql`lower(${competitors.name})`);
    },

    /** One competitor (locked for update when asked). */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<CompetitorRow | null> {
      const q = tx.select().from(competitors).where(byId(workspaceId, id));
      const rows = lock ? await q.for("update") : await q;
      return rows[0] ?? null;
    },

    /** The competitor with this name, ignoring case and surrounding space. */
    async findByName(tx: Queryable, workspaceId: string, name: string): Promise<CompetitorRow | null> {
      const rows = await tx.select().from(competitors).where(and(eq(competitors.workspaceId, workspaceId), sql`lower(${competitors.name}) = lower(${name.trim()})`));
      return rows[0] ?? null;
    },

    /** Inserts a competitor; null when the name is taken. */
    async insert(tx: Queryable, row: typeof competitors.$inferInsert): Promise<CompetitorRow | null> {
      const rows = await tx.insert(competitors).values(row).onConflictDoNothing().returning();
      return rows[0] ?? null;
    },

    /** Changes a competitor. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof competitors.$inferInsert>): Promise<CompetitorRow> {
      const rows = await tx.update(competitors).set(patch).where(byId(workspaceId, id)).returning();
      return rows[0]!;
    },

    /** Deletes a competitor (its battlecard and deal tags cascade). */
    async delete(tx: Queryable, workspaceId: string, id: string): Promise<void> {
      await tx.delete(competitors).where(byId(workspaceId, id));
    },

    /** The competitors' battlecards with owner and editor names. */
    async battlecards(tx: Queryable, workspaceId: string, competitorIds: string[]): Promise<Battlecard[]> {
      if (competitorIds.length === 0) return [];
      const rows = await tx.select().from(battlecards).where(and(eq(battlecards.workspaceId, workspaceId), inArray(battlecards.competitorId, competitorIds)));
      return present(tx, rows);
    },

    /** The current battlecard row (locked), or null. */
    async battlecardRow(tx: Queryable, workspaceId: string, competitorId: string): Promise<BattlecardRow | null> {
      const rows = await tx.select().from(battlecards).where(and(eq(battlecards.workspaceId, workspaceId), eq(battlecards.competitorId, competitorId))).for("update");
      return rows[0] ?? null;
    },

    /** Writes the battlecard (insert or replace). */
    async saveBattlecard(tx: Queryable, row: typeof battlecards.$inferInsert): Promise<void> {
      const { workspaceId: _w, competitorId: _c, ...set } = row;
      await tx.insert(battlecards).values(row).onConflictDoUpdate({ target: [battlecards.workspaceId, battlecards.competitorId], set });
    },

    /** The competitor tags of some deals. */
    dealTags(tx: Queryable, workspaceId: string, dealIds: string[]): Promise<{ dealId: string; competitorId: string }[]> {
      if (dealIds.length === 0) return Promise.resolve([]);
      return tx
        .select({ dealId: dealCompetitors.dealId, competitorId: dealCompetitors.competitorId })
        .from(dealCompetitors)
        .where(and(eq(dealCompetitors.workspaceId, workspaceId), inArray(dealCompetitors.dealId, dealIds)))
        .orderBy(asc(dealCompetitors.createdAt), asc(dealCompetitors.competitorId));
    },

    /** Tags a deal with a competitor (nothing when already tagged). */
    async tag(tx: Queryable, workspaceId: string, dealId: string, competitorId: string, at: Date): Promise<void> {
      await tx.insert(dealCompetitors).values({ workspaceId, dealId, competitorId, createdAt: at }).onConflictDoNothing();
    },

    /** Removes the deal's tags other than `keep`. */
    async untagExcept(tx: Queryable, workspaceId: string, dealId: string, keep: string[]): Promise<void> {
      const keepList = keep.length ? sql`and competitor_id not in (${sql.join(keep.map((k) => sql`${k}`), sql`, `)})` : sql``;
      await tx.execute(sql`delete from deal_competitors where workspace_id = ${workspaceId} and deal_id = ${dealId} ${keepList}`);
    },

    /** Which of these ids are competitors of the workspace. */
    async existing(tx: Queryable, workspaceId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await tx.select({ id: competitors.id }).from(competitors).where(and(eq(competitors.workspaceId, workspaceId), inArray(competitors.id, ids)));
      return new Set(rows.map((r) => r.id));
    },
  };
}

export type CompetitorsRepository = ReturnType<typeof createCompetitorsRepository>;
