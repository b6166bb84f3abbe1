import type { Command } from "commander";
import cliProgress from "cli-progress";
import { fail, withRuntime } from "./shared.js";

/** `attribution rebuild`: rewrites every deal's attribution credits (after an import; late touches need it too). */
export function registerAttributionCommands(program: Command): void {
  const attribution = program.command("attribution").description("attribution credits of the six models, materialised per deal");
  attribution
    .command("rebuild")
    .description("recompute every deal's attribution credits from its touches (run it after importing deals or touchpoints)")
    .requiredOption("--workspace <slug>", "workspace slug")
    .action(async (o: { workspace: string }) => {
      const bar = new cliProgress.SingleBar({ format: " attribution |{bar}| {percentage}% {value}/{total} deals | {duration_formatted}" }, cliProgress.Presets.shades_classic);
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        let started = false;
        const t0 = Date.now();
        const r = await rt.modules.attribution.attribution.rebuildWorkspace(workspaceId, (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        });
        if (started) bar.stop();
        const n = (x: number) => x.toLocaleString("en-US");
        process.stdout.write(
          `rebuilt ${n(r.deals)} deals: ${n(r.credits)} credit rows in ${((Date.now() - t0) / 1000).toFixed(1)} s; unattributed: ${n(r.unattributed.pipeline)} of the pipeline, ${n(r.unattributed.revenue)} of the won deals\n`,
        );
      }).catch(fail);
    });
}
