import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { useHarness, type TestWorkspace } from "../../../test/harness.js";
import { reportData } from "../../../test/lead-report-data.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { Queryable } from "../db/client.js";
import { PAIR_STARTS, handoversSql, nextStage, pairCohortWhere, reachedSince, stamp, type PairStart } from "./lead-stages.sql.js";
import { funnelReport } from "./funnel.report.js";
import { kpis } from "./kpis.report.js";
import { handoverOutcome, rollupInPeriod, rollupScope, wholeMonths } from "./lead-rollup.sql.js";
import { inPeriod, leadScope, resolvePeriod } from "./report-scope.js";
import { compactLeadRollup, rebuildReportFacts } from "../modules/reports/rollups/lead-rollup.js";
import { salesSlaAttainment } from "./sla-attainment.report.js";

// The rollup the lead dashboards sum (migration 0019) must give the numbers of the per-record definitions
// (handoversSql, the exits of stage_transitions) for any period and filter, after any change the triggers follow:
// moves, key changes, a segment change, a contact moving account, a contact deleted, a time-zone change, compaction.
// The same for the SLA timers the attainment report sums (settled ones from the rollup, running ones live).
const h = useHarness({ now: "2026-06-15T12:00:00Z" });
let ws: TestWorkspace;
let d: ReturnType<typeof reportData>;
const q = (text: string, v: unknown[]) => h.tdb.ownerDb.pool.query(text, v);
const contacts: string[] = [];
const accounts: string[] = [];
const campaigns: string[] = [];
let team = "";

/** mulberry32: the same scenario on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const DECISIONS = [["sal", null], ["rejected", "not_icp"], ["rejected", null], ["recycled", "no_response"], ["disqualified", "spam"], ["sql", null]] as const;

/** A history of hand-overs from `start`: each entry into mql, sometimes a decision (at the same instant now and then), sometimes back again. */
async function history(contactId: string, start: number) {
  let at = start;
  let stage = "lead";
  const passes = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < passes; i++) {
    at += Math.floor(rand() * 20 * 86_400_000) + (rand() < 0.3 ? 23 * 3_600_000 : 0);
    await d.move(contactId, stage, "mql", new Date(at).toISOString());
    stage = "mql";
    if (rand() < 0.2) break; // pending
    const [to, reason] = pick(DECISIONS);
    if (rand() > 0.15) at += Math.floor(rand() * 5 * 86_400_000);
    await d.move(contactId, "mql", to, new Date(at).toISOString(), reason);
    stage = to;
  }
  if (rand() < 0.2) await d.move(contactId, stage, "disqualified", new Date(at + 3_600_000).toISOString(), rand() < 0.5 ? "spam" : null);
  if (rand() < 0.4) await q("update contacts set sql_at = $2 where id = $1", [contactId, new Date(at + 86_400_000).toISOString()]);
  if (rand() < 0.2) await q("update contacts set customer_at = $2 where id = $1", [contactId, new Date(at + 2 * 86_400_000).toISOString()]);
}

const PERIODS = [
  { from: "2026-01-01", to: "2026-01-31" },
  { from: "2025-12-15", to: "2026-02-10" },
  { from: "2026-02-28", to: "2026-03-01" },
  { from: "2025-10-01", to: "2026-06-15" },
  { from: "2026-01-31", to: "2026-01-31" },
  { from: "2025-11-01", to: "2026-04-30" },
];

function filterSets(): ReportFilters[] {
  return [
    {},
    { repId: ws.users.sales.userId },
    { teamId: team },
    { segment: "smb" },
    { source: "inbound", channel: "email" },
    { campaignId: campaigns[0] },
  ];
}

type Counts = Record<string, number>;

