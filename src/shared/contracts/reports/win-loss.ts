import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

/** The dimensions win/loss can be cut by. */
export const WIN_LOSS_DIMENSIONS = ["reason", "competitor", "segment", "source", "persona", "rep"] as const;
export const WinLossDimensionSchema = z.enum(WIN_LOSS_DIMENSIONS);
export type WinLossDimension = z.infer<typeof WinLossDimensionSchema>;
export const WinLossGrainSchema = z.enum(["month", "quarter"]);

const WIN_LOSS_FIELDS = {
  /** Only deals that named this competitor. */
  competitor: z.string().trim().min(1).max(100).optional(),
  by: WinLossDimensionSchema.default("reason"),
  grain: WinLossGrainSchema.default("month"),
};
export const WinLossQuerySchema = reportQuerySchema(WIN_LOSS_FIELDS);
export type WinLossQuery = z.infer<typeof WinLossQuerySchema>;

export const WinLossCountsSchema = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  noDecision: z.number().int(),
  wonAmount: z.number(),
  lostAmount: z.number(),
  noDecisionAmount: z.number(),
  /** won ÷ all closed; null when nothing closed. */
  winRate: z.number().nullable(),
});

/** One row of the breakdown: `key` is what the drill-down takes (`none` for deals without a value), `label` its name. */
export const WinLossRowSchema = WinLossCountsSchema.extend({ key: z.string(), label: z.string() });

/** One period of the trend: counts, and the share of the period's losses that went to a named competitor. */
export const WinLossTrendPointSchema = WinLossCountsSchema.extend({ period: z.string(), competitorLossShare: z.number().nullable() });

/** Losses to one competitor in one period, and their share of all the period's losses. */
export const CompetitorTrendPointSchema = z.object({ period: z.string(), competitor: z.string(), losses: z.number().int(), share: z.number() });

/** One key of the chosen dimension in one period (the trend of the cut: e.g. a loss reason's deals quarter by quarter). */
export const WinLossRowTrendPointSchema = z.object({ period: z.string(), key: z.string(), label: z.string(), won: z.number().int(), lost: z.number().int(), noDecision: z.number().int() });

export const TopReasonSchema = z.object({ outcome: z.enum(["won", "lost", "no_decision"]), code: z.string(), label: z.string(), deals: z.number().int(), share: z.number() });

/** Deals closed in the period by outcome, cut by one dimension, with the trend by month or quarter (docs/WINLOSS-TEAM.md). */
export const WinLossReportSchema = z.object({
  by: WinLossDimensionSchema,
  grain: WinLossGrainSchema,
  totals: WinLossCountsSchema,
  rows: z.array(WinLossRowSchema),
  trend: z.array(WinLossTrendPointSchema),
  competitorTrend: z.array(CompetitorTrendPointSchema),
  /** The cut by period: each key's deals per period, for the trend of every dimension. */
  rowTrend: z.array(WinLossRowTrendPointSchema),
  /** The three most frequent reasons of each outcome. */
  topReasons: z.array(TopReasonSchema),
});
export type WinLossReport = z.infer<typeof WinLossReportSchema>;

/** The deals behind a number: a breakdown row (`by` + `key`), an outcome, a trend period (`YYYY-MM` or `YYYY-Qn`). */
export const WinLossRecordsQuerySchema = reportQuerySchema({
  ...WIN_LOSS_FIELDS,
  key: z.string().trim().min(1).max(200).optional(),
  outcome: z.enum(["won", "lost", "no_decision"]).optional(),
  period: z.string().regex(/^\d{4}-(\d{2}|Q[1-4])$/, "must be YYYY-MM or YYYY-Qn").optional(),
  ...DrillPageQuerySchema.shape,
});
export type WinLossRecordsQuery = z.infer<typeof WinLossRecordsQuerySchema>;

export const WinLossRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  accountName: z.string(),
  ownerName: z.string().nullable(),
  amount: z.number(),
  outcome: z.enum(["won", "lost", "no_decision"]),
  reasonCode: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  competitor: z.string().nullable(),
  segment: z.string().nullable(),
  source: z.string().nullable(),
  persona: z.string().nullable(),
  closedAt: TimestampSchema,
  interviewed: z.boolean(),
});
export const WinLossRecordsSchema = z.object({ total: z.number().int(), items: z.array(WinLossRecordSchema) });
export type WinLossRecords = z.infer<typeof WinLossRecordsSchema>;
