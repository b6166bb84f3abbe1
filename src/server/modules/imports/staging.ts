/** The bulk path of an import chunk: a temporary staging table filled by COPY, then set-based SQL against it. */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CellValue } from "../../../shared/domain/imports.js";

export type StagingColumn = { name: string; type: "text" | "uuid" | "int" | "numeric" | "timestamptz" | "boolean" | "date" };

/** A valid row of a chunk: its 1-based row number, new ids the app generated for it, and its mapped values. */
export type StagedRow = { rowNo: number; ids: string[]; values: Record<string, CellValue | undefined> };

/** What happened to each row the writer refused (the others were created or updated). */
export type WriteOutcome = { created: number; updated: number; refused: { rowNo: number; outcome: "failed" | "skipped"; reason: string }[] };

const SPECIAL = /[\\\t\n\r]/;

function cell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "\\N";
  const s = typeof v === "string" ? v : String(v);
  return SPECIAL.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : s;
}

function* lines(rows: readonly StagedRow[], idCount: number, columns: readonly StagingColumn[]): Generator<string> {
  let out = "";
  for (const [i, r] of rows.entries()) {
    out += [String(r.rowNo), ...Array.from({ length: idCount }, (_, k) => r.ids[k] ?? "\\N"), ...columns.map((c) => cell(r.values[c.name]))].join("\t") + "\n";
    if (i % 2_000 === 1_999) {
      yield out;
      out = "";
    }
  }
  if (out) yield out;
}

/**
 * Creates `table` (temporary, dropped at commit) with row_no, the id columns, the value columns and the resolution
 * columns every writer uses (target_id: the existing record; outcome/reason: a refusal), and copies the rows in.
 */
export async function stageRows(client: PoolClient, table: string, idColumns: readonly string[], columns: readonly StagingColumn[], rows: readonly StagedRow[], extra = ""): Promise<void> {
  const defs = [`row_no int primary key`, ...idColumns.map((c) => `${c} uuid`), ...columns.map((c) => `${snake(c.name)} ${c.type}`), "target_id uuid", "outcome text", "reason text", extra].filter(Boolean);
  await client.query(`create temp table ${table} (${defs.join(", ")}) on commit drop`);
  const names = ["row_no", ...idColumns, ...columns.map((c) => snake(c.name))];
  await pipeline(Readable.from(lines(rows, idColumns.length, columns)), client.query(copyFrom(`COPY ${table} (${names.join(", ")}) FROM STDIN`)));
  await client.query(`analyze ${table}`);
}

/** camelCase → snake_case for staging column names. */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Marks as skipped every row whose key repeats an earlier row of the same chunk (the first one is applied); a key
 * is the existing record it resolved to, else the given identity expressions, else the row itself.
 */
export async function skipDuplicates(client: PoolClient, table: string, keys: readonly string[]): Promise<void> {
  const key = `coalesce('t:' || target_id::text, ${keys.map((k) => `'k:' || (${k})`).join(", ")}, 'r:' || row_no::text)`;
  await client.query(`
    with ranked as (select row_no, min(row_no) over (partition by ${key}) as first from ${table} where outcome is null)
    update ${table} s set outcome = 'skipped', reason = 'duplicate of row ' || r.first || ' of this file'
    from ranked r where r.row_no = s.row_no and r.first <> s.row_no`);
}

/** Counts the rows created and updated, and lists the refused ones. */
export async function collectOutcome(client: PoolClient, table: string): Promise<WriteOutcome> {
  const counts = await client.query<{ created: number; updated: number }>(
    `select count(*) filter (where outcome is null and target_id is null)::int as created, count(*) filter (where outcome is null and target_id is not null)::int as updated from ${table}`,
  );
  const refused = await client.query<{ row_no: number; outcome: "failed" | "skipped"; reason: string }>(`select row_no, outcome, reason from ${table} where outcome is not null order by row_no`);
  return { created: counts.rows[0]!.created, updated: counts.rows[0]!.updated, refused: refused.rows.map((r) => ({ rowNo: r.row_no, outcome: r.outcome, reason: r.reason })) };
}

/** `jsonb_build_object(source, external_id)` or `{}` — the external ids a row adds to its record. */
export function externalIdsExpr(source: string, column = "s.external_id"): string {
  return `case when ${column} is null then '{}'::jsonb else jsonb_build_object('${source}', ${column}) end`;
}
