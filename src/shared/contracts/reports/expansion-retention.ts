import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DEAL_TYPES } from "../../domain/deals.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

export const ExpansionRetentionQuerySchema = reportQuerySchema({ grain: z.enum(["month", "quarter"]).default("month") });
export type ExpansionRetentionQuery = z.infer<typeof ExpansionRetentionQuerySchema>;

/** Revenue of the deals closed in one period (or the whole range), by what kind of revenue it is (docs/WINLOSS-TEAM.md). */
export const RevenueMixSchema = z.object({
  /** Won `new` deals. */
  newLogo: z.number(),
  /** Won cross-sell, upsell and expansion deals (`expansion` adds the three). */
  crossSell: z.number(),
  upsell: z.number(),
  expansion: z.number(),
  /** Won renewals. */
  renewed: z.number(),
  /** Renewals closed lost or no decision: the revenue that churned. */
  churned: z.number(),
  /** Renewals that came up (closed) in the period: renewed + churned. */
  renewalBase: z.number(),
  /** renewed ÷ renewal base; null when no renewal came up. */
  grossRetention: z.number().nullable(),
  /** (renewed + expansion) ÷ renewal base; null when no renewal came up. */
  netRetention: z.number().nullable(),
  newLogoDeals: z.number().int(),
  expansionDeals: z.number().int(),
  renewalsWon: z.number().int(),
  renewalsLost: z.number().int(),
});
export type RevenueMix = z.infer<typeof RevenueMixSchema>;

export const ExpansionRetentionSchema = z.object({
  grain: z.enum(["month", "quarter"]),
  totals: RevenueMixSchema,
  trend: z.array(RevenueMixSchema.extend({ period: z.string() })),
});
export type ExpansionRetention = z.infer<typeof ExpansionRetentionSchema>;

/** The figures a drill-down opens (docs/WINLOSS-TEAM.md): each is a set of closed deals whose amounts add up to it. */
export const EXPANSION_MEASURES = ["newLogo", "crossSell", "upsell", "expansion", "renewed", "churned", "renewalBase"] as const;
export type ExpansionMeasure = (typeof EXPANSION_MEASURES)[number];

/** Which number to open: a `measure` over the whole range, or of one `period` (`YYYY-MM` or `YYYY-Qn`). */
export const ExpansionRetentionRecordsQuerySchema = reportQuerySchema({
  measure: z.enum(EXPANSION_MEASURES),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, "must be YYYY-MM or YYYY-Qn").optional(),
  ...DrillPageQuerySchema.shape,
});
export type ExpansionRetentionRecordsQuery = z.infer<typeof ExpansionRetentionRecordsQuerySchema>;

/** A closed deal behind an expansion or retention figure, with the account it grew, renewed or churned. */
export const ExpansionRetentionRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  accountId: IdSchema,
  accountName: z.string(),
  type: z.enum(DEAL_TYPES),
  outcome: z.enum(["won", "lost", "no_decision"]),
  amount: z.number(),
  reasonLabel: z.string().nullable(),
  ownerName: z.string().nullable(),
  closedAt: TimestampSchema,
});
/** The deals of one figure, largest first; `amount` is their sum over every page — the figure itself. */
export const ExpansionRetentionRecordsSchema = z.object({ total: z.number().int(), amount: z.number(), items: z.array(ExpansionRetentionRecordSchema) });
export type ExpansionRetentionRecords = z.infer<typeof ExpansionRetentionRecordsSchema>;
