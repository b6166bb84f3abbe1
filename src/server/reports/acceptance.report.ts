import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { AcceptanceRecords, AcceptanceRecordsQuery, AcceptanceReport } from "../../shared/contracts/reports/acceptance.js";
import { inPeriod, leadScope, type ResolvedPeriod } from "./report-scope.js";
import { contactName, handoversSql, toDate } from "./lead-stages.sql.js";
import { handoverOutcome, rollupInPeriod, rollupScope } from "./lead-rollup.sql.js";

type Counts = AcceptanceReport["totals"];
type Dim = "total" | "team" | "rep" | "campaign" | "source";
type CountRow = Omit<Counts, "rate"> & { dim: Dim; key: string | null; label: string | null };

const EXIT = { reject: "rejected", recycle: "recycled", disqualify: "disqualified" } as const;
const NO_REASON = "No reason recorded";

const COUNTS = sql`coalesce(sum(h.n), 0)::int as "handedOver",
  coalesce(sum(h.n) filter (where h.outcome = 'accepted'), 0)::int as accepted, coalesce(sum(h.n) filter (where h.outcome = 'rejected'), 0)::int as rejected,
  coalesce(sum(h.n) filter (where h.outcome = 'pending'), 0)::int as pending, coalesce(sum(h.n) filter (where h.outcome = 'recycled'), 0)::int as recycled,
  coalesce(sum(h.n) filter (where h.outcome = 'disqualified'), 0)::int as disqualified`;

function withRate<T extends Omit<Counts, "rate">>(r: T): T & { rate: number | null } {
  const decided = r.accepted + r.rejected;
  return { ...r, rate: decided === 0 ? null : r.accepted / decided };
}

/** The label of a reason code of a kind (alias `rc` joined by the caller). */
function reasonLabel(code: SQL): SQL {
  return sql`case when ${code} is null then ${NO_REASON} else coalesce(rc.label, ${code}) end`;
}

/** Lead acceptance of the MQLs handed over in the period (by team, rep, campaign, source) and the reasons given for rejections, recycles and disqualifications. */
export async function acceptanceReport(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): Promise<AcceptanceReport> {
  // Rep = the lead's owner on record, team = that owner's team (the same owner the repId/teamId filters select).
  // Summed from the hand-over rollup (lead-rollup.sql.ts): the same counts as the per-record hand-overs of handoversSql.
  const rows = await tx.execute<CountRow>(sql`
    with h as (
      select r.owner_id, r.campaign_id as original_campaign_id, r.source, m.team_id, ${handoverOutcome()} as outcome, r.n
      from lead_rollup r left join memberships m on m.workspace_id = r.workspace_id and m.user_id = r.owner_id
      where ${rollupInPeriod(workspaceId, "handover", period)} and ${rollupScope(filters)}
    )
    select case when grouping(h.team_id) = 0 then 'team' when grouping(h.owner_id) = 0 then 'rep'
                when grouping(h.original_campaign_id) = 0 then 'campaign' when grouping(h.source) = 0 then 'source' else 'total' end as dim,
      coalesce(h.team_id::text, h.owner_id::text, h.original_campaign_id::text, h.source) as key,
      case when grouping(h.team_id) = 0 then (select t.name from teams t where t.workspace_id = ${workspaceId} and t.id = h.team_id)
           when grouping(h.owner_id) = 0 then (select u.name from users u where u.id = h.owner_id)
           when grouping(h.original_campaign_id) = 0 then (select k.name from campaigns k where k.workspace_id = ${workspaceId} and k.id = h.original_campaign_id)
           else h.source end as label,
      ${COUNTS}
    from h
    group by grouping sets ((h.team_id), (h.owner_id), (h.original_campaign_id), (h.source), ())
    having sum(h.n) <> 0
    order by 1, sum(h.n) desc, 3 nulls last`);
  const dim = (d: Dim) => rows.rows.filter((r) => r.dim === d).map(({ dim: _d, ...r }) => withRate(r));
  const total = rows.rows.find((r) => r.dim === "total");
  const reasons = await tx.execute<{ kind: keyof typeof EXIT; code: string | null; label: string; count: number }>(sql`
    select case r.decision when 'rejected' then 'reject' when 'recycled' then 'recycle' else 'disqualify' end as kind,
      r.reason_code as code, max(${reasonLabel(sql`r.reason_code`)}) as label, sum(r.n)::int as count
    from lead_rollup r
    left join reason_codes rc on rc.workspace_id = r.workspace_id and rc.code = r.reason_code
      and rc.kind = case r.decision when 'rejected' then 'reject' when 'recycled' then 'recycle' else 'disqualify' end
    where ${rollupInPeriod(workspaceId, "exit", period)} and ${rollupScope(filters)}
    group by 1, 2 having sum(r.n) <> 0 order by 1, sum(r.n) desc, 2 nulls last`);
  const table = (kind: keyof typeof EXIT) => {
    const list = reasons.rows.filter((r) => r.kind === kind);
    const sum = list.reduce((s, r) => s + r.count, 0);
    return { total: sum, reasons: list.map((r) => ({ code: r.code, label: r.label, count: r.count, share: r.count / sum })) };
  };
  const { dim: _t, key: _k, label: _l, ...totals } = total ?? { dim: "total", key: null, label: null, handedOver: 0, accepted: 0, rejected: 0, pending: 0, recycled: 0, disqualified: 0 };
  return {
    totals: withRate(totals),
    byTeam: dim("team"),
    byRep: dim("rep"),
    byCampaign: dim("campaign"),
    bySource: dim("source"),
    reasons: { reject: table("reject"), recycle: table("recycle"), disqualify: table("disqualify") },
  };
}

