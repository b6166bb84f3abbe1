import { and, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { competitors, insights, insightVotes, personas, rideAlongs, users } from "../../db/schema/index.js";
import type { ListInsightsQuery, ListRideAlongsQuery } from "../../../shared/contracts/enablement-insights.js";
import { keyset, parseSort, toPage, type SortSpec } from "../../platform/pagination.js";

export type InsightRow = typeof insights.$inferSelect;
export type RideAlongRow = typeof rideAlongs.$inferSelect;
/** An insight with the names of its persona and competitor and whether the reader voted for it. */
export type InsightListRow = InsightRow & { personaName: string | null; competitorName: string | null; votedByMe: boolean };

const INSIGHT_SORTS: Record<"createdAt" | "votes", Omit<SortSpec, "desc">> = {
  createdAt: { column: sql`${insights.createdAt}`, id: sql`${insights.id}`, cast: "timestamptz" },
  votes: { column: sql`${insights.votes}`, id: sql`${insights.id}`, cast: "numeric" },
};

const insightById = (workspaceId: string, id: string) => and(eq(insights.workspaceId, workspaceId), eq(insights.id, id));

/** Data access for field insights, their votes and ride-alongs. */
export function createFieldInsightsRepository() {
  /** The insight columns with persona and competitor names and the reader's vote. */
  function selectInsights(tx: Queryable, userId: string) {
    return tx
      .select({
        insight: insights,
        personaName: personas.name,
        competitorName: competitors.name,
        votedByMe: sql<boolean>`exists (select 1 from ${insightVotes} v where v.workspace_id = ${insights.workspaceId} and v.insight_id = ${insights.id} and v.user_id = ${userId})`,
      })
      .from(insights)
      .leftJoin(personas, and(eq(personas.workspaceId, insights.workspaceId), eq(personas.id, insights.personaId)))
      .leftJoin(competitors, and(eq(competitors.workspaceId, insights.workspaceId), eq(competitors.id, insights.competitorId)));
  }
  const flat = (r: { insight: InsightRow; personaName: string | null; competitorName: string | null; votedByMe: boolean }): InsightListRow => ({
    ...r.insight,
    personaName: r.personaName,
    competitorName: r.competitorName,
    votedByMe: r.votedByMe,
  });

  return {
    /** The feed: filtered, newest first or by votes, keyset-paged. */
    async list(tx: Queryable, workspaceId: string, userId: string, q: ListInsightsQuery) {
      const { key, desc } = parseSort<"createdAt" | "votes">(q.sort, "-createdAt");
      const page = keyset({ ...(INSIGHT_SORTS[key] ?? INSIGHT_SORTS.createdAt), desc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(insights.workspaceId, workspaceId), page.after];
      if (q.kind?.length) conds.push(inArray(insights.kind, q.kind));
      if (q.status?.length) conds.push(inArray(insights.status, q.status));
      if (q.personaId) conds.push(eq(insights.personaId, q.personaId));
      if (q.competitorId) conds.push(eq(insights.competitorId, q.competitorId));
      if (q.accountId) conds.push(eq(insights.accountId, q.accountId));
      if (q.dealId) conds.push(eq(insights.dealId, q.dealId));
      if (q.rideAlongId) conds.push(eq(insights.rideAlongId, q.rideAlongId));
      if (q.mine) conds.push(eq(insights.submittedBy, userId));
      const rows = await selectInsights(tx, userId).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows.map(flat), q.limit, (r) => (key === "votes" ? r.votes : r.createdAt));
    },

    /** One insight as the feed shows it. */
    async get(tx: Queryable, workspaceId: string, userId: string, id: string): Promise<InsightListRow | null> {
      const [row] = await selectInsights(tx, userId).where(insightById(workspaceId, id));
      return row ? flat(row) : null;
    },

    /** The insights of a ride-along in the order they were written. */
    async ofRideAlong(tx: Queryable, workspaceId: string, userId: string, rideAlongId: string): Promise<InsightListRow[]> {
      const rows = await selectInsights(tx, userId)
        .where(and(eq(insights.workspaceId, workspaceId), eq(insights.rideAlongId, rideAlongId)))
        .orderBy(sql`${insights.createdAt} asc, ${insights.id} asc`);
      return rows.map(flat);
    },

    /** One insight row, locked for update (triage, votes). */
    async lock(tx: Queryable, workspaceId: string, id: string): Promise<InsightRow | null> {
      const [row] = await tx.select().from(insights).where(insightById(workspaceId, id)).for("update");
      return row ?? null;
    },

    /** Inserts insights. */
    async insert(tx: Queryable, rows: (typeof insights.$inferInsert)[]): Promise<void> {
      if (rows.length) await tx.insert(insights).values(rows);
    },

    /** Changes an insight. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof insights.$inferInsert>): Promise<void> {
      await tx.update(insights).set(patch).where(insightById(workspaceId, id));
    },

    /** Records a member's vote; false when they had voted already. Keeps insights.votes in step. */
    async addVote(tx: Queryable, workspaceId: string, insightId: string, userId: string, at: Date): Promise<boolean> {
      const added = await tx.insert(insightVotes).values({ workspaceId, insightId, userId, createdAt: at }).onConflictDoNothing().returning({ userId: insightVotes.userId });
      if (added.length) await tx.update(insights).set({ votes: sql`${insights.votes} + 1` }).where(insightById(workspaceId, insightId));
      return added.length > 0;
    },

    /** Takes a member's vote back; false when they had not voted. Keeps insights.votes in step. */
    async removeVote(tx: Queryable, workspaceId: string, insightId: string, userId: string): Promise<boolean> {
      const gone = await tx
        .delete(insightVotes)
        .where(and(eq(insightVotes.workspaceId, workspaceId), eq(insightVotes.insightId, insightId), eq(insightVotes.userId, userId)))
        .returning({ userId: insightVotes.userId });
      if (gone.length) await tx.update(insights).set({ votes: sql`${insights.votes} - 1` }).where(insightById(workspaceId, insightId));
      return gone.length > 0;
    },

    /** Ride-alongs, newest first, keyset-paged. */
    async listRideAlongs(tx: Queryable, workspaceId: string, q: ListRideAlongsQuery) {
      const { desc } = parseSort<"occurredOn">(q.sort, "-occurredOn");
      const page = keyset({ column: sql`${rideAlongs.occurredOn}`, id: sql`${rideAlongs.id}`, cast: "date", desc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(rideAlongs.workspaceId, workspaceId), page.after];
      if (q.accountId) conds.push(eq(rideAlongs.accountId, q.accountId));
      if (q.dealId) conds.push(eq(rideAlongs.dealId, q.dealId));
      const rows = await tx.select().from(rideAlongs).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => r.occurredOn);
    },

    /** One ride-along. */
    async findRideAlong(tx: Queryable, workspaceId: string, id: string): Promise<RideAlongRow | null> {
      const [row] = await tx.select().from(rideAlongs).where(and(eq(rideAlongs.workspaceId, workspaceId), eq(rideAlongs.id, id)));
      return row ?? null;
    },

    /** Inserts a ride-along. */
    async insertRideAlong(tx: Queryable, row: typeof rideAlongs.$inferInsert): Promise<void> {
      await tx.insert(rideAlongs).values(row);
    },

    /** How many insights each ride-along's notes became. */
    async insightCounts(tx: Queryable, workspaceId: string, rideAlongIds: string[]): Promise<Map<string, number>> {
      if (rideAlongIds.length === 0) return new Map();
      const rows = await tx
        .select({ id: insights.rideAlongId, n: count() })
        .from(insights)
        .where(and(eq(insights.workspaceId, workspaceId), inArray(insights.rideAlongId, rideAlongIds)))
        .groupBy(insights.rideAlongId);
      return new Map(rows.map((r) => [r.id!, r.n]));
    },

    /** Whether a persona and a competitor (when given) exist in the workspace. */
    async linksExist(tx: Queryable, workspaceId: string, l: { personaId?: string | null; competitorId?: string | null }) {
      const persona = l.personaId ? (await tx.select({ id: personas.id }).from(personas).where(and(eq(personas.workspaceId, workspaceId), eq(personas.id, l.personaId)))).length > 0 : true;
      const competitor = l.competitorId ? (await tx.select({ id: competitors.id }).from(competitors).where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, l.competitorId)))).length > 0 : true;
      return { persona, competitor };
    },

    /** The ids that are not members of the workspace. */
    async nonMembers(tx: Queryable, workspaceId: string, userIds: string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const res = await tx.execute<{ id: string }>(sql`
        select u.id from unnest(array[${sql.join(userIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]) as u(id)
        where not exists (select 1 from memberships m where m.workspace_id = ${workspaceId} and m.user_id = u.id)`);
      return res.rows.map((r) => r.id);
    },

    /** Names of users by id. */
    async userNames(tx: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}

export type FieldInsightsRepository = ReturnType<typeof createFieldInsightsRepository>;
