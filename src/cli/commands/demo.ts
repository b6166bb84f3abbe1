import type { Command } from "commander";
import cliProgress from "cli-progress";
import { createDemo, formatDemoLogins } from "../../server/demo-setup.js";
import { fail, withRuntime } from "./shared.js";

/** `demo`: creates the deterministic demo workspace with a progress bar. */
export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("create the demo workspace (deterministic from --seed)")
    .option("--seed <n>", "random seed", "42")
    .option("--contacts <n>", "number of contacts (accounts, touchpoints and deals scale with it)", "20000")
    .option("--slug <slug>", "workspace slug", "demo")
    .option("--password <password>", "password for every demo login (default: TANDEM_DEMO_PASSWORD or generated)")
    .action(async (opts: { seed: string; contacts: string; slug: string; password?: string }) => {
      const seed = Number(opts.seed);
      const contacts = Number(opts.contacts);
      if (!Number.isInteger(seed)) fail("--seed must be an integer");
      if (!Number.isInteger(contacts) || contacts < 100 || contacts > 5_000_000) fail("--contacts must be an integer from 100 to 5000000");
      const bar = new cliProgress.SingleBar({ format: " {phase} |{bar}| {percentage}% {value}/{total} rows | {duration_formatted}", hideCursor: true }, cliProgress.Presets.shades_classic);
      let started = false;
      await withRuntime(async (rt) => {
        const t0 = Date.now();
        const demo = await createDemo(rt, {
          seed,
          contacts,
          slug: opts.slug,
          password: opts.password,
          onProgress: (done, total, phase) => {
            if (!started) {
              bar.start(total, done, { phase });
              started = true;
            }
            bar.setTotal(total);
            bar.update(done, { phase: phase.padEnd(12) });
          },
        });
        if (started) bar.stop();
        process.stdout.write(`\ncreated in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${Object.entries(demo.result.counts).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ")}\n`);
        process.stdout.write(`${formatDemoLogins(demo)}\n`);
      }).catch((err) => {
        if (started) bar.stop();
        fail(err);
      });
    });
}
