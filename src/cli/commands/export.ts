import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import cliProgress from "cli-progress";
import type { Modules } from "../../server/modules/index.js";
import { adminContext } from "./cli-context.js";
import { fail, withRuntime } from "./shared.js";

/** `k=v` pairs into a query object (a repeated key keeps the last value; lists are comma-separated as in URLs). */
export function parseFilters(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf("=");
    if (eq <= 0) throw new Error(`--filter ${p}: give key=value`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}

/**
 * Streams a list's CSV export to `out` with the list's own filters (validated by the list's query schema), as the
 * workspace's admin; `onRow` is called once per data row. Resolves with the number of rows written.
 */
export async function exportList(modules: Pick<Modules, "identity" | "csvExports">, o: { list: string; workspace: string; filters: readonly string[]; out: Writable; onRow?: () => void }): Promise<number> {
  const def = modules.csvExports.find((e) => e.list === o.list);
  if (!def) throw new Error(`no list ${o.list}; one of: ${modules.csvExports.map((e) => e.list).join(", ")}`);
  const parsed = def.filters.safeParse(parseFilters(o.filters));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--filter ${i.path.join(".")}: ${i.message}`).join("; "));
  const ctx = await adminContext(modules, o.workspace);
  let rows = 0;
  const body = await def.open(ctx, parsed.data, () => {
    rows++;
    o.onRow?.();
  });
  await pipeline(body, o.out);
  return rows;
}

/** `export <list>`: every row of a list matching the filters, as CSV to a file (with a progress bar) or stdout. */
export function registerExportCommand(program: Command): void {
  program
    .command("export <list>")
    .description("export a list as CSV with its filters: contacts, accounts, deals, campaigns, touchpoints, handoffs, inbox, rejections, reason-codes, imports, users, audit")
    .option("--workspace <slug>", "workspace slug", "demo")
    .option("--filter <key=value>", "a filter of the list, as in its URL (repeatable): stage=mql, sort=-createdAt", (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (list: string, o: { workspace: string; filter: string[]; out?: string }) => {
      await withRuntime(async (rt) => {
        const bar = o.out ? new cliProgress.SingleBar({ format: ` export ${list} | {value} rows | {duration_formatted}`, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
        bar?.start(0, 0);
        let n = 0;
        try {
          const rows = await exportList(rt.modules, {
            list,
            workspace: o.workspace,
            filters: o.filter,
            out: o.out ? fs.createWriteStream(o.out) : process.stdout,
            // Redrawing the bar per row would cost more than writing it.
            onRow: () => ++n % 500 === 0 && bar?.update(n),
          });
          bar?.update(rows);
          bar?.stop();
          process.stderr.write(`exported ${rows.toLocaleString("en-US")} ${list} rows${o.out ? ` to ${o.out}` : ""}\n`);
        } finally {
          bar?.stop();
        }
      }, { quiet: !o.out }).catch(fail);
    });
}
