import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM");

export const HEALTH_PARTS = ["sales_sla", "marketing_sla", "acceptance", "closed_loop", "content_use", "campaign_readiness", "persona_alignment", "definition_currency"] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];

export const HealthPartSchema = z.object({
  key: z.enum(HEALTH_PARTS),
  label: z.string(),
  /** 0–100; null when the part is not measured (yet). */
  score: z.number().nullable(),
  /** The measured value the score comes from (a rate, a distance, an age in days). */
  raw: z.number().nullable(),
  /** How it was computed, with the counts behind it. */
  detail: z.string(),
  /** Its weight in the index: equal weights re-normalised over the measured parts (0 when not measured). */
  weight: z.number(),
  notMeasuredReason: z.string().nullable(),
});

export const SymptomMonthSchema = z.object({
  month: z.string(),
  wonDeals: z.number().int(),
  salesActivities: z.number().int(),
  activitiesPerWonDeal: z.number().nullable(),
  lostDeals: z.number().int(),
  lostToCompetitors: z.number().int(),
  competitorLossShare: z.number().nullable(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  rejectionRate: z.number().nullable(),
  cost: z.number(),
  sqls: z.number().int(),
  costPerSql: z.number().nullable(),
  mqls: z.number().int(),
  mqlsWon: z.number().int(),
  mqlToWon: z.number().nullable(),
});

export const AlignmentHealthSchema = z.object({
  /** Mean of the measured parts' scores (0–100); null when none is measured. */
  index: z.number().nullable(),
  measuredParts: z.number().int(),
  parts: z.array(HealthPartSchema),
  /** The four symptoms of DESIGN §6.5, per month of the period. */
  symptoms: z.array(SymptomMonthSchema),
});
export type AlignmentHealth = z.infer<typeof AlignmentHealthSchema>;

export const AlignmentHealthQuerySchema = reportQuerySchema({});

/**
 * Which number to open. `acceptance`: the MQLs handed over (`decision` accepted/rejected/pending, `month`).
 * `closed_loop`: the rejections, recycles, disqualifications and closed deals (`reasonRecorded` true/false).
 * `competitor_losses`: the deals lost to a competitor (`month`). The SLA and persona parts open through
 * `/reports/sla-attainment/records` and `/reports/persona-drift/records`.
 */
export const AlignmentHealthRecordsQuerySchema = reportQuerySchema({
  part: z.enum(["acceptance", "closed_loop", "competitor_losses"]),
  decision: z.enum(["accepted", "rejected", "pending"]).optional(),
  reasonRecorded: z.enum(["true", "false"]).optional(),
  month: MonthSchema.optional(),
  ...DrillPageQuerySchema.shape,
});
export type AlignmentHealthRecordsQuery = z.infer<typeof AlignmentHealthRecordsQuerySchema>;

export const AlignmentHealthRecordsSchema = z.object({
  items: z.array(
    z.object({
      kind: z.enum(["lead", "deal"]),
      id: IdSchema,
      name: z.string(),
      at: TimestampSchema,
      /** lead: handed over → accepted/rejected/pending, or the move (rejected/recycled/disqualified); deal: its outcome. */
      status: z.string(),
      reasonCode: z.string().nullable(),
      competitor: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});
export type AlignmentHealthRecords = z.infer<typeof AlignmentHealthRecordsSchema>;