async function viaRecords(tx: Queryable, period: Awaited<ReturnType<typeof resolvePeriod>>, f: ReportFilters): Promise<Counts> {
  const handed = await tx.execute<Counts>(sql`
    select count(*)::int as handed, count(*) filter (where h.outcome = 'accepted')::int as accepted, count(*) filter (where h.outcome = 'rejected')::int as rejected,
      count(*) filter (where h.outcome = 'recycled')::int as recycled, count(*) filter (where h.outcome = 'disqualified')::int as disqualified,
      count(*) filter (where h.outcome = 'pending')::int as pending,
      count(*) filter (where ${reachedSince("sql", sql`h.handed_at`, "h")})::int as sqls, count(*) filter (where ${reachedSince("customer", sql`h.handed_at`, "h")})::int as won
    from (${handoversSql(ws.workspaceId, period, f)}) h`);
  const exits = await tx.execute<Counts>(sql`
    select count(*)::int as exits, count(*) filter (where st.reason_code is not null)::int as "withReason",
      count(*) filter (where st.to_stage = 'rejected' and st.reason_code = 'not_icp')::int as "notIcp"
    from stage_transitions st join contacts c on c.workspace_id = st.workspace_id and c.id = st.contact_id
    where st.workspace_id = ${ws.workspaceId} and st.to_stage in ('rejected', 'recycled', 'disqualified') and ${inPeriod(sql`st.at`, period)} and ${leadScope(f)}`);
  return { ...handed.rows[0]!, ...exits.rows[0]! };
}

async function viaRollup(tx: Queryable, period: Awaited<ReturnType<typeof resolvePeriod>>, f: ReportFilters): Promise<Counts> {
  const handed = await tx.execute<Counts>(sql`
    select coalesce(sum(r.n), 0)::int as handed, ${sql.join(
      ["accepted", "rejected", "recycled", "disqualified", "pending"].map((o) => sql`coalesce(sum(r.n) filter (where ${handoverOutcome()} = ${o}), 0)::int as ${sql.raw(o)}`),
      sql`, `,
    )},
      coalesce(sum(r.n) filter (where r.reached_sql), 0)::int as sqls, coalesce(sum(r.n) filter (where r.reached_customer), 0)::int as won
    from lead_rollup r where ${rollupInPeriod(ws.workspaceId, "handover", period)} and ${rollupScope(f)}`);
  const exits = await tx.execute<Counts>(sql`
    select coalesce(sum(r.n), 0)::int as exits, coalesce(sum(r.n) filter (where r.reason_code is not null), 0)::int as "withReason",
      coalesce(sum(r.n) filter (where r.decision = 'rejected' and r.reason_code = 'not_icp'), 0)::int as "notIcp"
    from lead_rollup r where ${rollupInPeriod(ws.workspaceId, "exit", period)} and ${rollupScope(f)}`);
  return { ...handed.rows[0]!, ...exits.rows[0]! };
}

type SlaCounts = { kind: string | null; onTime: number; breached: number; open: number };

/** The attainment rule of the ledger (timerOutcome) over sla_timers, written out again: the reference. */
async function slaViaRecords(tx: Queryable, period: Awaited<ReturnType<typeof resolvePeriod>>, f: ReportFilters): Promise<SlaCounts[]> {
  const res = await tx.execute<SlaCounts>(sql`
    select t.kind, count(*) filter (where o = 'onTime')::int as "onTime", count(*) filter (where o = 'breached')::int as breached, count(*) filter (where o = 'open')::int as open
    from sla_timers t cross join lateral (select case when t.breached_at is not null or (t.state = 'running' and t.due_at <= ${h.clock.now().toISOString()}::timestamptz) then 'breached'
      when t.state = 'met' then 'onTime' else 'open' end as o) x
    join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
    where t.workspace_id = ${ws.workspaceId} and ${inPeriod(sql`t.due_at`, period)} and t.state <> 'cancelled'
      and ${leadScope({ ...f, repId: undefined, teamId: undefined })} and ${f.repId ? sql`t.owner_id = ${f.repId}` : sql`true`} and ${f.teamId ? sql`t.team_id = ${f.teamId}` : sql`true`}
    group by t.kind order by t.kind`);
  return res.rows;
}

