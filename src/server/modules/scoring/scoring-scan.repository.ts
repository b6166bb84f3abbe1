import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accounts, contacts } from "../../db/schema/index.js";
import type { ReplayTouch } from "../../../shared/domain/scoring-replay.js";

export type ScanTouch = ReplayTouch & { contactId: string };
export type ScorePatchRow = { id: string; fitPoints: number; fitGrade: string; engagementScore: number; engagementAt: Date | null; definitionVersion: number };
export type ScoreEventRow = { id: string; contactId: string; at: Date; ruleId: string; ruleLabel: string; points: number; touchpointId: string; definitionVersion: number };

/**
 * Set-based reads and writes for whole-workspace scoring (re-score, back-test): contacts page by page with their
 * accounts, their touches in one query per page, and one statement per page to write scores and history.
 */
export function createScoringScanRepository() {
  return {
    /** A page of contacts (id order) with their accounts, optionally locked for a re-score. */
    contactPage(tx: Queryable, workspaceId: string, afterId: string | null, limit: number, lock = false) {
      const conds = [eq(contacts.workspaceId, workspaceId)];
      if (afterId) conds.push(gt(contacts.id, afterId));
      const q = tx
        .select({ contact: contacts, account: accounts })
        .from(contacts)
        .leftJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
        .where(and(...conds))
        .orderBy(asc(contacts.id))
        .limit(limit);
      return lock ? q.for("update", { of: contacts }) : q;
    },

    /** The touches of some contacts in [from, to], grouped by contact in time order. */
    async touchesOf(tx: Queryable, workspaceId: string, contactIds: string[], opts: { from?: Date; to?: Date; withProperties: boolean }): Promise<Map<string, ScanTouch[]>> {
      const byContact = new Map<string, ScanTouch[]>();
      if (contactIds.length === 0) return byContact;
      // Properties are parsed only when a rule reads them: on millions of touches the JSON is most of the cost.
      const props = opts.withProperties ? sql`properties` : sql`null::jsonb`;
      const res = await tx.execute<{ id: string; contact_id: string; type: string; channel: string | null; campaign_id: string | null; at: string; properties: Record<string, unknown> | null }>(sql`
        select id, contact_id, type, channel, campaign_id, (extract(epoch from occurred_at) * 1000)::float8 as at, ${props} as properties
        from touchpoints
        where workspace_id = ${workspaceId} and contact_id = any(${sql.param(contactIds)}::uuid[])
          ${opts.from ? sql`and occurred_at >= ${opts.from}` : sql``} ${opts.to ? sql`and occurred_at <= ${opts.to}` : sql``}
        order by contact_id, occurred_at, id`);
      for (const r of res.rows) {
        const t: ScanTouch = { id: r.id, contactId: r.contact_id, type: r.type, channel: r.channel, campaignId: r.campaign_id, assetStage: null, properties: r.properties ?? {}, at: Number(r.at) };
        const list = byContact.get(r.contact_id);
        if (list) list.push(t);
        else byContact.set(r.contact_id, [t]);
      }
      return byContact;
    },

    /** Writes the score columns of many contacts in one statement. */
    async saveScores(tx: Queryable, workspaceId: string, rows: ScorePatchRow[]) {
      if (rows.length === 0) return;
      await tx.execute(sql`
        update contacts c set fit_points = v.fit_points, fit_grade = v.fit_grade, engagement_score = v.engagement_score,
          engagement_at = v.engagement_at, definition_version = v.definition_version
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.fitPoints))}::int[], ${sql.param(rows.map((r) => r.fitGrade))}::text[],
                    ${sql.param(rows.map((r) => r.engagementScore))}::float8[], ${sql.param(rows.map((r) => r.engagementAt?.toISOString() ?? null))}::timestamptz[],
                    ${sql.param(rows.map((r) => r.definitionVersion))}::int[])
          as v(id, fit_points, fit_grade, engagement_score, engagement_at, definition_version)
        where c.workspace_id = ${workspaceId} and c.id = v.id`);
    },

    /** Appends many points-history rows in one statement. */
    async insertEvents(tx: Queryable, workspaceId: string, rows: ScoreEventRow[]) {
      if (rows.length === 0) return;
      await tx.execute(sql`
        insert into score_events (workspace_id, id, contact_id, at, kind, rule_id, rule_label, points, touchpoint_id, definition_version)
        select ${workspaceId}::uuid, v.id, v.contact_id, v.at, 'engagement', v.rule_id, v.rule_label, v.points, v.touchpoint_id, v.version
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.contactId))}::uuid[], ${sql.param(rows.map((r) => r.at.toISOString()))}::timestamptz[],
                    ${sql.param(rows.map((r) => r.ruleId))}::text[], ${sql.param(rows.map((r) => r.ruleLabel))}::text[], ${sql.param(rows.map((r) => r.points))}::float8[],
                    ${sql.param(rows.map((r) => r.touchpointId))}::uuid[], ${sql.param(rows.map((r) => r.definitionVersion))}::int[])
          as v(id, contact_id, at, rule_id, rule_label, points, touchpoint_id, version)`);
    },

    /** Closed-won revenue per primary contact, for some contacts. */
    async wonRevenue(tx: Queryable, workspaceId: string, contactIds: string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      if (contactIds.length === 0) return out;
      const res = await tx.execute<{ contact_id: string; revenue: number }>(sql`
        select primary_contact_id as contact_id, sum(amount)::float8 as revenue from deals
        where workspace_id = ${workspaceId} and outcome = 'won' and primary_contact_id = any(${sql.param(contactIds)}::uuid[])
        group by primary_contact_id`);
      for (const r of res.rows) out.set(r.contact_id, Number(r.revenue));
      return out;
    },

    /** How many contacts the workspace has. */
    async countContacts(tx: Queryable, workspaceId: string): Promise<number> {
      const res = await tx.execute<{ n: number }>(sql`select count(*)::int as n from contacts where workspace_id = ${workspaceId}`);
      return res.rows[0]?.n ?? 0;
    },

    /** How many touches the workspace has in [from, to]. */
    async countTouches(tx: Queryable, workspaceId: string, from?: Date, to?: Date): Promise<number> {
      const res = await tx.execute<{ n: number }>(sql`select count(*)::int as n from touchpoints where workspace_id = ${workspaceId}
        ${from ? sql`and occurred_at >= ${from}` : sql``} ${to ? sql`and occurred_at <= ${to}` : sql``}`);
      return res.rows[0]?.n ?? 0;
    },
  };
}

export type ScoringScanRepository = ReturnType<typeof createScoringScanRepository>;
