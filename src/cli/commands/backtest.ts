import type { Command } from "commander";
import cliProgress from "cli-progress";
import type { BacktestSide } from "../../shared/contracts/backtest.js";
import { fail, withRuntime } from "./shared.js";

const ROWS: [string, (s: BacktestSide) => string][] = [
  ["MQLs", (s) => String(s.mqls)],
  ["accepted by sales", (s) => String(s.accepted)],
  ["rejected by sales", (s) => String(s.rejected)],
  ["never sent to sales", (s) => String(s.neverSentToSales)],
  ["reached SQL", (s) => String(s.sql)],
  ["reached opportunity", (s) => String(s.opportunity)],
  ["won", (s) => String(s.won)],
  ["revenue", (s) => s.revenue.toLocaleString("en-US")],
];

/** `backtest`: replays the last N months under a version and the active one, side by side. */
export function registerBacktestCommand(program: Command): void {
  program
    .command("backtest")
    .description("back-test a lead definition version against the active one over the last N months")
    .requiredOption("--workspace <slug>", "workspace slug")
    .requiredOption("--version <n>", "the version to test", (v) => Number.parseInt(v, 10))
    .option("--months <n>", "months to replay", (v) => Number.parseInt(v, 10), 12)
    .action(async (o: { workspace: string; version: number; months: number }) => {
      if (!Number.isInteger(o.version) || o.version < 1) fail("--version: a version number, e.g. 2");
      if (!Number.isInteger(o.months) || o.months < 1 || o.months > 36) fail("--months: 1 to 36");
      const bar = new cliProgress.SingleBar({ format: " back-test |{bar}| {percentage}% {value}/{total} contacts | {duration_formatted}" }, cliProgress.Presets.shades_classic);
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        const { agreement } = rt.modules.agreement;
        const { candidate, active } = await rt.database.db.inWorkspace(workspaceId, async (tx) => ({
          candidate: (await agreement.listDefinitionsIn(tx, workspaceId)).find((d) => d.version === o.version) ?? null,
          active: await agreement.getActiveDefinitionIn(tx, workspaceId),
        }));
        if (!candidate) fail(`no version ${o.version} in ${o.workspace}`);
        let started = false;
        const r = await rt.modules.scoring.backtests.runBacktest(workspaceId, candidate, active && active.id !== candidate.id ? active : null, o.months, (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        });
        if (started) bar.stop();
        const cols = [r.candidate, ...(r.baseline ? [r.baseline] : [])];
        process.stdout.write(`\n${r.from.slice(0, 10)} → ${r.to.slice(0, 10)}: ${r.contactsEvaluated.toLocaleString("en-US")} contacts, ${r.touchpointsReplayed.toLocaleString("en-US")} touches\n\n`);
        process.stdout.write(`${"".padEnd(22)}${cols.map((c, i) => `v${c.version}${i === 0 ? " (tested)" : " (active)"}`.padStart(16)).join("")}\n`);
        for (const [label, value] of ROWS) process.stdout.write(`${label.padEnd(22)}${cols.map((c) => value(c).padStart(16)).join("")}\n`);
        if (r.baseline) process.stdout.write(`\nonly v${r.candidate.version} qualifies: ${r.onlyCandidate}; only v${r.baseline.version}: ${r.onlyBaseline}\n`);
      }).catch(fail);
    });
}
