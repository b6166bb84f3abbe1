/** Helpers for CSV export tests: parse a downloaded file, insert many rows with one statement. */
import { parse } from "csv-parse/sync";
import type { Harness } from "./harness.js";

/** The records of a CSV export as objects keyed by the header row (the byte-order mark dropped). */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: false }) as Record<string, string>[];
}

/** Runs one statement as the database owner (bulk test data: thousands of rows in one round trip). */
export async function sqlRows(h: Harness, text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  return (await h.tdb.ownerDb.pool.query(text, params)).rows as Record<string, unknown>[];
}
