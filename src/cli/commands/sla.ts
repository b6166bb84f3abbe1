import type { Command } from "commander";
import { fail, withRuntime } from "./shared.js";

/** `sla backfill` and `sla tick`: rebuild timers from imported history; fire due steps now. */
export function registerSlaCommands(program: Command): void {
  const sla = program.command("sla").description("SLA timers: rebuild them from history, or fire what is due");
  sla
    .command("backfill")
    .description("create SLA timers for past hand-overs (e.g. after importing a CRM's history); steps already past are recorded, not sent")
    .requiredOption("--workspace <slug>", "workspace slug")
    .option("--months <n>", "also evaluate marketing's targets for this many ended periods", "6")
    .action(async (o: { workspace: string; months: string }) => {
      const months = Number(o.months);
      if (!Number.isInteger(months) || months < 0 || months > 36) fail("--months must be a whole number from 0 to 36");
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        const now = rt.clock.now();
        const { timers, events, periods } = await rt.database.db.inWorkspace(workspaceId, async (tx) => {
          const t = await rt.modules.sla.history.backfillIn(tx, workspaceId, now);
          return { ...t, periods: await rt.modules.sla.history.backfillPeriodsIn(tx, workspaceId, now, months) };
        });
        process.stdout.write(`wrote ${timers.toLocaleString("en-US")} timers with ${events.toLocaleString("en-US")} past steps and ${periods} marketing period results\n`);
      }).catch(fail);
    });
  sla
    .command("tick")
    .description("fire every SLA step that is due now (the server does this every minute)")
    .requiredOption("--workspace <slug>", "workspace slug")
    .action(async (o: { workspace: string }) => {
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        const fired = await rt.modules.sla.timers.fireDue(workspaceId);
        const periods = await rt.modules.sla.marketing.evaluateEndedPeriods(workspaceId);
        process.stdout.write(`fired ${fired} step${fired === 1 ? "" : "s"}; evaluated ${periods} ended marketing period${periods === 1 ? "" : "s"}\n`);
      }).catch(fail);
    });
}
