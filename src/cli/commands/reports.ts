import type { Command } from "commander";
import cliProgress from "cli-progress";
import { fail, withRuntime } from "./shared.js";

/** `reports rebuild`: rewrites the facts the dashboards read (after SQL written with the report triggers off). */
export function registerReportsCommands(program: Command): void {
  const reports = program.command("reports").description("the facts the dashboards read, kept by database triggers (docs/ARCHITECTURE.md)");
  reports
    .command("rebuild")
    .description("rewrite a workspace's lead events and rollup, deal copies and closed-deal facts from its records")
    .requiredOption("--workspace <slug>", "workspace slug")
    .action(async (o: { workspace: string }) => {
      const bar = new cliProgress.SingleBar({ format: " reports |{bar}| {value}/{total} steps: {step} | {duration_formatted}" }, cliProgress.Presets.shades_classic);
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        const t0 = Date.now();
        bar.start(4, 0, { step: "starting" });
        const r = await rt.modules.reports.rebuildFacts(workspaceId, (done, step) => bar.update(done, { step }));
        bar.stop();
        const n = (x: number) => x.toLocaleString("en-US");
        process.stdout.write(`rebuilt ${n(r.leadEvents)} lead events and the facts of ${n(r.closedDeals)} closed deals in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      }).catch(fail);
    });
}
