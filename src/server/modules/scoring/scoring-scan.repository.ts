import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { arrayParam } from "../../db/arrays.js";
import { accounts, contacts } from "../../db/schema/index.js";
import type { ReplayTouch } from "../../../shared/domain/scoring-replay.js";
import { engagementRuleSql, fitPointsSql, gradeSql, type CompilableRules } from "./definition-sql.js";

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

    /** Replaces the points history of some contacts under a version, in two statements. */
    async replaceEvents(tx: Queryable, workspaceId: string, contactIds: string[], version: number, rows: ScoreEventRow[]) {
      await tx.execute(sql`delete from score_events where workspace_id = ${workspaceId} and contact_id = any(${sql.param(contactIds)}::uuid[]) and definition_version = ${version}::int`);
      await insertScoreEvents(tx, workspaceId, rows);
    },

    /** Won deals (amount, close time) per primary contact, for some contacts. */
    async wonDeals(tx: Queryable, workspaceId: string, contactIds: string[]): Promise<Map<string, { amount: number; closedAt: number }[]>> {
      const out = new Map<string, { amount: number; closedAt: number }[]>();
      if (contactIds.length === 0) return out;
      const res = await tx.execute<{ contact_id: string; amount: number; closed_ms: number }>(sql`
        select primary_contact_id as contact_id, amount::float8 as amount, (extract(epoch from closed_at) * 1000)::float8 as closed_ms from deals
        where workspace_id = ${workspaceId} and outcome = 'won' and closed_at is not null and primary_contact_id = any(${sql.param(contactIds)}::uuid[])`);
      for (const r of res.rows) {
        const list = out.get(r.contact_id) ?? [];
        list.push({ amount: Number(r.amount), closedAt: Number(r.closed_ms) });
        out.set(r.contact_id, list);
      }
      return out;
    },

    /** The next page of contact ids (id order), locked for a re-score. */
    async lockIdPage(tx: Queryable, workspaceId: string, afterId: string | null, limit: number): Promise<string[]> {
      const res = await tx.execute<{ id: string }>(sql`select id from contacts where workspace_id = ${workspaceId} ${afterId ? sql`and id > ${afterId}` : sql``} order by id limit ${limit} for update`);
      return res.rows.map((r) => r.id);
    },

    /**
     * Re-scores a page of contacts in the database in one statement: fit, grade and the decayed engagement
     * `Σ p·2^((t − t_last)/H)` of the touches a rule scores, as of the last of them. Returns each contact's new
     * grade and engagement for the MQL check, and how many of its touches scored.
     */
    async rescorePage(tx: Queryable, workspaceId: string, def: CompilableRules & { version: number }, ids: string[]) {
      const rule = engagementRuleSql(def, "postgres");
      const fit = fitPointsSql(def);
      const halfLifeMs = def.halfLifeDays * 86_400_000;
      const page = sql.param(ids);
      const res = await tx.execute<{ id: string; stage: string; grade: string; score: number; at: Date | null; scored: number }>(sql`
        update contacts c0 set fit_points = v.fit, fit_grade = v.grade, engagement_score = v.score, engagement_at = v.at, definition_version = ${def.version}::int
        from (
          select c.id, f.fit, ${sql.raw(gradeSql(def, "f.fit"))} as grade, coalesce(e.score, 0) as score, e.at, coalesce(e.scored, 0) as scored
          from (select *, split_part(email, '@', 2) as email_domain from contacts where workspace_id = ${workspaceId} and id = any(${page}::uuid[])) c
          left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
          cross join lateral (select (${sql.raw(fit)})::int as fit) f
          left join (
            select contact_id, max(occurred_at) as at, count(*)::int as scored,
                   sum(points * power(2, extract(epoch from (occurred_at - last_at)) * 1000 / ${halfLifeMs}::float8)) as score
            from (select contact_id, occurred_at, points, max(occurred_at) over (partition by contact_id) as last_at
                  from (select t.contact_id, t.occurred_at, ${sql.raw(rule.points)} as points
                        from touchpoints t where t.workspace_id = ${workspaceId} and t.contact_id = any(${page}::uuid[])) p
                  where points is not null) x
            group by contact_id
          ) e on e.contact_id = c.id
        ) v
        where c0.workspace_id = ${workspaceId} and c0.id = v.id
        returning c0.id, c0.stage, v.grade, v.score, v.at, v.scored`);
      return res.rows.map((r) => ({ id: r.id, stage: r.stage, grade: r.grade, score: Number(r.score), at: r.at ? new Date(r.at) : null, scored: Number(r.scored) }));
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

/** Appends points history rows in one statement (one array parameter per column). */
export async function insertScoreEvents(tx: Queryable, workspaceId: string, rows: ScoreEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into score_events (workspace_id, id, contact_id, at, kind, rule_id, rule_label, points, touchpoint_id, definition_version)
    select ${workspaceId}::uuid, v.id, v.contact_id, v.at, 'engagement', v.rule_id, v.rule_label, v.points, v.touchpoint_id, v.version
    from unnest(${arrayParam(rows.map((r) => r.id), "uuid")}, ${arrayParam(rows.map((r) => r.contactId), "uuid")}, ${arrayParam(rows.map((r) => r.at.toISOString()), "timestamptz")},
                ${arrayParam(rows.map((r) => r.ruleId), "text")}, ${arrayParam(rows.map((r) => r.ruleLabel), "text")}, ${arrayParam(rows.map((r) => r.points), "float8")},
                ${arrayParam(rows.map((r) => r.touchpointId), "uuid")}, ${arrayParam(rows.map((r) => r.definitionVersion), "int")})
      as v(id, contact_id, at, rule_id, rule_label, points, touchpoint_id, version)`);
}
