/**
 * `npm run bench [-- --quick] [-- --contacts N]`: the DESIGN §9 benchmarks, each reported as a ratio against a
 * baseline measured in the same run on the same machine, on the deterministic demo data (1,000,000 contacts by
 * default — about 10.6M touchpoints and 79k deals; `--quick` uses 5,000). Slow results are reported, never fatal;
 * wrong results (an endpoint failing, a checksum mismatch) make the run exit non-zero. P7 imports a generated file
 * of `--contacts` rows (1,000,000 by default, 5,000 with --quick). See docs/PERFORMANCE.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/server/config.js";
import { openRuntime } from "../src/server/runtime.js";
import { createDemo } from "../src/server/demo-setup.js";
import { benchContactRead, type BenchResult } from "./p6-contact-read.js";
import { benchRescore } from "./p5-rescore.js";
import { benchEventToScore } from "./p2-event-to-score.js";
import { benchDashboards } from "./p3-dashboards.js";
import { benchAttribution } from "./p4-attribution.js";
import { benchIngest } from "./p1-ingest.js";
import { benchImport } from "./p7-import.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    contacts: { type: "string" },
    // A data directory to keep the generated data in and reuse on the next run (generation takes ~40 min at 1M).
    reuse: { type: "string" },
    // Run only these targets, e.g. --only P3,P4.
    only: { type: "string" },
    // Measured rounds of P3 (each round asks every endpoint once per filter set); default 4 with --quick, else 8.
    rounds: { type: "string" },
    // Only these P3 endpoints, e.g. --endpoints acceptance,lead-quality (default: every dashboard endpoint).
    endpoints: { type: "string" },
    // How long P3 waits for one dashboard request before counting it as timed out (seconds, default 120).
    timeout: { type: "string" },
  },
});
const quick = values.quick ?? false;
const contacts = Number(values.contacts ?? (quick ? 5_000 : 1_000_000));
const only = values.only ? new Set(values.only.toUpperCase().split(",")) : null;
const runs = (id: string) => !only || only.has(id);
const rounds = Number(values.rounds ?? (quick ? 4 : 8));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number ≥ 1 (got ${values.rounds})`);
const timeoutS = Number(values.timeout ?? 120);
if (!(timeoutS > 0)) throw new Error(`--timeout must be a number of seconds > 0 (got ${values.timeout})`);

const dataDir = values.reuse ? path.resolve(values.reuse) : fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-"));
fs.mkdirSync(dataDir, { recursive: true });
fs.chmodSync(dataDir, 0o777);
const config = loadConfig({ ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: "off", LOG_LEVEL: "silent", DATABASE_URL: undefined });
const rt = await openRuntime(config, (m) => process.stderr.write(`${m}\n`));
try {
  const existing = await rt.database.ownerDb.pool.query<{ id: string; contacts: number }>(
    "select w.id, (select count(*)::int from contacts c where c.workspace_id = w.id) as contacts from workspaces w where w.slug = 'bench'",
  );
  let ws: string;
  // Written only once generation finished: an interrupted generation leaves a partial workspace that must not be
  // measured as if it were the full data set.
  const complete = path.join(dataDir, "bench-generated");
  if (values.reuse && existing.rows[0] && !fs.existsSync(complete)) {
    throw new Error(`the bench workspace in ${dataDir} is incomplete (its generation was interrupted): delete the directory and run again`);
  }
  if (values.reuse && existing.rows[0]) {
    ws = existing.rows[0].id;
    process.stderr.write(`reusing the bench workspace in ${dataDir} (${existing.rows[0].contacts.toLocaleString("en-US")} contacts)\n`);
  } else {
    process.stderr.write(`generating ${contacts.toLocaleString("en-US")} contacts…\n`);
    ws = (await createDemo(rt, { contacts, slug: "bench", password: "bench-password-0" })).result.workspaceId;
    fs.writeFileSync(complete, `${contacts} contacts generated ${new Date().toISOString()}\n`);
  }
  // Wrong results (not slow ones) make the run fail.
  const wrong: string[] = [];
  const results: BenchResult[] = [];
  if (runs("P3")) {
    const dashboards = await benchDashboards(rt, ws, { rounds, timeoutMs: timeoutS * 1000, endpoints: values.endpoints?.split(",") });
    wrong.push(...dashboards.wrong);
    results.push(...dashboards.results);
  }
  if (runs("P2")) results.push(...(await benchEventToScore(rt, ws, { seconds: quick ? 5 : 20, rate: 2_000 })));
  if (runs("P5")) results.push(...(await benchRescore(rt, ws)));
  if (runs("P4")) {
    const attribution = await benchAttribution(rt, ws, { runs: quick ? 5 : 7 });
    wrong.push(...attribution.wrong);
    results.push(...attribution.results);
  }
  if (runs("P6")) results.push(await benchContactRead(rt, ws, { seconds: quick ? 4 : 15 }));
  // Last: P1 adds (and removes again) events in the bench workspace; P7 fills two workspaces of its own.
  if (runs("P1")) {
    const ingest = await benchIngest(rt, ws, { events: quick ? 10_000 : 50_000 });
    wrong.push(...ingest.wrong);
    results.push(...ingest.results);
  }
  if (runs("P7")) {
    const imported = await benchImport(rt, { contacts });
    wrong.push(...imported.wrong);
    results.push(...imported.results);
  }
  const outDir = path.resolve("bench/results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, contacts, machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2));
  process.stdout.write(`\n${"id".padEnd(4)} ${"measure".padEnd(50)} ${"tandem".padStart(10)} ${"baseline".padStart(10)} ${"ratio".padStart(7)} ${"target".padStart(8)}  ok\n`);
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(2)).padStart(10);
  for (const r of results) {
    const ok = r.lowerIsBetter ? r.ratio <= r.target : r.ratio >= r.target;
    process.stdout.write(`${r.id.padEnd(4)} ${r.measure.padEnd(50)} ${fmt(r.tandem)} ${fmt(r.baseline)} ${r.ratio.toFixed(2).padStart(7)} ${`${r.lowerIsBetter ? "≤" : "≥"} ${r.target}`.padStart(8)}  ${ok ? "yes" : "NO"}\n`);
    for (const note of r.notes) process.stdout.write(`     ${note}\n`);
  }
  process.stdout.write(`\nresults: ${file}\n`);
  if (wrong.length) {
    process.stdout.write(`\nWRONG RESULTS (${wrong.length}):\n${wrong.map((w) => `  ${w}`).join("\n")}\n`);
    process.exitCode = 1;
  }
} finally {
  await rt.close();
  if (!values.reuse) fs.rmSync(dataDir, { recursive: true, force: true });
}
