/**
 * The import job: reads the stored file from the start, skips the rows before the cursor, and applies the rest in
 * chunks. Each chunk's records, its refused rows and the moved cursor commit in one transaction, so a process
 * killed mid-import leaves a cursor that matches what was written, and the re-run continues after it: every row
 * exactly once (docs/IMPORTS.md).
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { newId } from "../../platform/ids.js";
import { recordAudit } from "../../platform/audit.js";
import { systemActor } from "../../platform/actor.js";
import type { JobContext } from "../jobs/index.js";
import { IMPORT_FIELDS, parseRow, type ImportEntity } from "../../../shared/domain/imports.js";
import type { ImportRow, ImportsRepository } from "./imports.repository.js";
import type { StagedRow } from "./staging.js";
import type { RowCheck, Writer, WriteContext } from "./crm.writers.js";
import type { Role } from "../../../shared/domain/roles.js";

/** A workspace member as owners are matched: by e-mail, else by name (case-insensitive). */
export type Member = { id: string; email: string; name: string; role: Role };

type Deps = {
  db: Database;
  repo: ImportsRepository;
  clock: Clock;
  writers: Partial<Record<ImportEntity, Writer>>;
  members: (workspaceId: string) => Promise<Member[]>;
  filesDir: string;
  chunkRows: number;
  /** Called after a real (not dry-run) import finished: persona matching re-applies (docs/ENABLEMENT.md). */
  onImported?: (workspaceId: string, entity: ImportEntity) => Promise<void>;
};

const SOURCE = { hubspot: "hubspot", salesforce: "salesforce", generic: "csv" } as const;

/** Opens the stored file as a stream of records (arrays of fields), header first. */
export function openRecords(filesDir: string, imp: Pick<ImportRow, "filePath" | "delimiter">) {
  return fs.createReadStream(path.join(filesDir, imp.filePath)).pipe(parse({ delimiter: imp.delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }));
}

