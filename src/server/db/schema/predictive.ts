import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";

/** A trained predictive-score model: the encoder and weights to score contacts, and how well it did held out. */
export const predictiveModels = pgTable(
  "predictive_models",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    version: integer("version").notNull(),
    status: text("status").$type<"active" | "superseded">().notNull(),
    /** The serialised model: feature encoding, standardisation and coefficients. */
    model: jsonb("model").$type<Record<string, unknown>>().notNull(),
    /** Held-out AUC, Brier, accuracy, calibration bins, sample counts, top features. */
    metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull(),
    auc: doublePrecision("auc"),
    trainedOn: integer("trained_on").notNull(),
    jobId: uuid("job_id"),
    trainedBy: uuid("trained_by"),
    trainedAt: ts("trained_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique("predictive_models_version_uq").on(t.workspaceId, t.version),
    // serves: the active model
    index("predictive_models_status_idx").on(t.workspaceId, t.status),
    uniqueIndex("predictive_models_one_active_idx").on(t.workspaceId).where(sql`status = 'active'`),
  ],
);
