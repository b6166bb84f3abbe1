import { performance } from "node:perf_hooks";
import { buildApp } from "../src/server/app.js";
import type { Runtime } from "../src/server/runtime.js";
import type { AttributionReport } from "../src/shared/contracts/reports/attribution.js";
import { openDuckDb } from "./duckdb-scoring.js";
import { checksumCredits, duckAttributionReport, loadAttributionInputs, loadTandemCredits, type DuckReportRow } from "./duckdb-attribution.js";
import type { BenchResult } from "./p6-contact-read.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/**
 * P4: the attribution report for one year, all six models, both bases (pipeline and revenue, by campaign) through
 * the real HTTP route, against DuckDB computing the same report from the raw touchpoints, deals, deal contacts and
 * contacts (loaded before its clock starts). Medians of several runs. Wrong results fail the run: the report's rows
 * must match DuckDB's, and every deal's credits per touch and model (to the cent) must match Tandem's materialised
 * credits by checksum.
 */
export async function benchAttribution(rt: Runtime, workspaceId: string, opts: { runs: number }): Promise<{ results: BenchResult[]; wrong: string[] }> {
  const duck = await openDuckDb();
  if (!duck) {
    process.stderr.write("P4 skipped: install the DuckDB peer with `npm install --prefix bench/peers`\n");
    return { results: [], wrong: [] };
  }
  const pool = rt.database.ownerDb.pool;
  const wrong: string[] = [];
  try {
    // Earlier benchmarks added touches and MQLs after the deals' credits were written (late data does not
    // re-trigger by design): rebuild, as `tandem attribution rebuild` would after an import. Timed for the record.
    let t = performance.now();
    const rebuilt = await rt.modules.attribution.attribution.rebuildWorkspace(workspaceId);
    const rebuildMs = performance.now() - t;
    await pool.query("analyze attribution_credits, attribution_deals");
    process.stderr.write(`  P4 rebuilt ${rebuilt.deals.toLocaleString("en-US")} deals (${rebuilt.credits.toLocaleString("en-US")} credit rows) in ${seconds(rebuildMs)} s\n`);

    const admin = (await pool.query<{ user_id: string }>("select user_id from memberships where workspace_id = $1 and role = 'admin' limit 1", [workspaceId])).rows[0]!;
    const token = await rt.modules.identity.tokens.createToken(
      { workspaceId, sessionId: null, requestId: "bench", actor: { kind: "user", userId: admin.user_id, name: "bench", role: "admin", tokenId: null, scopes: ["read", "write"] } },
      { name: "bench-p4", scopes: ["read"] },
    );
    const app = await buildApp({ db: rt.database.db, clock: rt.clock, logLevel: "silent", sessionKey: rt.secrets.sessionKey, publicUrl: "http://bench" });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    // One year: the 365 calendar days ending today in the workspace's zone.
    const today = new Date(rt.clock.now());
    const to = today.toISOString().slice(0, 10);
    const from = new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
    const bounds = (
      await pool.query<{ start_us: string; end_us: string }>(
        `select (extract(epoch from ($2::date::timestamp at time zone timezone)) * 1000000)::bigint::text as start_us,
                (extract(epoch from (($3::date + 1)::timestamp at time zone timezone)) * 1000000)::bigint::text as end_us
         from workspaces where id = $1`,
        [workspaceId, from, to],
      )
    ).rows[0]!;
    const period = { startUs: Number(bounds.start_us), endUs: Number(bounds.end_us) };

    const report = async (basis: "pipeline" | "revenue") => {
      const res = await fetch(`${base}/api/v1/reports/attribution?basis=${basis}&by=campaign&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token.token}` } });
      if (!res.ok) throw new Error(`P4: the attribution report answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as AttributionReport;
    };
    const tandemTimes: number[] = [];
    let ours: AttributionReport[] = [];
    try {
      for (let run = -1; run < opts.runs; run++) {
        t = performance.now();
        ours = [await report("pipeline"), await report("revenue")];
        // Run -1 warms caches, plans and the JIT.
        if (run >= 0) tandemTimes.push(performance.now() - t);
      }
    } finally {
      await app.close();
    }

    t = performance.now();
    await loadAttributionInputs(duck.connection, pool, workspaceId);
    const loadMs = performance.now() - t;
    const duckTimes: number[] = [];
    let theirs = await duckAttributionReport(duck.connection, period);
    for (let run = 0; run < opts.runs; run++) {
      t = performance.now();
      theirs = await duckAttributionReport(duck.connection, period);
      duckTimes.push(performance.now() - t);
    }

    wrong.push(...compareReports(ours, theirs));
    await loadTandemCredits(duck.connection, pool, workspaceId);
    const sum = await checksumCredits(duck.connection);
    const agree = sum.tandemSum === sum.duckSum;
    if (sum.differing > 0 || sum.tandemRows !== sum.duckRows) {
      wrong.push(`P4: materialised credits differ from DuckDB's (${sum.differing} rows; ${sum.tandemRows} vs ${sum.duckRows} credit rows; checksum ${sum.tandemSum} vs ${sum.duckSum})`, ...sum.firstDiffering.map((d) => `  ${d}`));
    }

    const tandemMs = median(tandemTimes);
    const duckMs = median(duckTimes);
    const [pipeline, revenue] = ours;
    return {
      results: [
        {
          id: "P4",
          measure: "attribution report, 1 year, 6 models, 2 bases, ms",
          tandem: tandemMs,
          baseline: duckMs,
          ratio: tandemMs / duckMs,
          target: 1,
          lowerIsBetter: true,
          notes: [
            `${from} … ${to} by campaign: pipeline ${pipeline!.totals.deals} attributed deals (${pipeline!.unattributed.deals} unattributed), revenue ${revenue!.totals.deals} (${revenue!.unattributed.deals}); medians of ${opts.runs} runs; DuckDB load ${seconds(loadMs)} s, not timed`,
            `checksum over ${sum.tandemRows.toLocaleString("en-US")} credit rows × 6 models (to the cent) and every deal's touch count: ${agree ? "equal" : `differs only by ${sum.ties} rounding ties`}${sum.differing ? ` — ${sum.differing} rows DIFFER` : ""}`,
            `attribution rebuild (${rebuilt.deals.toLocaleString("en-US")} deals, ${rebuilt.credits.toLocaleString("en-US")} credit rows): ${seconds(rebuildMs)} s`,
          ],
        },
      ],
      wrong,
    };
  } finally {
    duck.close();
  }
}

