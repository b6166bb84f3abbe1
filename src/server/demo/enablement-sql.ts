/** Small helpers for the demo's enablement rows: multi-row inserts in a few statements, and fixed instants. */
import type { PoolClient } from "pg";
import { DAY, HOUR } from "./calendar.js";

const MAX_PARAMS = 30_000;

/** Inserts rows (values in `columns` order) with as few multi-row statements as the parameter limit allows. */
export async function insertRows(client: PoolClient, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let k = 0; k < rows.length; k += per) {
    const chunk = rows.slice(k, k + per);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
    await client.query(`insert into ${table} (${columns.join(", ")}) values ${tuples.join(", ")}`, params);
  }
  return rows.length;
}

/** The instant `daysAgo` days before `now`, at `hour` o'clock UTC of that day (never after `now`). */
export function dayAt(now: number, daysAgo: number, hour = 14): Date {
  return new Date(Math.min(now, Math.floor((now - daysAgo * DAY) / DAY) * DAY + hour * HOUR));
}
