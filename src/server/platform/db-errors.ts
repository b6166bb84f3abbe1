import { getTableConfig } from "drizzle-orm/pg-core";
import { schemaTables } from "../db/schema-tables.js";
import { AppError } from "../../shared/errors.js";

type PgError = { code?: string; detail?: string; constraint?: string; column?: string };

function pgErrorOf(err: unknown): PgError | null {
  // Drizzle wraps driver errors; the PostgreSQL error is the cause.
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as PgError).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const lastTenantColumn = (cols: string[]) => {
  const rest = cols.filter((c) => c !== "workspace_id");
  return rest.length ? camel(rest[rest.length - 1]!) : null;
};

// PostgreSQL omits key values from errors on RLS tables, so constraints are mapped to fields from the schema.
const CONSTRAINT_FIELDS: ReadonlyMap<string, string | null> = (() => {
  const map = new Map<string, string | null>();
  for (const table of schemaTables()) {
    const cfg = getTableConfig(table);
    for (const fk of cfg.foreignKeys) map.set(fk.getName(), lastTenantColumn(fk.reference().columns.map((c) => c.name)));
    for (const u of cfg.uniqueConstraints) map.set(u.getName() ?? "", lastTenantColumn(u.columns.map((c) => c.name)));
  }
  return map;
})();

/** The API field a violated constraint is about, e.g. `contacts_email_uq` → `email`. */
function fieldOf(pg: PgError): string | null {
  if (pg.constraint && CONSTRAINT_FIELDS.has(pg.constraint)) return CONSTRAINT_FIELDS.get(pg.constraint) ?? null;
  const m = /Key \(([^)]+)\)/.exec(pg.detail ?? "");
  return m?.[1] ? lastTenantColumn(m[1].split(",").map((c) => c.trim())) : null;
}

/**
 * Maps constraint violations to client errors naming the field: a reference to a row that does not exist in
 * this workspace is a 400 on that field, a duplicate is a 409. Anything else is returned as is.
 */
export function mapDbError(err: unknown): unknown {
  const pg = pgErrorOf(err);
  if (!pg) return err;
  const field = fieldOf(pg);
  const path = field ? `body.${field}` : "body";
  if (pg.code === "23503") {
    if (pg.detail?.includes("is still referenced")) {
      return new AppError("conflict", `Other records still refer to this one (${pg.detail.replace(/^Key .*? is still referenced from table /, "")})`);
    }
    return new AppError("validation_failed", `${path}: no such record in this workspace`, [{ path, message: "no such record in this workspace" }]);
  }
  if (pg.code === "23505") return new AppError("conflict", `${path}: a record with this value already exists`, [{ path, message: "already exists" }]);
  if (pg.code === "23514" || pg.code === "22P02" || pg.code === "22003") {
    return new AppError("validation_failed", `${path}: value out of range or malformed`, [{ path, message: "invalid value" }]);
  }
  return err;
}
