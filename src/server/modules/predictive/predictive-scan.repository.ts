import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { ContactFeatureInput } from "../../../shared/domain/predictive-features.js";

/** A contact as training and scoring read it: the model's inputs plus its id, stage, label and current score. */
export type ScannedContact = Omit<ContactFeatureInput, "touches"> & {
  id: string;
  stage: string;
  predictiveScore: number | null;
  /** 1 = reached a won deal, 0 = lost / no decision / rejected / disqualified, null = no outcome yet. */
  label: 0 | 1 | null;
  /** The first hand-off to sales or outcome, when there is one; engagement is counted only before it. */
  decidedAt: Date | null;
  /** Touches per type in the window before the cutoff. */
  touches: Record<string, number>;
};

// Stages that mean sales has the contact or an outcome is in: engagement from then on is not a predictor.
const DECIDED_STAGES = ["mql", "sal", "sql", "opportunity", "customer", "rejected", "disqualified", "lost", "no_decision"];
// Contacts with a current outcome are not re-scored; their last score stays as the prediction made while open.
const CLOSED_STAGES = ["customer", "disqualified", "lost", "no_decision"];

type BaseRow = {
  id: string;
  email: string | null;
  seniority: string | null;
  department: string | null;
  persona: string | null;
  country: string | null;
  source: string | null;
  channel: string | null;
  stage: string;
  predictive_score: number | null;
  industry: string | null;
  employees: number | null;
  annual_revenue: number | null;
  region: string | null;
  customer_status: string | null;
  first_win_at: Date | string | null;
  label: number | null;
  decided_at: Date | string | null;
};

const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

/**
 * Set-based reads and writes over a workspace's contacts for the predictive model, a page at a time. Like the
 * scoring scan, it reads contacts, accounts, deals, stage transitions and touchpoints in a few statements per page
 * instead of going through the crm module one contact at a time.
 */
