/**
 * The DuckDB peer for P4: DESIGN §6.5 attribution written independently as plain SQL over the raw rows (touchpoints,
 * deals, deal contacts, contacts) copied out of PostgreSQL before the clock starts. It shares no code with Tandem's
 * materialisation (domain weights in TypeScript, eligibility in PostgreSQL); the bench compares the two.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { exportCsv, type DuckConnection } from "./duckdb-scoring.js";

const US_PER_DAY = 86_400_000_000;
const LOOKBACK_US = 365 * US_PER_DAY;
const HALF_LIFE_US = 7 * US_PER_DAY;

const us = (col: string, as: string) => `(extract(epoch from ${col}) * 1000000)::bigint as ${as}`;

async function load(duck: DuckConnection, file: string, table: string, columns: Record<string, string>): Promise<void> {
  const cols = Object.entries(columns).map(([k, v]) => `'${k}': '${v}'`).join(", ");
  await duck.run(`create or replace table ${table} as select * from read_csv('${file}', header = true, columns = {${cols}})`);
}

/** Copies the rows attribution reads into DuckDB (ids as text, instants as integer microseconds). */
export async function loadAttributionInputs(duck: DuckConnection, pool: pg.Pool, workspaceId: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-duck-attr-"));
  const w = `'${workspaceId}'`;
  try {
    const f = (n: string) => path.join(dir, `${n}.csv`);
    await exportCsv(pool, `select id, contact_id, category, ${us("occurred_at", "at_us")}, campaign_id, channel, asset_id from touchpoints where workspace_id = ${w}`, f("tp"));
    await exportCsv(pool, `select id, account_id, primary_contact_id, amount::float8 as amount, ${us("created_at", "created_us")}, ${us("closed_at", "closed_us")}, outcome from deals where workspace_id = ${w}`, f("deals"));
    await exportCsv(pool, `select deal_id, contact_id from deal_contacts where workspace_id = ${w}`, f("dc"));
    await exportCsv(pool, `select id, account_id, ${us("mql_at", "mql_us")} from contacts where workspace_id = ${w}`, f("contacts"));
    await load(duck, f("tp"), "tp", { id: "VARCHAR", contact_id: "VARCHAR", category: "VARCHAR", at_us: "BIGINT", campaign_id: "VARCHAR", channel: "VARCHAR", asset_id: "VARCHAR" });
    await load(duck, f("deals"), "deals", { id: "VARCHAR", account_id: "VARCHAR", primary_contact_id: "VARCHAR", amount: "DOUBLE", created_us: "BIGINT", closed_us: "BIGINT", outcome: "VARCHAR" });
    await load(duck, f("dc"), "dc", { deal_id: "VARCHAR", contact_id: "VARCHAR" });
    await load(duck, f("contacts"), "contacts", { id: "VARCHAR", account_id: "VARCHAR", mql_us: "BIGINT" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies Tandem's materialised credits and deal rows into DuckDB, for the checksum. */
export async function loadTandemCredits(duck: DuckConnection, pool: pg.Pool, workspaceId: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-duck-credits-"));
  const w = `'${workspaceId}'`;
  try {
    const c = path.join(dir, "c.csv");
    const d = path.join(dir, "d.csv");
    await exportCsv(pool, `select deal_id, basis, touchpoint_id, amount::float8 as amount, w_first, w_last, w_linear, w_u_shaped, w_w_shaped, w_time_decay from attribution_credits where workspace_id = ${w}`, c);
    await exportCsv(pool, `select deal_id, basis, touches from attribution_deals where workspace_id = ${w}`, d);
    await load(duck, c, "tandem_credits", { deal_id: "VARCHAR", basis: "VARCHAR", touchpoint_id: "VARCHAR", amount: "DOUBLE", w_first: "DOUBLE", w_last: "DOUBLE", w_linear: "DOUBLE", w_u_shaped: "DOUBLE", w_w_shaped: "DOUBLE", w_time_decay: "DOUBLE" });
    await load(duck, d, "tandem_deals", { deal_id: "VARCHAR", basis: "VARCHAR", touches: "INTEGER" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The conversions (both bases) and every eligible touch with its six weights, as CTEs `conv` and `credits`;
 * `period` (microseconds, end exclusive) limits the conversions, or none for every deal.
 */
export function attributionCtes(period: { startUs: number; endUs: number } | null): string {
  const inPeriod = (col: string) => (period ? `and ${col} >= ${period.startUs} and ${col} < ${period.endUs}` : "");
  return `
  conv as (
    select id as deal_id, account_id, primary_contact_id, amount, 'pipeline' as basis, created_us as t from deals where true ${inPeriod("created_us")}
    union all
    select id, account_id, primary_contact_id, amount, 'revenue', closed_us from deals where outcome = 'won' and closed_us is not null ${inPeriod("closed_us")}
  ),
  mt as (select id, contact_id, at_us, campaign_id, channel, asset_id from tp where category = 'marketing' and contact_id is not null),
  by_contact as materialized (
    select cv.deal_id, cv.basis, mt.id, mt.at_us, mt.campaign_id, mt.channel, mt.asset_id
    from conv cv join dc on dc.deal_id = cv.deal_id join mt on mt.contact_id = dc.contact_id
    where mt.at_us >= cv.t - ${LOOKBACK_US} and mt.at_us <= cv.t
  ),
  fallback as (
    select cv.* from conv cv left join (select distinct deal_id, basis from by_contact) k on k.deal_id = cv.deal_id and k.basis = cv.basis
    where k.deal_id is null
  ),
  -- The account's contacts of each fallback deal first, so the touches join on contact like by_contact does.
  fallback_contacts as materialized (select cv.deal_id, cv.basis, cv.t, c.id as contact_id from fallback cv join contacts c on c.account_id = cv.account_id),
  by_account as (
    select fc.deal_id, fc.basis, mt.id, mt.at_us, mt.campaign_id, mt.channel, mt.asset_id
    from fallback_contacts fc join mt on mt.contact_id = fc.contact_id
    where mt.at_us >= fc.t - ${LOOKBACK_US} and mt.at_us <= fc.t
  ),
  eligible as materialized (select * from by_contact union all select * from by_account),
  counted as (select deal_id, basis, count(*) as touches from eligible group by all),
  ranked as (
    select e.*, cv.amount, cv.t, pc.mql_us,
      row_number() over (partition by e.deal_id, e.basis order by e.at_us, e.id) as pos,
      count(*) over (partition by e.deal_id, e.basis) as n
    from eligible e join conv cv on cv.deal_id = e.deal_id and cv.basis = e.basis
    left join contacts pc on pc.id = cv.primary_contact_id
  ),
  anchored as (
    select *, max(case when at_us <= mql_us then pos end) over (partition by deal_id, basis) as mql_pos from ranked
  ),
  credits as (
    select deal_id, basis, id as touchpoint_id, campaign_id, channel, asset_id, amount,
      case when pos = 1 then 1::double else 0::double end as w_first,
      case when pos = n then 1::double else 0::double end as w_last,
      1::double / n as w_linear,
      case when n <= 2 then 1::double / n when pos = 1 or pos = n then 0.4::double else 0.2::double / (n - 2) end as w_u_shaped,
      case when n <= 3 then 1::double / n
           when pos = 1 or pos = n or pos = (case when mql_pos is null or mql_pos = 1 or mql_pos = n then n // 2 + 1 else mql_pos end) then 0.3::double
           else 0.1::double / (n - 3) end as w_w_shaped,
      pow(2::double, -(t - at_us) / ${HALF_LIFE_US}::double) / sum(pow(2::double, -(t - at_us) / ${HALF_LIFE_US}::double)) over (partition by deal_id, basis) as w_time_decay
    from anchored
  )`;
}

export type DuckReportRow = { basis: string; key: string; first: number; last: number; linear: number; u: number; w: number; decay: number; touches: number; deals: number };
export type DuckUnattributed = { basis: string; deals: number; amount: number };

/** The attribution report of a period computed from the raw rows: credit per campaign under six models, both bases, unattributed apart. */
export async function duckAttributionReport(duck: DuckConnection, period: { startUs: number; endUs: number }): Promise<{ rows: DuckReportRow[]; unattributed: DuckUnattributed[] }> {
  const res = await duck.runAndReadAll(`
    with ${attributionCtes(period)},
    grouped as (
      select basis, coalesce(campaign_id, 'none') as key, sum(w_first * amount) as first, sum(w_last * amount) as last, sum(w_linear * amount) as linear,
        sum(w_u_shaped * amount) as u, sum(w_w_shaped * amount) as w, sum(w_time_decay * amount) as decay, count(*) as touches, count(distinct deal_id) as deals
      from credits group by all
    ),
    unattributed as (
      select cv.basis, count(*) as deals, coalesce(sum(cv.amount), 0) as amount from conv cv
      left join counted k on k.deal_id = cv.deal_id and k.basis = cv.basis where k.deal_id is null group by cv.basis
    )
    select 'row' as kind, basis, key, first, last, linear, u, w, decay, touches, deals, null::double as amount from grouped
    union all
    select 'unattributed', basis, null, null, null, null, null, null, null, null, deals, amount from unattributed`);
  const rows: DuckReportRow[] = [];
  const unattributed: DuckUnattributed[] = [];
  for (const r of res.getRowObjects()) {
    const n = (k: string) => Number(r[k]);
    if (r.kind === "row") rows.push({ basis: String(r.basis), key: String(r.key), first: n("first"), last: n("last"), linear: n("linear"), u: n("u"), w: n("w"), decay: n("decay"), touches: n("touches"), deals: n("deals") });
    else unattributed.push({ basis: String(r.basis), deals: n("deals"), amount: n("amount") });
  }
  return { rows, unattributed };
}

export type ChecksumResult = { tandemRows: number; duckRows: number; tandemSum: string; duckSum: string; differing: number; ties: number; firstDiffering: string[] };

/**
 * Every deal's credits per touch and model, to the cent, from DuckDB (all deals, no period) against Tandem's
 * materialised rows: an order-independent checksum over (deal, basis, touch, six credits) and (deal, basis, touches)
 * on each side; on a mismatch, the rows that differ. A cent apart where the raw credits agree within 1e-6 is a
 * rounding tie (x.xx5 computed two ways), not a difference.
 */
export async function checksumCredits(duck: DuckConnection): Promise<ChecksumResult> {
  const cents = (p: string) =>
    `round(${p}w_first * ${p}amount, 2) as c1, round(${p}w_last * ${p}amount, 2) as c2, round(${p}w_linear * ${p}amount, 2) as c3, round(${p}w_u_shaped * ${p}amount, 2) as c4, round(${p}w_w_shaped * ${p}amount, 2) as c5, round(${p}w_time_decay * ${p}amount, 2) as c6`;
  await duck.run(`create or replace table duck_credits as with ${attributionCtes(null)} select * from credits`);
  await duck.run(`create or replace table duck_deals as with ${attributionCtes(null)}
    select cv.deal_id, cv.basis, coalesce(k.touches, 0)::integer as touches from conv cv left join counted k on k.deal_id = cv.deal_id and k.basis = cv.basis`);
  const sig = (credits: string, deals: string) => `
    select (select count(*) from ${credits}) as n,
      concat_ws(':', (select count(*) from ${deals}),
        (select coalesce(bit_xor(hash(concat_ws('|', deal_id, basis, touchpoint_id, c1, c2, c3, c4, c5, c6))), 0) from (select deal_id, basis, touchpoint_id, ${cents("")} from ${credits})),
        (select coalesce(bit_xor(hash(concat_ws('|', deal_id, basis, touches))), 0) from ${deals})) as sum`;
  const [t] = (await duck.runAndReadAll(sig("tandem_credits", "tandem_deals"))).getRowObjects();
  const [d] = (await duck.runAndReadAll(sig("duck_credits", "duck_deals"))).getRowObjects();
  const out: ChecksumResult = { tandemRows: Number(t!.n), duckRows: Number(d!.n), tandemSum: String(t!.sum), duckSum: String(d!.sum), differing: 0, ties: 0, firstDiffering: [] };
  if (out.tandemSum === out.duckSum) return out;
  const models = ["w_first", "w_last", "w_linear", "w_u_shaped", "w_w_shaped", "w_time_decay"];
  const diff = (await duck.runAndReadAll(`
    with a as (select deal_id, basis, touchpoint_id, amount, ${models.join(", ")} from tandem_credits),
    b as (select deal_id, basis, touchpoint_id, amount, ${models.join(", ")} from duck_credits),
    j as (
      select coalesce(a.deal_id, b.deal_id) as deal_id, coalesce(a.basis, b.basis) as basis, coalesce(a.touchpoint_id, b.touchpoint_id) as touchpoint_id,
        a.deal_id is null or b.deal_id is null as missing,
        ${models.map((m) => `round(a.${m} * a.amount, 2) <> round(b.${m} * b.amount, 2)`).join(" or ")} as cent_apart,
        greatest(${models.map((m) => `abs(a.${m} * a.amount - b.${m} * b.amount)`).join(", ")}) as raw_apart,
        concat_ws('/', ${models.map((m) => `round(a.${m} * a.amount, 2)`).join(", ")}) as tandem, concat_ws('/', ${models.map((m) => `round(b.${m} * b.amount, 2)`).join(", ")}) as duck
      from a full outer join b on a.deal_id = b.deal_id and a.basis = b.basis and a.touchpoint_id = b.touchpoint_id
    ),
    deal_rows as (
      select coalesce(x.deal_id, y.deal_id) as deal_id, coalesce(x.basis, y.basis) as basis, x.touches as t, y.touches as d
      from tandem_deals x full outer join duck_deals y on x.deal_id = y.deal_id and x.basis = y.basis
      where x.touches is distinct from y.touches
    )
    select 'credit' as kind, deal_id, basis, touchpoint_id, missing, raw_apart > 1e-6 as real, tandem, duck from j where missing or cent_apart
    union all
    select 'deal', deal_id, basis, null, true, true, t::varchar, d::varchar from deal_rows
    order by real desc, deal_id, basis`)).getRowObjects();
  for (const r of diff) {
    if (r.missing || r.real) {
      out.differing++;
      if (out.firstDiffering.length < 10) out.firstDiffering.push(`${r.kind} deal ${r.deal_id} ${r.basis}${r.touchpoint_id ? ` touch ${r.touchpoint_id}` : ""}: tandem ${r.tandem ?? "—"} vs duckdb ${r.duck ?? "—"}`);
    } else out.ties++;
  }
  return out;
}
