import { z } from "zod";
import { DateOnlySchema, IdSchema } from "../common.js";
import { CHANNELS } from "../../domain/touchpoints.js";

/**
 * Filters every report takes (DESIGN §6.5). The period is a range of calendar days in the workspace's time zone,
 * both ends included; without one a report covers the last twelve whole months plus the current one.
 * `repId`/`teamId` select the owner of the lead (lead reports) or of the deal (deal reports).
 */
export const REPORT_FILTER_FIELDS = {
  from: DateOnlySchema.optional(),
  to: DateOnlySchema.optional(),
  segment: z.string().trim().min(1).max(100).optional(),
  source: z.string().trim().min(1).max(100).optional(),
  channel: z.enum(CHANNELS).optional(),
  campaignId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  repId: IdSchema.optional(),
};

/** A report's query string: the common filters plus the report's own fields, with `from` ≤ `to` checked. */
export function reportQuerySchema<S extends z.ZodRawShape>(extra: S) {
  return z
    .object({ ...REPORT_FILTER_FIELDS, ...extra })
    .refine((f) => {
      const { from, to } = f as { from?: string; to?: string };
      return !from || !to || from <= to;
    }, { message: "must not be after `to`", path: ["from"] });
}

export const ReportFiltersSchema = reportQuerySchema({});
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

/** The period a report actually covered, echoed in every response so a number always says what it counts. */
export const ReportPeriodSchema = z.object({ from: DateOnlySchema, to: DateOnlySchema, timezone: z.string() });
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

/** Drill-down paging shared by every report's `/records` endpoint. */
export const DrillPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
