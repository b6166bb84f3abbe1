import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, timestamp, uuid } from "drizzle-orm/pg-core";

/** `workspace_id uuid not null`: the tenant column every tenant table leads with. */
export const workspaceId = () => uuid("workspace_id").notNull();

/** A timestamptz column read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The sources whose record ids imports keep in `external_ids` and dedupe on (DESIGN §5, docs/IMPORTS.md). */
export const EXTERNAL_ID_SOURCES = ["hubspot", "salesforce", "csv"] as const;

/**
 * One partial expression index per source on `external_ids ->> source`.
 * Serves: import dedupe by external id (a staging table joined on the source's key), only rows that carry one.
 */
export function externalIdIndexes(table: string, t: { workspaceId: AnyPgColumn; externalIds: AnyPgColumn }) {
  return EXTERNAL_ID_SOURCES.map((s) =>
    index(`${table}_ext_${s}_idx`)
      .on(t.workspaceId, sql.raw(`(external_ids ->> '${s}')`))
      .where(sql.raw(`external_ids ? '${s}'`)),
  );
}
