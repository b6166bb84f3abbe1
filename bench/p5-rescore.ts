import type { DefinitionBody } from "../src/shared/contracts/agreement.js";
import type { DefinitionRow } from "../src/server/modules/agreement/index.js";
import type { Runtime } from "../src/server/runtime.js";
import { DEMO_DEFINITION_V1 } from "../src/server/demo/agreement.js";
import { duckBacktest, duckRescore, loadWorkspace, openDuckDb } from "./duckdb-scoring.js";
import type { BenchResult } from "./p6-contact-read.js";

// The back-test candidate: v1 plus a negative rule for students and a heavier demo request (no caps, so the
// DuckDB peer can compute it in plain SQL).
const CANDIDATE: DefinitionBody = {
  ...DEMO_DEFINITION_V1,
  fitRules: [...DEMO_DEFINITION_V1.fitRules, { id: "students", label: "Students", conditions: [{ field: "contact.title", op: "in", value: ["Student", "Graduate Student", "Intern", "Job Seeker", "MSc Student"] }], points: -30 }],
  engagementRules: DEMO_DEFINITION_V1.engagementRules.map((r) => (r.id === "touch-form-submit" ? { ...r, points: 15 } : r)),
  mqlRule: { grades: ["A", "B"], engagementThreshold: 30 },
};

const seconds = (ms: number) => ms / 1000;

/** P5: full re-score and a 12-month back-test through Tandem's engine vs DuckDB computing the same over the same rows. */
export async function benchRescore(rt: Runtime, workspaceId: string): Promise<BenchResult[]> {
  const duck = await openDuckDb();
  if (!duck) {
    process.stderr.write("P5 skipped: install the DuckDB peer with `npm install --prefix bench/peers`\n");
    return [];
  }
  try {
    const { scoring, backtests } = rt.modules.scoring;
    const active = (await rt.database.db.inWorkspace(workspaceId, (tx) => rt.modules.agreement.agreement.getActiveDefinitionIn(tx, workspaceId)))!;
    const candidate: DefinitionRow = { ...active, ...CANDIDATE, notes: null, id: active.id, version: 99, status: "proposed" };

    // The first re-score also moves the leads that now meet the MQL rule (lifecycle, routing, handoffs); the
    // timed one is the second, which scores everything again but finds nobody new to qualify, as DuckDB's does.
    let t = performance.now();
    const first = await scoring.rescoreWorkspace(workspaceId);
    const firstMs = performance.now() - t;
    t = performance.now();
    const ours = await scoring.rescoreWorkspace(workspaceId);
    const tandemRescore = performance.now() - t;
    t = performance.now();
    const bt = await backtests.runBacktest(workspaceId, candidate, active, 12);
    const tandemBacktest = performance.now() - t;

    await loadWorkspace(duck.connection, rt.database.ownerDb.pool, workspaceId);
    t = performance.now();
    const theirs = await duckRescore(duck.connection, active);
    const duckRescoreMs = performance.now() - t;
    t = performance.now();
    const [dc, db] = await duckBacktest(duck.connection, [candidate, active], Date.parse(bt.from), Date.parse(bt.to));
    const duckBacktestMs = performance.now() - t;

    const same = ours.contacts === theirs.contacts && ours.events === theirs.events;
    const btSame = dc!.mqls === bt.candidate.mqls && db!.mqls === bt.baseline!.mqls && dc!.accepted === bt.candidate.accepted && dc!.rejected === bt.candidate.rejected && dc!.won === bt.candidate.won && Math.abs(dc!.revenue - bt.candidate.revenue) < 0.01;
    return [
      {
        id: "P5",
        measure: "full re-score, seconds (lower is better)",
        tandem: seconds(tandemRescore),
        baseline: seconds(duckRescoreMs),
        ratio: tandemRescore / duckRescoreMs,
        target: 2,
        lowerIsBetter: true,
        notes: [
          `${ours.contacts} contacts, ${ours.events} scoring touches; DuckDB agrees on counts: ${same ? "yes" : `NO (${theirs.contacts}, ${theirs.events})`}`,
          `the first re-score also qualified ${first.qualified} leads (moves, routing, handoffs) in ${seconds(firstMs).toFixed(2)} s`,
        ],
      },
      {
        id: "P5",
        measure: "back-test (12 months, 2 versions), seconds",
        tandem: seconds(tandemBacktest),
        baseline: seconds(duckBacktestMs),
        ratio: tandemBacktest / duckBacktestMs,
        target: 2,
        lowerIsBetter: true,
        notes: [
          `MQLs candidate ${bt.candidate.mqls} / active ${bt.baseline!.mqls} over ${bt.touchpointsReplayed} touches; DuckDB agrees: ${btSame ? "yes" : `NO (${dc!.mqls}/${db!.mqls})`}`,
        ],
      },
    ];
  } finally {
    duck.close();
  }
}
