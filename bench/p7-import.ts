/**
 * P7: a CSV import of N contacts (1,000,000 by default) with dedupe, the way `tandem import FILE --entity contacts`
 * runs it — upload (the file stored, parsed once to count and check it), then the import job (csv-parse, chunks of
 * 5,000 through COPY into a staging table, resolution by external id and e-mail, inserts, first stage transitions,
 * cursor and counts committed per chunk) — against a bare pipeline: csv-parse → COPY of the same file straight into
 * contacts. Each side fills its own empty workspace (same table, same indexes); both must land the same rows
 * (order-independent checksum over e-mail, names, title, country, phone).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { from as copyFrom } from "pg-copy-streams";
import type { Runtime } from "../src/server/runtime.js";
import { newId } from "../src/server/platform/ids.js";
import { systemActor } from "../src/server/platform/actor.js";
import type { BenchResult } from "./p6-contact-read.js";

const COUNTRIES = ["US", "DE", "FR", "GB", "NL", "ES", "IT", "SE", "CA", "AU"];
const TITLES = ["CTO", "VP Engineering", "Head of Marketing", "Developer", "CFO", "Procurement Manager", "Data Analyst", ""];

/** Writes the file: a HubSpot-like generic header and `n` distinct people (deterministic). */
async function writeFile(file: string, n: number) {
  const out = fs.createWriteStream(file);
  out.write("email,first name,last name,title,country,phone\n");
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += `person${i}@company${i % 50_000}.example,First${i},"Last, ${i}",${TITLES[i % TITLES.length]},${COUNTRIES[i % COUNTRIES.length]},+1 555 ${String(i).padStart(7, "0")}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = "";
    }
  }
  out.end(buf);
  await new Promise<void>((r) => out.on("finish", () => r()));
}

const CHECKSUM = `select count(*)::int as n, coalesce(sum(hashtextextended(concat_ws('|', email, first_name, last_name, title, country, phone), 0)), 0)::text as sum from contacts where workspace_id = $1`;

async function freshWorkspace(rt: Runtime, slug: string) {
  return rt.modules.identity.workspaces.createWorkspace({ name: slug, slug, admin: { email: `admin@${slug}.bench`, name: "Bench Admin", password: "bench-password-0" } });
}

/** P7 (see the file comment). */
export async function benchImport(rt: Runtime, opts: { contacts: number }): Promise<{ results: BenchResult[]; wrong: string[] }> {
  const pool = rt.database.ownerDb.pool;
  const wrong: string[] = [];
  const n = opts.contacts;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-p7-"));
  const file = path.join(dir, "contacts.csv");
  const tag = Date.now().toString(36);
  const bare = await freshWorkspace(rt, `bench-p7-copy-${tag}`);
  const tandem = await freshWorkspace(rt, `bench-p7-import-${tag}`);
  try {
    let t = performance.now();
    await writeFile(file, n);
    process.stderr.write(`  P7 wrote ${n.toLocaleString("en-US")} rows (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

    // Baseline: csv-parse → COPY into contacts (the columns the import writes for a new contact), one transaction.
    const client = await pool.connect();
    let baselineMs: number;
    try {
      const now = rt.clock.now().toISOString();
      const esc = (v: string) => (v === "" ? "\\N" : /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v);
      let header = true;
      const toCopy = new Transform({
        objectMode: true,
        transform(rec: string[], _enc, done) {
          if (header) {
            header = false;
            return done();
          }
          done(null, `${bare.workspaceId}\t${newId()}\t${rec.map(esc).join("\t")}\tlead\t${now}\t${now}\t${now}\t${now}\n`);
        },
      });
      t = performance.now();
      await client.query("begin");
      // Bare: none of Tandem's report triggers (migrations 0019–0023) run for the baseline's rows.
      await client.query("set local tandem.report_triggers_off = on");
      await pipeline(
        fs.createReadStream(file),
        parse({ bom: true, relax_column_count: true }),
        toCopy,
        client.query(copyFrom("COPY contacts (workspace_id, id, email, first_name, last_name, title, country, phone, stage, stage_entered_at, lead_at, created_at, updated_at) FROM STDIN")),
      );
      await client.query("commit");
      baselineMs = performance.now() - t;
    } catch (err) {
      await client.query("rollback");
      throw err;
    } finally {
      client.release();
    }

    // Tandem: the CLI's path (upload, start, run the job in this process).
    const ctx = { workspaceId: tandem.workspaceId, actor: systemActor(tandem.adminUserId), sessionId: null, requestId: "bench-p7" };
    const { imports } = rt.modules.imports;
    t = performance.now();
    const preview = await imports.upload(ctx, { entity: "contacts", preset: "generic" }, { filename: "contacts.csv", stream: fs.createReadStream(file) });
    const uploadMs = performance.now() - t;
    const started = await imports.start(ctx, preview.id, { mapping: preview.proposedMapping, dryRun: false });
    await rt.modules.jobs.jobs.run(tandem.workspaceId, started.jobId!);
    const tandemMs = performance.now() - t;
    const done = await imports.getImport(ctx, preview.id);
    if (done.status !== "succeeded" || done.created !== n || done.failed + done.skipped + done.updated !== 0) {
      wrong.push(`P7 import ${done.status}: created ${done.created}, updated ${done.updated}, skipped ${done.skipped}, failed ${done.failed} of ${n} (${done.error ?? ""})`);
    }
    const a = (await pool.query<{ n: number; sum: string }>(CHECKSUM, [bare.workspaceId])).rows[0]!;
    const b = (await pool.query<{ n: number; sum: string }>(CHECKSUM, [tandem.workspaceId])).rows[0]!;
    if (a.n !== n || b.n !== n || a.sum !== b.sum) wrong.push(`P7 checksum: COPY ${a.n} rows / ${a.sum}, import ${b.n} rows / ${b.sum}, expected ${n} rows`);
    const rate = (ms: number) => n / (ms / 1000);
    return {
      wrong,
      results: [
        {
          id: "P7",
          measure: `CSV import of ${n.toLocaleString("en-US")} contacts, rows/s`,
          tandem: rate(tandemMs),
          baseline: rate(baselineMs),
          ratio: rate(tandemMs) / rate(baselineMs),
          target: 0.3,
          notes: [
            `import ${(tandemMs / 1000).toFixed(1)} s (upload ${(uploadMs / 1000).toFixed(1)} s + job ${((tandemMs - uploadMs) / 1000).toFixed(1)} s; job alone ${(rate(tandemMs - uploadMs) / rate(baselineMs)).toFixed(2)}× the baseline), csv-parse → COPY ${(baselineMs / 1000).toFixed(1)} s`,
            `checksum ${a.sum === b.sum && a.n === b.n ? "equal" : "DIFFERENT"} (${b.n.toLocaleString("en-US")} rows); import: ${done.created} created, ${done.updated} updated, ${done.skipped} skipped, ${done.failed} failed`,
          ],
        },
      ],
    };
  } finally {
    // The two workspaces' contacts go again (the workspaces themselves are small); the file too.
    // Without the report triggers (nothing reads these workspaces again), their facts deleted outright.
    const cleanup = await pool.connect();
    try {
      for (const ws of [bare.workspaceId, tandem.workspaceId]) {
        await cleanup.query("begin");
        await cleanup.query("set local tandem.report_triggers_off = on");
        for (const table of ["lead_rollup", "lead_events", "stage_transitions", "contacts"]) await cleanup.query(`delete from ${table} where workspace_id = $1`, [ws]);
        await cleanup.query("commit");
      }
    } finally {
      cleanup.release();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
