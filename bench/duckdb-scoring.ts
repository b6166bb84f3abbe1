/**
 * The DuckDB peer for P5: the same scoring computation as Tandem's re-score and back-test, written as set-based
 * SQL over the same rows (copied out of PostgreSQL before the clock starts), compiled from the definition by the
 * same compiler Tandem's set-based re-score uses. Definitions with caps or property matches are not supported.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import type { DefinitionBody } from "../src/shared/contracts/agreement.js";
import { engagementRuleSql, fitPointsSql, gradeSql, isCompilable } from "../src/server/modules/scoring/definition-sql.js";

/** The parts of a definition the scoring SQL reads. */
type Rules = Pick<DefinitionBody, "fitRules" | "gradeThresholds" | "engagementRules" | "halfLifeDays" | "mqlRule">;

type DuckConnection = { run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }> };

/** Loads @duckdb/node-api from bench/peers (installed outside the lockfile), or null when it is not installed. */
export async function openDuckDb(): Promise<{ connection: DuckConnection; close(): void } | null> {
  const require = createRequire(path.resolve("bench/peers/package.json"));
  let mod: { DuckDBInstance: { create(p: string, o?: Record<string, string>): Promise<{ connect(): Promise<DuckConnection & { closeSync?(): void }>; closeSync?(): void }> } };
  try {
    mod = (await import(require.resolve("@duckdb/node-api"))) as typeof mod;
  } catch {
    return null;
  }
  const instance = await mod.DuckDBInstance.create(":memory:", { threads: String(os.cpus().length) });
  const connection = await instance.connect();
  return { connection, close: () => instance.closeSync?.() };
}

const fitSql = (d: Rules) => fitPointsSql(d, "duckdb");
const pointsSql = (d: Rules) => engagementRuleSql(d, "duckdb").points;

async function exportCsv(pool: pg.Pool, query: string, file: string) {
  const client = await pool.connect();
  try {
    await pipeline(client.query(copyTo(`copy (${query}) to stdout with (format csv, header true)`)), fs.createWriteStream(file));
  } finally {
    client.release();
  }
}

/** Copies a workspace's contacts (with account fields and outcomes), touches and won revenue into DuckDB. */
export async function loadWorkspace(duck: DuckConnection, pool: pg.Pool, workspaceId: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-duck-"));
  try {
    const w = `'${workspaceId}'`;
    await exportCsv(pool, `select id, name, industry, employees, annual_revenue::float8 as annual_revenue, country, region, segment, customer_status from accounts where workspace_id = ${w}`, path.join(dir, "a.csv"));
    await exportCsv(pool, `select c.id, c.account_id, c.seniority, c.title, c.department, c.country, c.persona, c.source, c.channel, split_part(c.email, '@', 2) as email_domain, c.stage, c.mql_at is not null as had_mql, c.sal_at is not null as had_sal, c.sql_at is not null as had_sql, c.opportunity_at is not null as had_opp,
        c.customer_at is not null as had_customer, c.rejected_at is not null as had_rejected, c.lost_at is not null or c.no_decision_at is not null as had_closed
      from contacts c where c.workspace_id = ${w}`, path.join(dir, "c.csv"));
    await exportCsv(pool, `select id, contact_id, type, channel, campaign_id, (extract(epoch from occurred_at) * 1000)::float8 as at_ms from touchpoints where workspace_id = ${w} and contact_id is not null`, path.join(dir, "t.csv"));
    await exportCsv(pool, `select primary_contact_id as contact_id, sum(amount)::float8 as revenue from deals where workspace_id = ${w} and outcome = 'won' and primary_contact_id is not null group by 1`, path.join(dir, "rev.csv"));
    for (const t of ["a", "c", "t", "rev"]) await duck.run(`create or replace table ${t} as select * from read_csv('${path.join(dir, `${t}.csv`)}', header = true, auto_detect = true)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The full re-score in DuckDB: every contact's fit, grade and decayed engagement, and the points history. */
export async function duckRescore(duck: DuckConnection, d: Rules): Promise<{ contacts: number; events: number }> {
  if (!isCompilable(d)) throw new Error("capped rules are not supported by the DuckDB peer");
  const hMs = d.halfLifeDays * 86_400_000;
  const rule = engagementRuleSql(d, "duckdb");
  // The points history, as Tandem writes it: touch, rule id and label, points.
  await duck.run(`create or replace table scored as select * from (select contact_id, id, at_ms, ${rule.points} as points, ${rule.ruleId} as rule_id, ${rule.ruleLabel} as rule_label from t) where points is not null`);
  await duck.run(`create or replace table scores as
    select c.id, f.fit, ${gradeSql(d, "f.fit")} as grade, coalesce(e.score, 0) as engagement_score, e.at as engagement_at
    from c left join a on a.id = c.account_id cross join lateral (select ${fitSql(d)} as fit) f
    left join (select contact_id, max(at_ms) as at, sum(points * pow(2, (at_ms - last_ms) / ${hMs})) as score
               from (select *, max(at_ms) over (partition by contact_id) as last_ms from scored) group by contact_id) e on e.contact_id = c.id`);
  const r = (await duck.runAndReadAll("select (select count(*) from scores) as contacts, (select count(*) from scored) as events")).getRowObjects()[0]!;
  return { contacts: Number(r.contacts), events: Number(r.events) };
}

/** The back-test in DuckDB: for each version, the first moment in [from, to] grade and engagement met the MQL rule, and those leads' outcomes. */
export async function duckBacktest(duck: DuckConnection, versions: Rules[], fromMs: number, toMs: number): Promise<{ mqls: number; accepted: number; rejected: number; won: number; revenue: number }[]> {
  const out = [];
  for (const d of versions) {
    const hMs = d.halfLifeDays * 86_400_000;
    const grades = d.mqlRule.grades.map((g) => `'${g}'`).join(", ");
    const rows = (await duck.runAndReadAll(`
      with g as (select c.*, ${gradeSql(d, `(${fitSql(d)})`)} as grade from c left join a on a.id = c.account_id),
      p as (select contact_id, id, at_ms, ${pointsSql(d)} as points from t where at_ms >= ${fromMs} and at_ms <= ${toMs}),
      run as (select contact_id, at_ms, pow(2, -(at_ms - ${fromMs}) / ${hMs}) * sum(points * pow(2, (at_ms - ${fromMs}) / ${hMs})) over (partition by contact_id order by at_ms, id rows unbounded preceding) as e
              from p where points is not null),
      q as (select g.* from g where g.grade in (${grades}) and (${d.mqlRule.engagementThreshold} <= 0 or exists (select 1 from run where run.contact_id = g.id and run.e >= ${d.mqlRule.engagementThreshold})))
      select count(*) as mqls,
        count(*) filter (where had_customer or coalesce(r.revenue, 0) > 0 or had_opp or had_closed or had_sql or had_sal) as accepted,
        count(*) filter (where not (had_customer or coalesce(r.revenue, 0) > 0 or had_opp or had_closed or had_sql or had_sal) and had_rejected) as rejected,
        count(*) filter (where had_customer or coalesce(r.revenue, 0) > 0) as won,
        coalesce(sum(r.revenue), 0) as revenue
      from q left join rev r on r.contact_id = q.id`)).getRowObjects()[0]!;
    out.push({ mqls: Number(rows.mqls), accepted: Number(rows.accepted), rejected: Number(rows.rejected), won: Number(rows.won), revenue: Number(rows.revenue) });
  }
  return out;
}
