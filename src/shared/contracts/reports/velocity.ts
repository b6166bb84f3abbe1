import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";
import { CohortMonthSchema, MainStageSchema, PairStartSchema } from "./lead-common.js";

export const VelocityQuerySchema = reportQuerySchema({});

/** Hours from entering `from` to entering `to` (calendar hours, not business hours) over the contacts timed. */
export const VelocityStatsSchema = z.object({
  /** Contacts timed: they entered `to` at or after entering `from`. */
  contacts: z.number().int(),
  /** Contacts that passed `to` without entering it (skipped to a later stage): not timed, counted here. */
  skipped: z.number().int(),
  /** Percentiles with interpolation (percentile_cont); null when no contact was timed. */
  medianHours: z.number().nullable(),
  p25Hours: z.number().nullable(),
  p75Hours: z.number().nullable(),
});

export const VelocityPairSchema = VelocityStatsSchema.extend({
  from: PairStartSchema,
  to: MainStageSchema,
  cohorts: z.array(VelocityStatsSchema.extend({ cohort: CohortMonthSchema })),
});

/** Stage velocity per consecutive pair and cohort month (DESIGN §6.5; definitions in docs/REPORTS.md). */
export const VelocityReportSchema = z.object({ pairs: z.array(VelocityPairSchema) });
export type VelocityReport = z.infer<typeof VelocityReportSchema>;

export const VelocityRecordsQuerySchema = reportQuerySchema({ stage: PairStartSchema, cohort: CohortMonthSchema.optional(), ...DrillPageQuerySchema.shape });
export type VelocityRecordsQuery = z.infer<typeof VelocityRecordsQuerySchema>;

export const VelocityRecordSchema = z.object({
  id: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  stage: z.string(),
  cohort: CohortMonthSchema,
  enteredAt: TimestampSchema,
  /** When it entered the pair's second stage; null when it skipped that stage. */
  reachedAt: TimestampSchema.nullable(),
  /** Hours between the two; null when skipped (not timed). */
  hours: z.number().nullable(),
  skipped: z.boolean(),
});
/** The contacts behind a velocity number, fastest first (skipped ones last). */
export const VelocityRecordsSchema = z.object({ items: z.array(VelocityRecordSchema), total: z.number().int() });
export type VelocityRecords = z.infer<typeof VelocityRecordsSchema>;
