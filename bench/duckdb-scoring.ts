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
import { engagementRuleSql, fitPointsSql, gradeSql, isCompilable, type CompilableRules as Rules } from "../src/server/modules/scoring/definition-sql.js";

export type DuckConnection = { run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }> };

/** Loads @duckdb/node-api from bench/peers (installed outside the lockfile), or null when it is not installed. */
export async function openDuckDb(): Promise<{ connection: DuckConnection; close(): void } | null> {
  const require = createRequire(path.resolve("bench/peers/package.json"));
  let mod: { DuckDBInstance: { create(p: string, o?: Record<string, string>): Promise<{ connect(): Promise<DuckConnection & { closeSync?(): void }>; closeSync?(): void }> } };
  try {
    mod = (await import(require.resolve("@duckdb/node-api"))) as typeof mod;
  } catch {
    return null;
  }
  // Spills go to the system temp folder, not a .tmp/ in the working tree.
  const instance = await mod.DuckDBInstance.create(":memory:", { threads: String(os.cpus().length), temp_directory: path.join(os.tmpdir(), "tandem-bench-duckdb") });
  const connection = await instance.connect();
  return { connection, close: () => instance.closeSync?.() };
}

const fitSql = (d: Rules) => fitPointsSql(d, "duckdb");
const pointsSql = (d: Rules) => engagementRuleSql(d, "duckdb").points;

/** Streams a query's rows out of PostgreSQL into a CSV file (COPY TO STDOUT). */
export async function exportCsv(pool: pg.Pool, query: string, file: string) {
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
    const ms = (col: string) => `(extract(epoch from c.${col}) * 1000)::float8 as ${col.replace(/_at$/, "_ms")}`;
    await exportCsv(pool, `select c.id, c.account_id, c.seniority, c.title, c.department, c.country, c.persona, c.source, c.channel, split_part(c.email, '@', 2) as email_domain, c.stage,
        ${["mql_at", "sal_at", "sql_at", "opportunity_at", "customer_at", "rejected_at", "lost_at", "no_decision_at"].map(ms).join(", ")}
      from contacts c where c.workspace_id = ${w}`, path.join(dir, "c.csv"));
    await exportCsv(pool, `select id, contact_id, type, channel, campaign_id, (extract(epoch from occurred_at) * 1000)::float8 as at_ms from touchpoints where workspace_id = ${w} and contact_id is not null`, path.join(dir, "t.csv"));
    await exportCsv(pool, `select primary_contact_id as contact_id, amount::float8 as amount, (extract(epoch from closed_at) * 1000)::float8 as closed_ms from deals
      where workspace_id = ${w} and outcome = 'won' and closed_at is not null and primary_contact_id is not null`, path.join(dir, "won.csv"));
    for (const t of ["a", "c", "t", "won"]) await duck.run(`create or replace table ${t} as select * from read_csv('${path.join(dir, `${t}.csv`)}', header = true, auto_detect = true)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The full re-score in DuckDB: every contact's fit, grade and decayed engagement. */
export async function duckRescore(duck: DuckConnection, d: Rules): Promise<{ contacts: number; events: number }> {
  if (!isCompilable(d)) throw new Error("capped rules are not supported by the DuckDB peer");
  const hMs = d.halfLifeDays * 86_400_000;
  // One statement, as Tandem's: fit and grade per contact, and the decayed sum of the touches a rule scores.
  await duck.run(`create or replace table scores as
    select c.id, f.fit, ${gradeSql(d, "f.fit")} as grade, coalesce(e.score, 0) as engagement_score, e.at as engagement_at, coalesce(e.scored, 0) as scored
    from c left join a on a.id = c.account_id cross join lateral (select ${fitSql(d)} as fit) f
    left join (select contact_id, max(at_ms) as at, count(*) as scored, sum(points * pow(2, (at_ms - last_ms) / ${hMs})) as score
               from (select *, max(at_ms) over (partition by contact_id) as last_ms
                     from (select contact_id, at_ms, ${pointsSql(d)} as points from t) where points is not null)
               group by contact_id) e on e.contact_id = c.id`);
  const r = (await duck.runAndReadAll("select count(*) as contacts, sum(scored) as events from scores")).getRowObjects()[0]!;
  return { contacts: Number(r.contacts), events: Number(r.events) };
}

/**
 * The back-test in DuckDB: for each version, the first moment in [from, to] grade and engagement met the MQL rule;
 * leads sales already had before that moment are no new MQL; outcomes and won revenue count from that moment on.
 */
export async function duckBacktest(duck: DuckConnection, versions: Rules[], fromMs: number, toMs: number): Promise<{ mqls: number; accepted: number; rejected: number; won: number; revenue: number }[]> {
  const out = [];
  for (const d of versions) {
    const hMs = d.halfLifeDays * 86_400_000;
    const grades = d.mqlRule.grades.map((g) => `'${g}'`).join(", ");
    const after = (col: string) => `coalesce(${col} >= q_ms, false)`;
    const rows = (await duck.runAndReadAll(`
      with g as (select c.*, ${gradeSql(d, `(${fitSql(d)})`)} as grade from c left join a on a.id = c.account_id),
      p as (select contact_id, id, at_ms, ${pointsSql(d)} as points from t where at_ms >= ${fromMs} and at_ms <= ${toMs}),
      run as (select contact_id, at_ms, pow(2, -(at_ms - ${fromMs}) / ${hMs}) * sum(points * pow(2, (at_ms - ${fromMs}) / ${hMs})) over (partition by contact_id order by at_ms, id rows unbounded preceding) as e
              from p where points is not null),
      crossing as (select contact_id, min(at_ms) as q_ms from run where e >= ${d.mqlRule.engagementThreshold} group by contact_id),
      q as (select g.*, ${d.mqlRule.engagementThreshold <= 0 ? String(fromMs) : "x.q_ms"} as q_ms from g ${d.mqlRule.engagementThreshold <= 0 ? "" : "join crossing x on x.contact_id = g.id"} where g.grade in (${grades})),
      fresh as (select * from q where not (coalesce(sal_ms < q_ms, false) or coalesce(sql_ms < q_ms, false) or coalesce(opportunity_ms < q_ms, false) or coalesce(customer_ms < q_ms, false))),
      o as (select f.*, coalesce((select sum(amount) from won w where w.contact_id = f.id and w.closed_ms >= f.q_ms), 0) as revenue from fresh f),
      r as (select *, (${after("customer_ms")} or revenue > 0) as is_won from o),
      r2 as (select *, (is_won or ${after("opportunity_ms")} or ${after("lost_ms")} or ${after("no_decision_ms")} or ${after("sql_ms")} or ${after("sal_ms")}) as is_accepted from r)
      select count(*) as mqls, count(*) filter (where is_accepted) as accepted, count(*) filter (where not is_accepted and ${after("rejected_ms")}) as rejected,
        count(*) filter (where is_won) as won, coalesce(sum(revenue), 0) as revenue
      from r2`)).getRowObjects()[0]!;
    out.push({ mqls: Number(rows.mqls), accepted: Number(rows.accepted), rejected: Number(rows.rejected), won: Number(rows.won), revenue: Number(rows.revenue) });
  }
  return out;
}
