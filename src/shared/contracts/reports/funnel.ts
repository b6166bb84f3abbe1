import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";
import { CohortMonthSchema, MainStageSchema, PairStartSchema, QueryFlagSchema, RatioSchema } from "./lead-common.js";

export const FunnelQuerySchema = reportQuerySchema({});

/** Contacts of one cohort (month they entered `from`) and how many of them later reached `to` or beyond. */
export const FunnelCohortSchema = z.object({
  cohort: CohortMonthSchema,
  entered: z.number().int(),
  converted: z.number().int(),
  /** converted ÷ entered. */
  rate: RatioSchema,
});

export const FunnelPairSchema = z.object({
  from: PairStartSchema,
  to: MainStageSchema,
  /** All cohorts of the period together. */
  entered: z.number().int(),
  converted: z.number().int(),
  /** converted ÷ entered; null when no contact entered `from` in the period. */
  rate: RatioSchema,
  cohorts: z.array(FunnelCohortSchema),
});

/** Funnel conversion by cohort for each consecutive stage pair (DESIGN §6.5; definitions in docs/REPORTS.md). */
export const FunnelReportSchema = z.object({ pairs: z.array(FunnelPairSchema) });
export type FunnelReport = z.infer<typeof FunnelReportSchema>;

/** Which number to open: the pair starting at `stage`, one cohort (or all of the period), converted or not (or both). */
export const FunnelRecordsQuerySchema = reportQuerySchema({
  stage: PairStartSchema,
  cohort: CohortMonthSchema.optional(),
  converted: QueryFlagSchema.optional(),
  ...DrillPageQuerySchema.shape,
});
export type FunnelRecordsQuery = z.infer<typeof FunnelRecordsQuerySchema>;

export const FunnelRecordSchema = z.object({
  id: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The contact's stage today. */
  stage: z.string(),
  cohort: CohortMonthSchema,
  /** When it entered the pair's first stage. */
  enteredAt: TimestampSchema,
  /** When it first reached the pair's second stage or a later one (null: not yet). */
  reachedAt: TimestampSchema.nullable(),
  converted: z.boolean(),
});
export const FunnelRecordsSchema = z.object({ items: z.array(FunnelRecordSchema), total: z.number().int() });
export type FunnelRecords = z.infer<typeof FunnelRecordsSchema>;