/** The HTTP report against DuckDB's rows: same keys, touches and deals; credits within a cent or two (rounded sums). */
function compareReports(ours: AttributionReport[], theirs: { rows: DuckReportRow[]; unattributed: { basis: string; deals: number; amount: number }[] }): string[] {
  const out: string[] = [];
  for (const r of ours) {
    const duckRows = new Map(theirs.rows.filter((x) => x.basis === r.basis).map((x) => [x.key, x]));
    if (duckRows.size !== r.rows.length) out.push(`P4 ${r.basis}: ${r.rows.length} report rows, DuckDB ${duckRows.size}`);
    for (const row of r.rows) {
      const d = duckRows.get(row.key);
      if (!d) {
        out.push(`P4 ${r.basis}: row ${row.key} missing in DuckDB`);
        continue;
      }
      const pairs: [string, number, number][] = [
        ["first", row.credit.first, d.first], ["last", row.credit.last, d.last], ["linear", row.credit.linear, d.linear],
        ["uShaped", row.credit.uShaped, d.u], ["wShaped", row.credit.wShaped, d.w], ["timeDecay", row.credit.timeDecay, d.decay],
      ];
      for (const [model, a, b] of pairs) if (Math.abs(a - b) > 0.011) out.push(`P4 ${r.basis} ${row.key} ${model}: tandem ${a}, DuckDB ${b.toFixed(4)}`);
      if (row.touches !== d.touches || row.deals !== d.deals) out.push(`P4 ${r.basis} ${row.key}: touches/deals ${row.touches}/${row.deals}, DuckDB ${d.touches}/${d.deals}`);
    }
    const u = theirs.unattributed.find((x) => x.basis === r.basis) ?? { deals: 0, amount: 0 };
    if (u.deals !== r.unattributed.deals || Math.abs(u.amount - r.unattributed.amount) > 0.011) out.push(`P4 ${r.basis}: unattributed ${r.unattributed.deals} (${r.unattributed.amount}), DuckDB ${u.deals} (${u.amount})`);
  }
  return out;
}
