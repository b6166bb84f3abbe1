import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable, Writable } from "node:stream";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { isFormulaLike } from "../../../shared/csv.js";
import { checkMapping, detectDelimiter, proposeMapping } from "../../../shared/domain/imports.js";
import type { ImportPreview, ListImportsQuery, StartImportBody, UploadImportQuery } from "../../../shared/contracts/imports.js";
import type { JobsService } from "../jobs/index.js";
import type { ImportsRepository } from "./imports.repository.js";
import { openRecords } from "./import.runner.js";
import { requireImportRole } from "./imports.policy.js";

type Deps = { db: Database; repo: ImportsRepository; clock: Clock; jobs: Pick<JobsService, "enqueueIn" | "announce">; filesDir: string };

const SAMPLE_ROWS = 5;

/** Uploads, previews, starts and reports CSV imports. */
export function createImportsService({ db, repo, clock, jobs, filesDir }: Deps) {
  /** Stores an uploaded file, reads its header and rows once (counting them, checking it parses), proposes a mapping. */
  async function upload(ctx: RequestContext, q: UploadImportQuery, file: { filename: string; stream: Readable }): Promise<ImportPreview> {
    requireImportRole(ctx.actor, q.entity);
    const id = newId();
    const rel = path.join(ctx.workspaceId, `${id}.csv`);
    const abs = path.join(filesDir, rel);
    await fs.promises.mkdir(path.dirname(abs), { recursive: true });
    const drop = async <E>(err: E) => {
      await fs.promises.rm(abs, { force: true });
      return err;
    };
    // Past the size limit the multipart stream fails with a 413 (the CLI imports local files of any size).
    await pipeline(file.stream, fs.createWriteStream(abs)).catch(async (err: unknown) => {
      throw await drop(err);
    });
    const bytes = (await fs.promises.stat(abs)).size;
    const firstLine = await readFirstLine(abs);
    const delimiter = detectDelimiter(firstLine);
    let header: string[] | null = null;
    const sample: string[][] = [];
    let total = 0;
    try {
      for await (const rec of openRecords(filesDir, { filePath: rel, delimiter }) as AsyncIterable<string[]>) {
        if (!header) header = rec.map((h) => h.trim());
        else {
          total++;
          if (sample.length < SAMPLE_ROWS) sample.push(rec);
        }
      }
    } catch (err) {
      throw await drop(invalidField("body.file", `not a CSV file we can read: ${err instanceof Error ? err.message : String(err)}`));
    }
    if (!header || header.every((h) => h === "")) throw await drop(invalidField("body.file", "the file is empty (no header row)"));
    const dup = header.find((h, i) => header!.indexOf(h) !== i);
    if (dup !== undefined) throw await drop(invalidField("body.file", `the column "${dup}" appears twice in the header`));
    const proposed = proposeMapping(q.entity, q.preset, header);
    const row = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const created = await repo.insert(tx, {
        workspaceId: ctx.workspaceId,
        id,
        entity: q.entity,
        preset: q.preset,
        fileName: file.filename.slice(0, 300) || "upload.csv",
        filePath: rel,
        fileBytes: bytes,
        delimiter,
        header: header!,
        mapping: proposed,
        status: "uploaded",
        totalRows: total,
        createdBy: ctx.actor.userId,
        createdAt: clock.now(),
      });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action: "import.uploaded", entity: "import", entityId: id, changes: { entity: q.entity, preset: q.preset, fileName: created.fileName, rows: total } }, ctx.requestId);
      return created;
    });
    return { ...row, sample, proposedMapping: proposed };
  }

  /** Queues the import (or its dry run); a failed real run continues after its cursor with the mapping it had. */
  async function start(ctx: RequestContext, id: string, body: StartImportBody) {
    const job = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const imp = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!imp) throw notFound("Import");
      requireImportRole(ctx.actor, imp.entity);
      const resume = imp.status === "failed" && !imp.dryRun;
      const again = (imp.status === "succeeded" || imp.status === "failed") && imp.dryRun;
      if (imp.status !== "uploaded" && !resume && !again) throw new AppError("conflict", `This import is ${imp.status}; only an uploaded import, a finished dry run or a failed import can be started`);
      const mapping = resume ? imp.mapping : (body.mapping ?? imp.mapping);
      const problems = checkMapping(imp.entity, mapping, imp.header);
      if (problems.length) throw invalidField("body.mapping", problems.join("; "));
      if (!resume) await repo.clearErrors(tx, ctx.workspaceId, id);
      const queued = await jobs.enqueueIn(tx, ctx.workspaceId, { kind: "import", subjectId: id, requestedBy: ctx.actor.userId });
      const fresh = resume ? {} : { cursor: 0, created: 0, updated: 0, skipped: 0, failed: 0, mapping, dryRun: body.dryRun, startedAt: null };
      const row = await repo.update(tx, ctx.workspaceId, id, { ...fresh, status: "queued", jobId: queued.id, error: null, finishedAt: null });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action: "import.started", entity: "import", entityId: id, changes: { dryRun: row!.dryRun, resume, mapping } }, ctx.requestId);
      return { queued, row: row! };
    });
    await jobs.announce(job.queued);
    return job.row;
  }

  /** One import with its progress and counts. */
  async function getImport(ctx: RequestContext, id: string) {
    const imp = await db.inWorkspace(ctx.workspaceId, (tx) => repo.findById(tx, ctx.workspaceId, id));
    if (!imp) throw notFound("Import");
    return imp;
  }

  /** Past imports, newest first. */
  function listImports(ctx: RequestContext, q: ListImportsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, q));
  }

  /**
   * Writes the error report: the input's header and delimiter plus "Tandem outcome" and "Tandem error", one line per
   * failed or skipped row with its original fields, formula-looking cells neutralised with a leading `'`.
   */
  async function writeErrorReport(ctx: RequestContext, id: string, out: Writable) {
    const imp = await getImport(ctx, id);
    const d = imp.delimiter;
    const line = (cells: string[]) => cells.map((c) => reportField(c, d)).join(d) + "\r\n";
    out.write(line([...imp.header, "Tandem outcome", "Tandem error"]));
    let after = 0;
    for (;;) {
      const page = await db.inWorkspace(ctx.workspaceId, (tx) => repo.errors(tx, ctx.workspaceId, id, after, 5_000));
      if (!page.length) break;
      let text = "";
      for (const e of page) text += line([...e.fields, e.outcome, `row ${e.rowNo}: ${e.reason}`]);
      if (!out.write(text)) await new Promise((r) => out.once("drain", r));
      after = page[page.length - 1]!.rowNo;
    }
    out.end();
    return imp;
  }

  return { upload, start, getImport, listImports, writeErrorReport };
}

function reportField(value: string, delimiter: string): string {
  const text = isFormulaLike(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function readFirstLine(file: string): Promise<string> {
  const fh = await fs.promises.open(file);
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString("utf8").split(/\r?\n/)[0] ?? "";
  } finally {
    await fh.close();
  }
}

export type ImportsService = ReturnType<typeof createImportsService>;
