/** Bulk loading through `COPY … FROM STDIN` (text format) on one connection. */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** The text-format NULL marker. */
export const NULL = "\\N";

const SPECIAL = /[\\\t\n\r]/;

/** A text value escaped for COPY text format; null becomes \N. */
export function text(v: string | null | undefined): string {
  if (v === null || v === undefined) return NULL;
  if (!SPECIAL.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** A timestamptz literal from epoch milliseconds. */
export function ts(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? NULL : new Date(ms).toISOString();
}

/** A numeric literal. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? NULL : String(n);
}

/** A numeric(…, 2) literal from integer cents. */
export function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A text[] literal. */
export function textArray(values: readonly string[]): string {
  return text(`{${values.map((v) => `"${v.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`);
}

/** Rows waiting to be copied into one table. */
export class TableBuffer {
  lines: string[] = [];
  total = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  /** Adds one row of already-formatted cells. */
  push(cells: string[]): void {
    this.lines.push(cells.join("\t") + "\n");
    this.total++;
  }
}

function* chunks(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 2_000) yield lines.slice(i, i + 2_000).join("");
}

/** Copies the buffered rows into the table and empties the buffer. */
export async function flush(client: PoolClient, buf: TableBuffer): Promise<void> {
  if (!buf.lines.length) return;
  const lines = buf.lines;
  buf.lines = [];
  const stream = client.query(copyFrom(`COPY ${buf.table} (${buf.columns.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks(lines)), stream);
}