/** The funnel's cohorts per pair from the contacts' stamps, the per-contact rule written out again: the reference. */
async function funnelViaContacts(tx: Queryable, period: Awaited<ReturnType<typeof resolvePeriod>>, f: ReportFilters) {
  const out: { from: string; entered: number; converted: number }[] = [];
  for (const a of PAIR_STARTS) {
    const res = await tx.execute<{ entered: number; converted: number }>(sql`
      select count(*)::int as entered, count(*) filter (where ${reachedSince(nextStage(a as PairStart), stamp(a))})::int as converted
      from contacts c where ${pairCohortWhere(ws.workspaceId, a as PairStart, period, f)}`);
    out.push({ from: a, ...res.rows[0]! });
  }
  return out;
}

/** Every period × filter set answered both ways; returns how many hand-overs the widest period counted (so the check is not vacuous). */
async function expectRollupEqualsRecords(): Promise<number> {
  return h.tdb.db.inWorkspace(ws.workspaceId, async (tx) => {
    let widest = 0;
    for (const p of PERIODS) {
      const period = await resolvePeriod(tx, ws.workspaceId, p, h.clock.now());
      for (const f of filterSets()) {
        const expected = await viaRecords(tx, period, f);
        expect(await viaRollup(tx, period, f), `${p.from}..${p.to} ${JSON.stringify(f)}`).toEqual(expected);
        const funnel = await funnelReport(tx, ws.workspaceId, period, f);
        expect(funnel.pairs.map((x) => ({ from: x.from, entered: x.entered, converted: x.converted })), `funnel ${p.from}..${p.to} ${JSON.stringify(f)}`).toEqual(await funnelViaContacts(tx, period, f));
        const mqlToWon = await tx.execute<{ source: string; mqls: number; won: number }>(sql`
          select coalesce(c.source, 'unknown') as source, count(*)::int as mqls, count(*) filter (where c.customer_at >= c.mql_at)::int as won
          from contacts c where c.workspace_id = ${ws.workspaceId} and ${inPeriod(sql`c.mql_at`, period)} and ${leadScope(f)} group by 1 order by count(*) desc, 1`);
        expect((await kpis(tx, ws.workspaceId, period, f, h.clock.now())).mqlToWonBySource.map(({ source, mqls, won }) => ({ source, mqls, won })), `MQL→won ${p.from}..${p.to}`).toEqual(mqlToWon.rows);
        const sla = await salesSlaAttainment(tx, ws.workspaceId, period, f, h.clock.now());
        expect(sla.byKind.map((k) => ({ kind: k.kind, onTime: k.onTime, breached: k.breached, open: k.open })), `SLA ${p.from}..${p.to} ${JSON.stringify(f)}`).toEqual(await slaViaRecords(tx, period, f));
        if (p.from === "2025-10-01" && Object.keys(f).length === 0) widest = expected.handed! + sla.overall.onTime + sla.overall.breached + sla.overall.open;
      }
    }
    return widest;
  });
}

/** The rollup as net counts per key, and the events: what a rebuild from the transitions must reproduce. */
async function state() {
  const rollup = await q(
    `select grain, bucket::text, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment, sum(n)::int as n
     from lead_rollup where workspace_id = $1 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 having sum(n) <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`,
    [ws.workspaceId],
  );
  const events = await q("select * from lead_events where workspace_id = $1 order by kind, id", [ws.workspaceId]);
  return { rollup: rollup.rows, events: events.rows };
}

async function expectIncrementalEqualsRebuild() {
  const before = await state();
  await q("select tandem_rebuild_lead_events($1)", [ws.workspaceId]);
  expect(await state()).toEqual(before);
}

