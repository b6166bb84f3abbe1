import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { systemActor } from "../../server/platform/actor.js";
import { ImportEntitySchema, ImportMappingSchema, ImportPresetSchema } from "../../shared/contracts/imports.js";
import { ListUsersQuerySchema } from "../../shared/contracts/users.js";
import { fail, withRuntime } from "./shared.js";

type Options = { entity: string; preset: string; workspace: string; dryRun?: boolean; mapping?: string };

/** `import FILE`: imports a CSV file through the same pipeline as an upload, with a progress bar and the final accounting. */
export function registerImportCommand(program: Command): void {
  program
    .command("import <file>")
    .description("import a CSV file of accounts, contacts, deals, campaigns or touchpoints (HubSpot/Salesforce presets or a mapping)")
    .requiredOption("--entity <entity>", "accounts | contacts | deals | campaigns | touchpoints")
    .option("--preset <preset>", "hubspot | salesforce | generic", "generic")
    .option("--workspace <slug>", "workspace slug", "demo")
    .option("--dry-run", "validate and count what would happen, change nothing")
    .option("--mapping <file.json>", "a JSON object field → column (see docs/IMPORTS.md); without it the preset's proposal")
    .action(async (file: string, o: Options) => {
      const entity = ImportEntitySchema.safeParse(o.entity);
      const preset = ImportPresetSchema.safeParse(o.preset);
      if (!entity.success) fail(`--entity must be one of ${ImportEntitySchema.options.join(", ")}`);
      if (!preset.success) fail(`--preset must be one of ${ImportPresetSchema.options.join(", ")}`);
      if (!fs.existsSync(file)) fail(`no file ${file}`);
      const mapping = o.mapping ? ImportMappingSchema.parse(JSON.parse(fs.readFileSync(o.mapping, "utf8"))) : undefined;
      await withRuntime(async (rt) => {
        const workspaceId = await rt.modules.identity.workspaces.findWorkspaceId(o.workspace);
        if (!workspaceId) fail(`no workspace with slug ${o.workspace}`);
        // The import is recorded as done by the workspace's first admin (the audit log needs a person).
        const probe = { workspaceId, actor: systemActor("00000000-0000-0000-0000-000000000000"), sessionId: null, requestId: "cli" };
        const admins = await rt.modules.identity.users.listUsers(probe, ListUsersQuerySchema.parse({ role: "admin", limit: 1 }));
        const admin = admins.items[0];
        if (!admin) fail(`workspace ${o.workspace} has no admin`);
        const ctx = { ...probe, actor: { ...systemActor(admin.id), name: admin.name } };
        const { imports } = rt.modules.imports;
        const preview = await imports.upload(ctx, { entity: entity.data, preset: preset.data }, { filename: path.basename(file), stream: fs.createReadStream(file) });
        const used = mapping ?? preview.proposedMapping;
        process.stdout.write(`${preview.totalRows?.toLocaleString("en-US")} rows; mapping: ${Object.entries(used).map(([f, c]) => `${f} ← ${c}`).join(", ") || "(none)"}\n`);
        const started = await imports.start(ctx, preview.id, { mapping: used, dryRun: Boolean(o.dryRun) });
        const bar = new cliProgress.SingleBar({ format: ` import |{bar}| {percentage}% {value}/{total} rows | {duration_formatted}` }, cliProgress.Presets.shades_classic);
        bar.start(preview.totalRows ?? 0, 0);
        const poll = setInterval(() => {
          imports.getImport(ctx, preview.id).then((i) => bar.update(i.cursor), () => {});
        }, 250);
        const t0 = Date.now();
        try {
          await rt.modules.jobs.jobs.run(workspaceId, started.jobId!);
        } finally {
          clearInterval(poll);
        }
        const done = await imports.getImport(ctx, preview.id);
        bar.update(done.cursor);
        bar.stop();
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        process.stdout.write(
          `${done.dryRun ? "dry run (nothing changed): " : ""}${done.status} in ${secs} s — created ${done.created}, updated ${done.updated}, skipped ${done.skipped}, failed ${done.failed} of ${done.totalRows} rows\n`,
        );
        if (done.error) process.stdout.write(`error: ${done.error}\n`);
        if (done.skipped + done.failed > 0) process.stdout.write(`error report: GET /api/v1/imports/${done.id}/errors.csv (import ${done.id})\n`);
        if (done.status !== "succeeded") process.exitCode = 1;
      }).catch(fail);
    });
}