type RecordRow = Omit<AcceptanceRecords["items"][number], "handedOverAt" | "decidedAt"> & { handedOverAt: string | null; decidedAt: string | null };

const RECORD_FIELDS = (alias: string) => {
  const c = sql.raw(alias);
  return sql`${c}.id, ${contactName(alias)} as name, ${c}.email, ${c}.stage, ${c}.source,
    (select u.name from users u where u.id = ${c}.owner_id) as "ownerName",
    (select k.name from campaigns k where k.workspace_id = ${c}.workspace_id and k.id = ${c}.original_campaign_id) as "campaignName"`;
};

/** The leads behind an acceptance number: the MQLs handed over (optionally one outcome), or the moves behind a reason. */
export async function acceptanceRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: AcceptanceRecordsQuery): Promise<AcceptanceRecords> {
  let body: SQL;
  if (q.reasonKind) {
    const exit = EXIT[q.reasonKind];
    const reason = q.reason === undefined ? sql`true` : q.reason === "none" ? sql`st.reason_code is null` : sql`st.reason_code = ${q.reason}`;
    body = sql`
      select ${RECORD_FIELDS("c")}, ${exit}::text as outcome, st.at as "decidedAt", st.reason_code as "reasonCode",
        ${reasonLabel(sql`st.reason_code`)} as "reasonLabel",
        case when st.from_stage = 'mql' then (select max(m.at) from stage_transitions m where m.workspace_id = st.workspace_id
          and m.contact_id = st.contact_id and m.to_stage = 'mql' and m.at <= st.at) end as "handedOverAt",
        st.at as sort_at, st.id as sort_id
      from stage_transitions st
      join contacts c on c.workspace_id = st.workspace_id and c.id = st.contact_id
      left join reason_codes rc on rc.workspace_id = st.workspace_id and rc.kind = ${q.reasonKind} and rc.code = st.reason_code
      where st.workspace_id = ${workspaceId} and st.to_stage = ${exit} and ${inPeriod(sql`st.at`, period)} and ${leadScope(q)} and ${reason}`;
  } else {
    const outcome = q.outcome ? sql`h.outcome = ${q.outcome}` : sql`true`;
    body = sql`
      select ${RECORD_FIELDS("h")}, h.outcome, h.decided_at as "decidedAt", h.reason_code as "reasonCode",
        case when h.outcome in ('rejected', 'recycled', 'disqualified') then ${reasonLabel(sql`h.reason_code`)} end as "reasonLabel",
        h.handed_at as "handedOverAt", h.handed_at as sort_at, h.id as sort_id
      from (${handoversSql(workspaceId, period, q)}) h
      left join reason_codes rc on rc.workspace_id = h.workspace_id and rc.code = h.reason_code
        and rc.kind = case h.outcome when 'rejected' then 'reject' when 'recycled' then 'recycle' else 'disqualify' end
      where ${outcome}`;
  }
  const count = await tx.execute<{ total: number }>(sql`select count(*)::int as total from (${body}) r`);
  const items = await tx.execute<RecordRow>(sql`select * from (${body}) r order by r.sort_at, r.sort_id limit ${q.limit} offset ${q.offset}`);
  return {
    items: items.rows.map((r) => ({ ...r, handedOverAt: toDate(r.handedOverAt), decidedAt: toDate(r.decidedAt) })),
    total: count.rows[0]?.total ?? 0,
  };
}