beforeAll(async () => {
  ws = await h.workspace("Rollup");
  d = reportData(h, ws.workspaceId);
  await d.timezone("America/Los_Angeles");
  team = (await q("insert into teams (workspace_id, id, name, created_at) values ($1, gen_random_uuid(), 'East', now()) returning id", [ws.workspaceId])).rows[0].id;
  await q("update memberships set team_id = $3 where workspace_id = $1 and user_id = $2", [ws.workspaceId, ws.users.sdr.userId, team]);
  campaigns.push(await d.campaign("Webinar"), await d.campaign("Ebook"));
  for (const segment of ["smb", "mid", null]) accounts.push(await d.account(segment));
  const owners = [ws.users.sales.userId, ws.users.sdr.userId, null];
  for (let i = 0; i < 40; i++) {
    const id = await d.contact({
      stage: "lead", ownerId: pick(owners), source: pick(["inbound", "outbound", null]), channel: pick(["email", "paid_social", null]),
      campaignId: pick([...campaigns, null]), accountId: pick([...accounts, null]),
    });
    contacts.push(id);
    // Starts spread over October to April; some land on month edges of the zone.
    const start = Date.parse("2025-10-01T00:00:00Z") + Math.floor(rand() * 200) * 86_400_000 + (rand() < 0.3 ? 7 * 3_600_000 + 59 * 60_000 : 0);
    await history(id, start);
    // Funnel stamps: some leads came in as subscribers, some reached sal, opportunity or customer along the way.
    const stamps: string[] = [];
    if (rand() < 0.5) stamps.push(`subscriber_at = '${new Date(start - 3 * 86_400_000).toISOString()}'`);
    stamps.push(`lead_at = '${new Date(start).toISOString()}'`);
    if (rand() < 0.6) stamps.push(`mql_at = '${new Date(start + 5 * 86_400_000).toISOString()}'`);
    if (rand() < 0.4) stamps.push(`sal_at = '${new Date(start + 9 * 86_400_000).toISOString()}'`);
    if (rand() < 0.3) stamps.push(`opportunity_at = '${new Date(start + (rand() < 0.2 ? -40 : 30) * 86_400_000).toISOString()}'`);
    await q(`update contacts set ${stamps.join(", ")} where id = $1`, [id]);
  }
  // Leads that arrive with their stamps (an import, identity resolution): the insert trigger writes their stamp rows.
  for (let i = 0; i < 6; i++) {
    const lead = new Date(Date.parse("2025-12-20T00:00:00Z") + i * 9 * 86_400_000).toISOString();
    const later = new Date(Date.parse(lead) + (i % 3) * 20 * 86_400_000).toISOString();
    contacts.push(await d.contact({ stage: "sql", ownerId: pick(owners), source: "inbound", accountId: pick(accounts), at: { lead, mql: later, sql: i % 2 ? later : undefined } }));
  }
  // SLA timers in every state, some running past their due time (now is 15 June), owned and teamed variously.
  const rows = alignmentRows(h, ws);
  for (const [i, id] of contacts.entries()) {
    const due = new Date(Date.parse("2025-11-01T00:00:00Z") + Math.floor(rand() * 240) * 86_400_000 + (rand() < 0.3 ? 22 * 3_600_000 : 0));
    const state = pick(["running", "met", "met", "breached", "cancelled"]);
    await rows.timer({
      kind: i % 2 ? "accept" : "first_touch", contactId: id, ownerId: pick(owners), teamId: rand() < 0.5 ? team : null,
      startedAt: new Date(due.getTime() - 86_400_000).toISOString(), dueAt: due.toISOString(), state,
      metAt: state === "met" ? due.toISOString() : undefined, breachedAt: state === "breached" || (state === "met" && rand() < 0.3) ? due.toISOString() : undefined,
    });
  }
});

