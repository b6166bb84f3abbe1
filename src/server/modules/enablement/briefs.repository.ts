import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { briefRecipients, campaignBriefs, enablementSettings, memberships, users } from "../../db/schema/index.js";

export type BriefRow = typeof campaignBriefs.$inferSelect;
export type RecipientRow = typeof briefRecipients.$inferSelect & { name: string };

const DEFAULT_THRESHOLD = 0.8;
const byId = (workspaceId: string, id: string) => and(eq(campaignBriefs.workspaceId, workspaceId), eq(campaignBriefs.id, id));

/** Data access for campaign briefs, their recipients and the workspace's readiness threshold. */
export function createBriefsRepository() {
  return {
    /** Every brief, newest first. */
    list(tx: Queryable, workspaceId: string): Promise<BriefRow[]> {
      return tx.select().from(campaignBriefs).where(eq(campaignBriefs.workspaceId, workspaceId)).orderBy(sql`${campaignBriefs.startsOn} desc nulls last`, campaignBriefs.createdAt);
    },

    /** The briefs a member is in scope of. */
    async listFor(tx: Queryable, workspaceId: string, userId: string): Promise<BriefRow[]> {
      const rows = await tx
        .select({ b: campaignBriefs })
        .from(campaignBriefs)
        .innerJoin(briefRecipients, and(eq(briefRecipients.workspaceId, campaignBriefs.workspaceId), eq(briefRecipients.briefId, campaignBriefs.id)))
        .where(and(eq(campaignBriefs.workspaceId, workspaceId), eq(briefRecipients.userId, userId)))
        .orderBy(sql`${campaignBriefs.publishedAt} desc`);
      return rows.map((r) => r.b);
    },

    /** One brief (locked for update when asked). */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<BriefRow | null> {
      const q = tx.select().from(campaignBriefs).where(byId(workspaceId, id));
      return ((lock ? await q.for("update") : await q)[0] ?? null) as BriefRow | null;
    },

    /** A campaign's brief, if any. */
    async findByCampaign(tx: Queryable, workspaceId: string, campaignId: string): Promise<BriefRow | null> {
      const rows = await tx.select().from(campaignBriefs).where(and(eq(campaignBriefs.workspaceId, workspaceId), eq(campaignBriefs.campaignId, campaignId)));
      return rows[0] ?? null;
    },

    /** Inserts a brief; null when the campaign has one already. */
    async insert(tx: Queryable, row: typeof campaignBriefs.$inferInsert): Promise<BriefRow | null> {
      const rows = await tx.insert(campaignBriefs).values(row).onConflictDoNothing().returning();
      return rows[0] ?? null;
    },

    /** Changes a brief. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof campaignBriefs.$inferInsert>): Promise<void> {
      await tx.update(campaignBriefs).set(patch).where(byId(workspaceId, id));
    },

    /** Deletes a brief (its recipients cascade). */
    async delete(tx: Queryable, workspaceId: string, id: string): Promise<void> {
      await tx.delete(campaignBriefs).where(byId(workspaceId, id));
    },

    /** Briefs not yet checked at launch (drafts too: an unpublished brief at launch means nobody is ready). */
    unchecked(tx: Queryable, workspaceId: string): Promise<BriefRow[]> {
      return tx.select().from(campaignBriefs).where(and(eq(campaignBriefs.workspaceId, workspaceId), isNull(campaignBriefs.launchCheckedAt)));
    },

    /** Active members in scope: the team's members and the listed members. */
    async membersInScope(tx: Queryable, workspaceId: string, teamId: string | null, memberIds: string[]): Promise<string[]> {
      const conds = [];
      if (teamId) conds.push(eq(memberships.teamId, teamId));
      if (memberIds.length) conds.push(inArray(memberships.userId, memberIds));
      if (conds.length === 0) return [];
      const rows = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), isNull(memberships.deactivatedAt), or(...conds)))
        .orderBy(memberships.userId);
      return rows.map((r) => r.userId);
    },

    /** Which of these ids are active members (for validating a member list). */
    async activeMembers(tx: Queryable, workspaceId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids), isNull(memberships.deactivatedAt)));
      return new Set(rows.map((r) => r.userId));
    },

    /** Whether the team exists in the workspace. */
    async teamExists(tx: Queryable, workspaceId: string, teamId: string): Promise<boolean> {
      const res = await tx.execute(sql`select 1 from teams where workspace_id = ${workspaceId} and id = ${teamId}`);
      return res.rows.length > 0;
    },

    /** Adds recipients (once each). */
    async addRecipients(tx: Queryable, workspaceId: string, briefId: string, userIds: string[], at: Date): Promise<void> {
      if (userIds.length === 0) return;
      await tx
        .insert(briefRecipients)
        .values(userIds.map((userId) => ({ workspaceId, briefId, userId, notifiedAt: at })))
        .onConflictDoNothing();
    },

    /** The recipients of some briefs with their names. */
    async recipients(tx: Queryable, workspaceId: string, briefIds: string[]): Promise<RecipientRow[]> {
      if (briefIds.length === 0) return [];
      const rows = await tx
        .select({ r: briefRecipients, name: users.name })
        .from(briefRecipients)
        .innerJoin(users, eq(users.id, briefRecipients.userId))
        .where(and(eq(briefRecipients.workspaceId, workspaceId), inArray(briefRecipients.briefId, briefIds)))
        .orderBy(users.name);
      return rows.map((x) => ({ ...x.r, name: x.name }));
    },

    /** A recipient's row, locked. */
    async recipient(tx: Queryable, workspaceId: string, briefId: string, userId: string) {
      const rows = await tx
        .select()
        .from(briefRecipients)
        .where(and(eq(briefRecipients.workspaceId, workspaceId), eq(briefRecipients.briefId, briefId), eq(briefRecipients.userId, userId)))
        .for("update");
      return rows[0] ?? null;
    },

    /** Changes a recipient's row. */
    async updateRecipient(tx: Queryable, workspaceId: string, briefId: string, userId: string, patch: Partial<typeof briefRecipients.$inferInsert>): Promise<void> {
      await tx
        .update(briefRecipients)
        .set(patch)
        .where(and(eq(briefRecipients.workspaceId, workspaceId), eq(briefRecipients.briefId, briefId), eq(briefRecipients.userId, userId)));
    },

    /** The workspace's readiness threshold (0.8 until set). */
    async threshold(tx: Queryable, workspaceId: string): Promise<number> {
      const rows = await tx.select({ t: enablementSettings.readinessThreshold }).from(enablementSettings).where(eq(enablementSettings.workspaceId, workspaceId));
      return rows[0]?.t ?? DEFAULT_THRESHOLD;
    },

    /** Sets the readiness threshold. */
    async setThreshold(tx: Queryable, workspaceId: string, readinessThreshold: number, at: Date): Promise<void> {
      await tx
        .insert(enablementSettings)
        .values({ workspaceId, readinessThreshold, updatedAt: at })
        .onConflictDoUpdate({ target: [enablementSettings.workspaceId], set: { readinessThreshold, updatedAt: at } });
    },
  };
}

export type BriefsRepository = ReturnType<typeof createBriefsRepository>;
