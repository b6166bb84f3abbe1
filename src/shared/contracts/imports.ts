import { z } from "zod";
import { IdSchema, TimestampSchema, listQuerySchema, pageSchema } from "./common.js";
import { IMPORT_ENTITIES, IMPORT_PRESETS } from "../domain/imports.js";

/** Largest CSV file an upload may carry (the CLI reads local files of any size). */
export const IMPORT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const ImportEntitySchema = z.enum(IMPORT_ENTITIES);
export const ImportPresetSchema = z.enum(IMPORT_PRESETS);
export const ImportMappingSchema = z.record(z.string().max(60), z.string().max(300)).refine((m) => Object.keys(m).length <= 40, "at most 40 mapped fields");

/** The query of an upload: what the file holds and which preset reads it. */
export const UploadImportQuerySchema = z.object({ entity: ImportEntitySchema, preset: ImportPresetSchema.default("generic") });
export type UploadImportQuery = z.infer<typeof UploadImportQuerySchema>;

/** Starts (or, after a dry run, re-starts for real) an uploaded import. */
export const StartImportBodySchema = z.object({ mapping: ImportMappingSchema.optional(), dryRun: z.boolean().default(false) });
export type StartImportBody = z.infer<typeof StartImportBodySchema>;

export const ImportStatusSchema = z.enum(["uploaded", "queued", "running", "succeeded", "failed"]);

/** An import with its progress and the accounting of every row processed so far. */
export const ImportSchema = z.object({
  id: IdSchema,
  entity: ImportEntitySchema,
  preset: ImportPresetSchema,
  fileName: z.string(),
  fileBytes: z.number().int(),
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  dryRun: z.boolean(),
  status: ImportStatusSchema,
  jobId: IdSchema.nullable(),
  totalRows: z.number().int().nullable(),
  cursor: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
  createdBy: IdSchema.nullable(),
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  finishedAt: TimestampSchema.nullable(),
});
export type Import = z.infer<typeof ImportSchema>;

/** An upload's answer: the import plus what the preview shows (sample rows, the proposed mapping). */
export const ImportPreviewSchema = ImportSchema.extend({ sample: z.array(z.array(z.string())), proposedMapping: z.record(z.string(), z.string()) });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ListImportsQuerySchema = listQuerySchema(["createdAt"] as const).extend({ entity: ImportEntitySchema.optional() });
export type ListImportsQuery = z.infer<typeof ListImportsQuerySchema>;
export const ImportPageSchema = pageSchema(ImportSchema);
export type ImportPage = z.infer<typeof ImportPageSchema>;
