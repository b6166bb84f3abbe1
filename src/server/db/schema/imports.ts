import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";

/** One CSV import: the stored file, its mapping, where processing has got to and what happened to every row. */
export const importJobs = pgTable(
  "import_jobs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    entity: text("entity").$type<"accounts" | "contacts" | "deals" | "campaigns" | "touchpoints">().notNull(),
    preset: text("preset").$type<"hubspot" | "salesforce" | "generic">().notNull(),
    fileName: text("file_name").notNull(),
    // Relative to the data directory's imports folder; the file stays until the import is deleted.
    filePath: text("file_path").notNull(),
    fileBytes: integer("file_bytes").notNull(),
    delimiter: text("delimiter").notNull(),
    header: jsonb("header").$type<string[]>().notNull(),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull().default({}),
    dryRun: boolean("dry_run").notNull().default(false),
    status: text("status").$type<"uploaded" | "queued" | "running" | "succeeded" | "failed">().notNull(),
    jobId: uuid("job_id"),
    totalRows: integer("total_rows"),
    // Data rows fully processed (committed with their records in the same transaction): a restart continues here.
    cursor: integer("cursor").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    error: text("error"),
    createdBy: uuid("created_by"),
    createdAt: ts("created_at").notNull(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // serves: the list of past imports, newest first (keyset)
    index("import_jobs_created_idx").on(t.workspaceId, t.createdAt, t.id),
  ],
);

/** Rows of an import that were not applied: failed (with the reason) or skipped (duplicate in the file, empty). */
export const importErrors = pgTable(
  "import_errors",
  {
    workspaceId: workspaceId(),
    importId: uuid("import_id").notNull(),
    // 1-based data row (the header is row 0), so the report lists rows in file order.
    rowNo: integer("row_no").notNull(),
    outcome: text("outcome").$type<"failed" | "skipped">().notNull(),
    reason: text("reason").notNull(),
    // The row's original fields, as parsed, for the report in the input's own columns.
    fields: jsonb("fields").$type<string[]>().notNull(),
  },
  (t) => [
    // serves: the error report of an import in row order
    primaryKey({ columns: [t.workspaceId, t.importId, t.rowNo] }),
    foreignKey({ columns: [t.workspaceId, t.importId], foreignColumns: [importJobs.workspaceId, importJobs.id] }).onDelete("cascade"),
  ],
);