describe("the lead rollup", () => {
  it("sums to the per-record hand-overs and exits for every period and filter", async () => {
    expect(await expectRollupEqualsRecords()).toBeGreaterThan(40);
    await expectIncrementalEqualsRebuild();
  });

  it("follows owner, campaign, source and account changes, a segment change and a deleted contact", async () => {
    for (const id of contacts.slice(0, 8)) await q("update contacts set owner_id = $2, source = 'inbound', channel = 'email' where id = $1", [id, ws.users.sales.userId]);
    await q("update contacts set original_campaign_id = $2 where id = any($1)", [contacts.slice(8, 14), campaigns[0]]);
    await q("update contacts set account_id = $2 where id = any($1)", [contacts.slice(14, 18), accounts[0]]);
    await q("update accounts set segment = 'smb' where id = $1", [accounts[1]]);
    await q("delete from contacts where id = $1", [contacts[20]]);
    await q("update sla_timers set state = 'met', met_at = due_at where workspace_id = $1 and state = 'running' and contact_id = any($2)", [ws.workspaceId, contacts.slice(0, 20)]);
    await q("update sla_timers set breached_at = due_at where workspace_id = $1 and state = 'running' and contact_id = any($2)", [ws.workspaceId, contacts.slice(20, 30)]);
    await q("update sla_timers set owner_id = $2, team_id = null where workspace_id = $1 and contact_id = any($3)", [ws.workspaceId, ws.users.sdr.userId, contacts.slice(30, 35)]);
    await q("update sla_timers set state = 'cancelled' where workspace_id = $1 and contact_id = $2", [ws.workspaceId, contacts[36]]);
    await expectRollupEqualsRecords();
    await expectIncrementalEqualsRebuild();
  });

  it("follows later moves, a back-dated exit and stamps cleared by a new cycle", async () => {
    // A pending hand-over decided now; a back-dated decision before a later hand-over of the same lead.
    for (const id of contacts.slice(22, 30)) await d.move(id, "mql", "sal", "2026-03-31T23:30:00Z");
    await d.move(contacts[31]!, "lead", "mql", "2026-02-01T07:59:00Z");
    await d.move(contacts[31]!, "mql", "rejected", "2026-02-01T07:59:00Z", "not_icp");
    await q("update contacts set sql_at = null, opportunity_at = null, customer_at = null where id = any($1)", [contacts.slice(30, 36)]);
    await expectRollupEqualsRecords();
    await expectIncrementalEqualsRebuild();
  });

  it("moves every bucket when the workspace changes time zone, and compaction keeps the sums", async () => {
    await d.timezone("Europe/Berlin");
    await expectRollupEqualsRecords();
    for (const id of contacts.slice(36, 40)) await q("update contacts set owner_id = null where id = $1", [id]);
    const deltas = async () => (await q("select count(*)::int as n from lead_rollup where workspace_id = $1 and not base", [ws.workspaceId])).rows[0].n as number;
    expect(await deltas()).toBeGreaterThan(0);
    await h.tdb.db.inWorkspace(ws.workspaceId, (tx) => compactLeadRollup(tx, ws.workspaceId));
    expect(await deltas()).toBe(0);
    // Every key and bucket is one row after the fold.
    const dup = await q(
      `select count(*)::int as n from (select 1 from lead_rollup where workspace_id = $1 group by grain, bucket, kind, decision, reason_code, reached_sql, reached_customer, owner_id, campaign_id, source, channel, segment having count(*) > 1) x`,
      [ws.workspaceId],
    );
    expect(dup.rows[0].n).toBe(0);
    await expectRollupEqualsRecords();
    await expectIncrementalEqualsRebuild();
  });

  it("rebuilds every report fact as the app role (tandem reports rebuild) to the same state, step by step", async () => {
    const before = await state();
    const steps: string[] = [];
    const r = await h.tdb.db.inWorkspace(ws.workspaceId, (tx) => rebuildReportFacts(tx, ws.workspaceId, h.clock.now(), (_d, name) => steps.push(name)));
    expect(steps).toEqual(["lead events", "deal people", "deal keys", "deal facts", "done"]);
    expect(r.leadEvents).toBe(before.events.length);
    expect(await state()).toEqual(before);
  });

  it("splits a period into whole months and the days around them", () => {
    expect(wholeMonths({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ start: "2026-01-01", end: "2026-02-01" });
    expect(wholeMonths({ from: "2025-12-15", to: "2026-02-10" })).toEqual({ start: "2026-01-01", end: "2026-02-01" });
    expect(wholeMonths({ from: "2026-02-28", to: "2026-03-01" })).toEqual({ start: "2026-03-01", end: "2026-03-01" });
    expect(wholeMonths({ from: "2025-12-02", to: "2025-12-31" })).toEqual({ start: "2026-01-01", end: "2026-01-01" });
  });
});
