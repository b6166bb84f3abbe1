import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM");

/** The sales KPIs of a group of deals closed in the period (all of them, one rep's, or one month's). */
export const KpiFiguresSchema = z.object({
  /** Won amount of the deals won in the period. */
  revenue: z.number(),
  won: z.number().int(),
  lost: z.number().int(),
  noDecision: z.number().int(),
  /** won ÷ (won + lost + no decision); null when nothing closed. */
  winRate: z.number().nullable(),
  /** Mean won amount; null with no wins. */
  averageDealSize: z.number().nullable(),
  /** Days from created to closed of the won deals; null with no wins. */
  medianCycleDays: z.number().nullable(),
  meanCycleDays: z.number().nullable(),
  newRevenue: z.number(),
  /** Won amount of expansion deals. */
  expansionRevenue: z.number(),
  /** Won amount of renewal deals (retention). */
  renewalRevenue: z.number(),
  /** Sales-category touchpoints of the won deals' contacts between each deal's creation and close. */
  salesActivities: z.number().int(),
  activitiesPerWonDeal: z.number().nullable(),
});
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;

/** Forecast against actual for the deals expected to close in one month. */
export const ForecastMonthSchema = z.object({
  month: z.string(),
  /** Deals expected to close in the month that carried a forecast amount. */
  deals: z.number().int(),
  forecast: z.number(),
  /** Won amount of those deals, won no later than the end of that month. */
  actual: z.number(),
  /** 1 − |actual − forecast| ÷ forecast, floored at 0; null while the month runs or without a forecast. */
  accuracy: z.number().nullable(),
  settled: z.boolean(),
});

export const KpisSchema = z.object({
  overall: KpiFiguresSchema.extend({
    /** Distinct owners of the deals closed in the period. */
    reps: z.number().int(),
    /** revenue ÷ reps; null with no reps. */
    revenuePerRep: z.number().nullable(),
    /** 1 − Σ|actual − forecast| ÷ Σ forecast over the settled months; null when none had a forecast. */
    forecastAccuracy: z.number().nullable(),
  }),
  byRep: z.array(KpiFiguresSchema.extend({ ownerId: IdSchema.nullable(), ownerName: z.string() })),
  byMonth: z.array(KpiFiguresSchema.extend({ month: z.string() })),
  forecast: z.array(ForecastMonthSchema),
  /** MQLs of the period by source and how many of them became customers. */
  mqlToWonBySource: z.array(z.object({ source: z.string(), mqls: z.number().int(), won: z.number().int(), rate: z.number().nullable() })),
});
export type Kpis = z.infer<typeof KpisSchema>;

export const KpisQuerySchema = reportQuerySchema({});

export const KPI_SETS = ["closed", "won", "lost", "no_decision", "expansion", "renewal", "forecast", "mql", "mql_won"] as const;

/**
 * Which number to open: `set` (deals closed/won/lost/no decision/won expansion/won renewal in the period, deals in
 * the forecast, or the MQLs of the period and those that became customers), optionally one `month` (close month;
 * expected-close month for `forecast`; MQL month for the MQL sets), one rep (`ownerId`; `none` for unowned) or one
 * lead `leadSource` (`unknown` for none).
 */
export const KpiRecordsQuerySchema = reportQuerySchema({
  set: z.enum(KPI_SETS),
  month: MonthSchema.optional(),
  ownerId: z.union([IdSchema, z.literal("none")]).optional(),
  leadSource: z.string().trim().min(1).max(100).optional(),
  ...DrillPageQuerySchema.shape,
});
export type KpiRecordsQuery = z.infer<typeof KpiRecordsQuerySchema>;

export const KpiDealRecordSchema = z.object({
  kind: z.literal("deal"),
  id: IdSchema,
  name: z.string(),
  accountName: z.string(),
  ownerName: z.string().nullable(),
  type: z.string(),
  amount: z.number(),
  forecastAmount: z.number().nullable(),
  createdAt: TimestampSchema,
  expectedCloseAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  outcome: z.string().nullable(),
  cycleDays: z.number().nullable(),
  salesActivities: z.number().int(),
});
export const KpiContactRecordSchema = z.object({
  kind: z.literal("contact"),
  id: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  source: z.string().nullable(),
  stage: z.string(),
  mqlAt: TimestampSchema,
  customerAt: TimestampSchema.nullable(),
});
export const KpiRecordsSchema = z.object({
  items: z.array(z.discriminatedUnion("kind", [KpiDealRecordSchema, KpiContactRecordSchema])),
  total: z.number().int(),
});
export type KpiRecords = z.infer<typeof KpiRecordsSchema>;
