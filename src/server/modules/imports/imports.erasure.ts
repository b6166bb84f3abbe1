/**
 * Imports' part of a GDPR erasure: the files kept for error reports and resumption, and the error reports' rows,
 * forget the erased person. A record of a stored file that mentions the e-mail (any cell, any letter case) becomes
 * a record of empty cells, so row numbers — and the cursor of an import still to resume — stay where they were.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { newId } from "../../platform/ids.js";
import { redactText, type ErasedPerson } from "../../../shared/domain/redact.js";

/** One CSV cell as RFC 4180 writes it: quoted when it holds the delimiter, a quote or a line break. */
function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function fileMentions(abs: string, needle: string): Promise<boolean> {
  // Chunks overlap by the needle's length so a match across a chunk boundary is found.
  let tail = "";
  for await (const chunk of fs.createReadStream(abs, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = (tail + (chunk as string)).toLowerCase();
    if (text.includes(needle)) return true;
    tail = text.slice(-needle.length);
  }
  return false;
}

/** Rewrites a stored import file with every record mentioning `needle` emptied; returns how many were emptied. */
async function blankRecordsIn(abs: string, delimiter: string, needle: string): Promise<number> {
  if (!(await fileMentions(abs, needle))) return 0;
  let blanked = 0;
  // The import runner reads with the same options, so the records (and their numbers) are the ones it counts.
  const records = fs.createReadStream(abs).pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }));
  async function* lines() {
    for await (const record of records as AsyncIterable<string[]>) {
      const hit = record.some((cell) => cell.toLowerCase().includes(needle));
      if (hit) blanked++;
      yield `${(hit ? record.map(() => "") : record).map((c) => csvCell(c, delimiter)).join(delimiter)}\n`;
    }
  }
  const tmp = `${abs}.${newId()}.tmp`;
  try {
    await pipeline(Readable.from(lines()), fs.createWriteStream(tmp));
    await fs.promises.rename(tmp, abs);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  return blanked;
}

/** The erasure hook of the imports module, for the privacy module's list of modules that quoted a person. */
export function createImportsErasure({ filesDir }: { filesDir: string }) {
  /** Empties the erased person's records in the workspace's stored import files and error reports. */
  async function forgetPersonIn(tx: Tx, workspaceId: string, person: ErasedPerson): Promise<void> {
    const email = person.email?.trim().toLowerCase();
    if (!email) return;
    // Error report rows: the person's own rows lose every cell; a reason that quotes the e-mail loses the e-mail.
    await tx.execute(sql`
      update import_errors set fields = (select coalesce(jsonb_agg(''::text), '[]'::jsonb) from jsonb_array_elements(fields))
      where workspace_id = ${workspaceId} and exists (select 1 from jsonb_array_elements_text(fields) f where strpos(lower(f), ${email}) > 0)`);
    const quoted = await tx.execute<{ import_id: string; row_no: number; reason: string }>(sql`
      select import_id, row_no, reason from import_errors where workspace_id = ${workspaceId} and strpos(lower(reason), ${email}) > 0`);
    for (const r of quoted.rows) {
      await tx.execute(sql`update import_errors set reason = ${redactText(r.reason, [email])} where workspace_id = ${workspaceId} and import_id = ${r.import_id} and row_no = ${r.row_no}`);
    }
    const files = await tx.execute<{ file_path: string; delimiter: string }>(sql`select file_path, delimiter from import_jobs where workspace_id = ${workspaceId} order by created_at, id`);
    for (const f of files.rows) {
      const abs = path.join(filesDir, f.file_path);
      if (fs.existsSync(abs)) await blankRecordsIn(abs, f.delimiter, email);
    }
  }
  return { forgetPersonIn };
}

