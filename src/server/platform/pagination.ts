import { sql, type SQL } from "drizzle-orm";
import { AppError } from "../../shared/errors.js";

type CursorValue = string | number | null;

/** Encodes the last row's sort value and id into an opaque cursor. */
export function encodeCursor(value: CursorValue | Date, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString("base64url");
}

/** Decodes a cursor; a tampered one is a 400 naming `query.cursor`. */
export function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === "string" && ["string", "number", "object"].includes(typeof parsed[0])) {
      return [parsed[0] as CursorValue, parsed[1]];
    }
  } catch {
    // fall through
  }
  throw new AppError("validation_failed", "query.cursor: invalid cursor", [{ path: "query.cursor", message: "invalid cursor" }]);
}

export type SortSpec = {
  /** The column expression to order by. */
  column: SQL;
  /** The row's id column (the tie-breaker). */
  id: SQL;
  desc: boolean;
  /** How to cast the cursor's value back for comparison (e.g. `timestamptz`). */
  cast: "text" | "numeric" | "timestamptz" | "date";
};

/**
 * Keyset pagination: the ORDER BY and the "after this cursor" condition for a sort that puts NULLs last
 * and breaks ties by id in the same direction.
 */
export function keyset(spec: SortSpec, cursor: string | undefined): { orderBy: SQL; after: SQL | undefined } {
  const dir = spec.desc ? sql.raw("desc") : sql.raw("asc");
  const cmp = spec.desc ? sql.raw("<") : sql.raw(">");
  const orderBy = sql`${spec.column} ${dir} nulls last, ${spec.id} ${dir}`;
  if (!cursor) return { orderBy, after: undefined };
  const [value, id] = decodeCursor(cursor);
  if (value === null) {
    return { orderBy, after: sql`(${spec.column} is null and ${spec.id} ${cmp} ${id}::uuid)` };
  }
  const typed = sql`${value}::${sql.raw(spec.cast)}`;
  return {
    orderBy,
    after: sql`(${spec.column} ${cmp} ${typed} or (${spec.column} = ${typed} and ${spec.id} ${cmp} ${id}::uuid) or ${spec.column} is null)`,
  };
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, sortValue: (row: T) => CursorValue | Date): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(sortValue(last), last.id) : null };
}

/** Parses `name` / `-name` into a key and a direction. */
export function parseSort<K extends string>(sort: string | undefined, fallback: `${K}` | `-${K}`): { key: K; desc: boolean } {
  const s = sort ?? fallback;
  return s.startsWith("-") ? { key: s.slice(1) as K, desc: true } : { key: s as K, desc: false };
}

/** Escapes LIKE wildcards in user search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
