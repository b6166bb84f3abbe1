import type { Command } from "commander";
import cliProgress from "cli-progress";
import { fail, withRuntime } from "./shared.js";

/** `rescore`: recomputes every contact's fit and engagement under the active lead definition. */
export function registerRescoreCommand(program: Command): void {
  program
    .command("rescore")
    .description("re-score every contact of a workspace under its active lead definition")
    .requiredOption("--workspace <slug>", "workspace slug")
    .action(async (o: { workspace: string }) => {
      const bar = new cliProgress.SingleBar({ format: " re-score |{bar}| {percentage}% {value}/{total} contacts | {duration_formatted}" }, cliProgress.Presets.shades_classic);
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        let started = false;
        const t0 = Date.now();
        const { contacts } = await rt.modules.scoring.scoring.rescoreWorkspace(workspaceId, (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        });
        if (started) bar.stop();
        process.stdout.write(contacts ? `re-scored ${contacts.toLocaleString("en-US")} contacts in ${((Date.now() - t0) / 1000).toFixed(1)} s\n` : "no active lead definition: nothing to score\n");
      }).catch(fail);
    });
}