/** The job handler of kind `import`. */
export function createImportRunner({ db, repo, clock, writers, members, filesDir, chunkRows, onImported }: Deps) {
  return async function runImport(job: JobContext): Promise<Record<string, unknown>> {
    const { workspaceId } = job;
    const importId = job.subjectId!;
    const imp = await db.inWorkspace(workspaceId, async (tx) => {
      const row = await repo.findById(tx, workspaceId, importId, true);
      if (!row) throw new Error(`import ${importId} not found`);
      return repo.update(tx, workspaceId, importId, { status: "running", startedAt: row.startedAt ?? clock.now(), error: null });
    });
    if (!imp) throw new Error(`import ${importId} not found`);
    const writer = writers[imp.entity];
    if (!writer) throw new Error(`no writer for ${imp.entity}`);
    const people = await members(workspaceId);
    const byEmail = new Map(people.map((m) => [m.email.toLowerCase(), m.id]));
    const byName = new Map(people.map((m) => [m.name.toLowerCase(), m.id]));
    const ownerOf = (v: unknown) => (typeof v === "string" ? (byEmail.get(v.toLowerCase()) ?? byName.get(v.toLowerCase()) ?? null) : null);
    const columnIndex = new Map(imp.header.map((h, i) => [h, i]));
    const ctx: WriteContext = { workspaceId, source: SOURCE[imp.preset], now: clock.now(), actorUserId: imp.createdBy, actorRole: people.find((m) => m.id === imp.createdBy)?.role ?? null };
    const check = writer.prepare ? await writer.prepare(ctx) : null;
    const hasOwner = IMPORT_FIELDS[imp.entity].some((x) => x.type === "owner");

    try {
      let rowNo = 0;
      let chunk: { rowNo: number; fields: string[] }[] = [];
      const flush = async () => {
        if (!chunk.length) return;
        await applyChunk(imp, writer, ctx, chunk, columnIndex, hasOwner ? ownerOf : null, check);
        await job.progress(chunk[chunk.length - 1]!.rowNo, imp.totalRows, "rows");
        chunk = [];
      };
      let header = true;
      for await (const record of openRecords(filesDir, imp) as AsyncIterable<string[]>) {
        if (header) {
          header = false;
          continue;
        }
        rowNo++;
        if (rowNo <= imp.cursor) continue;
        chunk.push({ rowNo, fields: record });
        if (chunk.length >= chunkRows) await flush();
      }
      await flush();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db.inWorkspace(workspaceId, (tx) => repo.update(tx, workspaceId, importId, { status: "failed", error: message, finishedAt: clock.now() }));
      throw err;
    }
    const done = await db.inWorkspace(workspaceId, async (tx) => {
      const row = await repo.update(tx, workspaceId, importId, { status: "succeeded", finishedAt: clock.now() });
      const counts = { created: row!.created, updated: row!.updated, skipped: row!.skipped, failed: row!.failed, dryRun: row!.dryRun };
      const actor = imp.createdBy ? systemActor(imp.createdBy) : null;
      await recordAudit(tx, workspaceId, actor, clock.now(), { action: "import.finished", entity: "import", entityId: importId, changes: counts });
      return counts;
    });
    if (!imp.dryRun && done.created + done.updated > 0) await onImported?.(workspaceId, imp.entity);
    return done;
  };

  async function applyChunk(imp: ImportRow, writer: Writer, ctx: WriteContext, chunk: { rowNo: number; fields: string[] }[], columnIndex: Map<string, number>, ownerOf: ((v: unknown) => string | null) | null, check: RowCheck | null) {
    const staged: StagedRow[] = [];
    const refused: { rowNo: number; outcome: "failed" | "skipped"; reason: string }[] = [];
    for (const r of chunk) {
      if (r.fields.length !== imp.header.length && !(r.fields.length === 1 && r.fields[0] === "")) {
        refused.push({ rowNo: r.rowNo, outcome: "failed", reason: `${r.fields.length} fields, the header has ${imp.header.length}` });
        continue;
      }
      const parsed = parseRow(imp.entity, imp.mapping, columnIndex, r.fields);
      if ("empty" in parsed) refused.push({ rowNo: r.rowNo, outcome: "skipped", reason: "empty row" });
      else if ("error" in parsed) refused.push({ rowNo: r.rowNo, outcome: "failed", reason: parsed.error });
      else {
        const values = { ...parsed.values, ...(ownerOf ? { ownerId: ownerOf(parsed.values.owner) } : {}) };
        const checked = check ? check(values) : { values };
        if ("error" in checked) refused.push({ rowNo: r.rowNo, outcome: "failed", reason: checked.error });
        else staged.push({ rowNo: r.rowNo, ids: Array.from({ length: writer.ids }, () => newId()), values: checked.values });
      }
    }
    const fieldsOf = new Map(chunk.map((r) => [r.rowNo, r.fields]));
    await db.inWorkspace(ctx.workspaceId, async (tx, client) => {
      // A dry run writes inside a savepoint it rolls back: the counts are what the real run would do to this chunk.
      if (imp.dryRun) await client.query("savepoint dry_run");
      const out = staged.length ? await writer.write(client, ctx, staged, tx) : { created: 0, updated: 0, refused: [] };
      if (imp.dryRun) await client.query("rollback to savepoint dry_run");
      const all = [...refused, ...out.refused];
      await repo.insertErrors(
        tx,
        all.map((e) => ({ workspaceId: ctx.workspaceId, importId: imp.id, rowNo: e.rowNo, outcome: e.outcome, reason: e.reason, fields: fieldsOf.get(e.rowNo) ?? [] })),
      );
      const skipped = all.filter((e) => e.outcome === "skipped").length;
      await repo.advance(tx, ctx.workspaceId, imp.id, chunk[chunk.length - 1]!.rowNo, { created: out.created, updated: out.updated, skipped, failed: all.length - skipped });
    });
  }
}
