import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";
import { RatioSchema } from "./lead-common.js";

export const LEAD_QUALITY_BY = ["campaign", "source", "vehicle"] as const;
export const ATTRIBUTION_MODELS = ["first", "last", "linear", "u_shaped", "w_shaped", "time_decay"] as const;
export const AttributionModelSchema = z.enum(ATTRIBUTION_MODELS);

export const LeadQualityQuerySchema = reportQuerySchema({
  by: z.enum(LEAD_QUALITY_BY).default("campaign"),
  /** The attribution model behind attributed revenue and ROI. */
  model: AttributionModelSchema.default("w_shaped"),
});
export type LeadQualityQuery = z.infer<typeof LeadQualityQuerySchema>;

/**
 * One row's numbers. Every ratio is null (never 0 or infinity) when its denominator is 0. See docs/REPORTS.md.
 */
export const LeadQualityNumbersSchema = z.object({
  /** MQL hand-overs in the period (moves into mql), as the acceptance report counts them. */
  mqls: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** accepted ÷ (accepted + rejected). */
  acceptanceRate: RatioSchema,
  /** Of those hand-overs, the ones whose lead reached sql (or later) afterwards. */
  sqls: z.number().int(),
  mqlToSql: RatioSchema,
  /** Of those, the ones whose lead became a customer afterwards. */
  wonLeads: z.number().int(),
  sqlToWon: RatioSchema,
  /** Amount of the row's deals created in the period. */
  pipeline: z.number(),
  /** Amount of the row's deals won (closed won) in the period, and how many. */
  revenue: z.number(),
  wonDeals: z.number().int(),
  /** Campaign cost lines dated in the period (per source: allocated by the campaigns' MQL shares). */
  cost: z.number(),
  costPerMql: RatioSchema,
  costPerSql: RatioSchema,
  /** cost ÷ wonDeals. */
  costPerWon: RatioSchema,
  /** Revenue credit of the chosen model for deals converted (won) in the period. */
  attributedRevenue: z.number(),
  /** (attributedRevenue − cost) ÷ cost. */
  roi: RatioSchema,
});

/** `key`: the campaign id, source or vehicle; null for leads/deals with none (drill-down key `none`). */
export const LeadQualityRowSchema = LeadQualityNumbersSchema.extend({ key: z.string().nullable(), label: z.string().nullable() });

export const LeadQualityReportSchema = z.object({
  by: z.enum(LEAD_QUALITY_BY),
  model: AttributionModelSchema,
  rows: z.array(LeadQualityRowSchema),
  totals: LeadQualityNumbersSchema,
  /** Per source only: cost and attributed revenue of campaigns with no MQL hand-over in the period (no share to split by). */
  unallocated: z.object({ cost: z.number(), attributedRevenue: z.number() }),
});
export type LeadQualityReport = z.infer<typeof LeadQualityReportSchema>;

/** Which row to open (`key`: campaign id, source or vehicle, `none` for the row without), and its leads or its deals. */
export const LeadQualityRecordsQuerySchema = reportQuerySchema({
  by: z.enum(LEAD_QUALITY_BY).default("campaign"),
  key: z.string().trim().min(1).max(200),
  records: z.enum(["leads", "deals"]).default("leads"),
  ...DrillPageQuerySchema.shape,
});
export type LeadQualityRecordsQuery = z.infer<typeof LeadQualityRecordsQuerySchema>;

export const LeadQualityRecordSchema = z.object({
  kind: z.enum(["lead", "deal"]),
  id: IdSchema,
  name: z.string().nullable(),
  /** Lead: its e-mail; deal: null. */
  email: z.string().nullable(),
  /** Lead: lifecycle stage today; deal: deal stage. */
  stage: z.string(),
  /** Lead: when it was handed over; deal: when it was created. */
  at: TimestampSchema,
  /** Lead: accepted|rejected|recycled|disqualified|pending; deal: won|lost|no_decision or null while open. */
  outcome: z.string().nullable(),
  reachedSql: z.boolean().nullable(),
  wonLead: z.boolean().nullable(),
  amount: z.number().nullable(),
  closedAt: TimestampSchema.nullable(),
  /** Deal: counted in the row's pipeline (created in the period) / revenue (won in the period). */
  inPipeline: z.boolean().nullable(),
  inRevenue: z.boolean().nullable(),
});
export const LeadQualityRecordsSchema = z.object({ items: z.array(LeadQualityRecordSchema), total: z.number().int() });
export type LeadQualityRecords = z.infer<typeof LeadQualityRecordsSchema>;