export function createPredictiveScanRepository() {
  async function touchCounts(tx: Queryable, workspaceId: string, rows: { id: string; cutoff: Date }[], windowDays: number) {
    const out = new Map<string, Record<string, number>>();
    if (rows.length === 0) return out;
    const res = await tx.execute<{ contact_id: string; type: string; n: number }>(sql`
      select p.id as contact_id, t.type, count(*)::int as n
      from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.cutoff.toISOString()))}::timestamptz[]) as p(id, cutoff)
      join touchpoints t on t.workspace_id = ${workspaceId} and t.contact_id = p.id
        and t.occurred_at >= p.cutoff - make_interval(days => ${windowDays}) and t.occurred_at < p.cutoff
      group by p.id, t.type`);
    for (const r of res.rows) {
      const counts = out.get(r.contact_id) ?? {};
      counts[r.type] = Number(r.n);
      out.set(r.contact_id, counts);
    }
    return out;
  }

  return {
    /** How many contacts have each closed-loop outcome (the training set's class sizes). */
    async countOutcomes(tx: Queryable, workspaceId: string): Promise<{ positives: number; negatives: number }> {
      const res = await tx.execute<{ positives: number; negatives: number }>(sql`
        with dd as (
          select primary_contact_id as contact_id, bool_or(outcome = 'won') as won, bool_or(outcome in ('lost', 'no_decision')) as lost
          from deals where workspace_id = ${workspaceId} and outcome is not null and primary_contact_id is not null
          group by primary_contact_id
        ), x as (
          select (c.customer_at is not null or coalesce(dd.won, false)) as won,
                 (coalesce(c.lost_at, c.no_decision_at, c.rejected_at, c.disqualified_at) is not null or coalesce(dd.lost, false)) as lost
          from contacts c left join dd on dd.contact_id = c.id
          where c.workspace_id = ${workspaceId}
        )
        select (count(*) filter (where won))::int as positives, (count(*) filter (where not won and lost))::int as negatives from x`);
      return { positives: Number(res.rows[0]?.positives ?? 0), negatives: Number(res.rows[0]?.negatives ?? 0) };
    },

    /** The next page of contact ids in id order, optionally only contacts without a current outcome. */
    async contactIdPage(tx: Queryable, workspaceId: string, afterId: string | null, limit: number, openOnly = false): Promise<string[]> {
      const res = await tx.execute<{ id: string }>(sql`
        select id from contacts where workspace_id = ${workspaceId}
          ${afterId ? sql`and id > ${afterId}` : sql``}
          ${openOnly ? sql`and stage <> all(${sql.param(CLOSED_STAGES)}::text[])` : sql``}
        order by id limit ${limit}`);
      return res.rows.map((r) => r.id);
    },

    /** How many contacts have no current outcome (the ones a training run scores). */
    async countOpen(tx: Queryable, workspaceId: string): Promise<number> {
      const res = await tx.execute<{ n: number }>(sql`select count(*)::int as n from contacts where workspace_id = ${workspaceId} and stage <> all(${sql.param(CLOSED_STAGES)}::text[])`);
      return Number(res.rows[0]?.n ?? 0);
    },

    /** Some contacts (or only those with an outcome) with everything the model reads; engagement is counted before the first hand-off or now. */
    async loadContacts(tx: Queryable, workspaceId: string, ids: string[], now: Date, windowDays: number, labelledOnly = false): Promise<ScannedContact[]> {
      if (ids.length === 0) return [];
      const idList = sql.param(ids);
      const res = await tx.execute<BaseRow>(sql`
        with dd as (
          select primary_contact_id as contact_id,
            min(closed_at) filter (where outcome = 'won') as won_at,
            min(closed_at) filter (where outcome in ('lost', 'no_decision')) as lost_at
          from deals where workspace_id = ${workspaceId} and outcome is not null and primary_contact_id = any(${idList}::uuid[])
          group by primary_contact_id
        ), st as (
          select contact_id, min(at) as at from stage_transitions
          where workspace_id = ${workspaceId} and contact_id = any(${idList}::uuid[]) and to_stage = any(${sql.param(DECIDED_STAGES)}::text[])
          group by contact_id
        )
        select c.id, c.email, c.seniority, c.department, c.persona, c.country, c.source, c.channel, c.stage, c.predictive_score,
          a.industry, a.employees, a.annual_revenue::float8 as annual_revenue, a.region, a.customer_status,
          (select min(d.closed_at) from deals d where d.workspace_id = c.workspace_id and d.account_id = c.account_id and d.outcome = 'won') as first_win_at,
          case when c.customer_at is not null or dd.won_at is not null then 1
               when coalesce(c.lost_at, c.no_decision_at, c.rejected_at, c.disqualified_at, dd.lost_at) is not null then 0 end as label,
          least(c.mql_at, c.sal_at, c.sql_at, c.opportunity_at, c.customer_at, c.rejected_at, c.disqualified_at, c.lost_at, c.no_decision_at,
                dd.won_at, dd.lost_at, st.at) as decided_at
        from contacts c
        left join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
        left join dd on dd.contact_id = c.id
        left join st on st.contact_id = c.id
        where c.workspace_id = ${workspaceId} and c.id = any(${idList}::uuid[])
        order by c.id`);
      const base = res.rows.filter((r) => !labelledOnly || r.label !== null).map((r) => {
        const decidedAt = toDate(r.decided_at);
        return { r, decidedAt, cutoff: decidedAt && decidedAt.getTime() < now.getTime() ? decidedAt : now };
      });
      const counts = await touchCounts(tx, workspaceId, base.map((b) => ({ id: b.r.id, cutoff: b.cutoff })), windowDays);
      return base.map(({ r, decidedAt, cutoff }) => ({
        id: r.id,
        email: r.email,
        seniority: r.seniority,
        department: r.department,
        persona: r.persona,
        country: r.country,
        source: r.source,
        channel: r.channel,
        stage: r.stage,
        predictiveScore: r.predictive_score === null ? null : Number(r.predictive_score),
        industry: r.industry,
        employees: r.employees === null ? null : Number(r.employees),
        annualRevenue: r.annual_revenue === null ? null : Number(r.annual_revenue),
        region: r.region,
        customerStatus: r.customer_status,
        accountFirstWinAt: toDate(r.first_win_at),
        label: r.label === null ? null : r.label === 1 ? 1 : 0,
        decidedAt,
        cutoff,
        touches: counts.get(r.id) ?? {},
      }));
    },

    /** Whether a contact has no current outcome (only those are re-scored). */
    isOpen(stage: string): boolean {
      return !CLOSED_STAGES.includes(stage);
    },

    /** Writes many contacts' predictive scores in one statement. */
    async saveScores(tx: Queryable, workspaceId: string, rows: { id: string; score: number }[]) {
      if (rows.length === 0) return;
      await tx.execute(sql`
        update contacts c set predictive_score = v.score
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.score))}::float8[]) as v(id, score)
        where c.workspace_id = ${workspaceId} and c.id = v.id`);
    },
  };
}

export type PredictiveScanRepository = ReturnType<typeof createPredictiveScanRepository>;
