import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { CHANNELS } from "../../domain/touchpoints.js";
import { ATTRIBUTION_BASES } from "../../domain/attribution.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

export const AttributionBasisSchema = z.enum(ATTRIBUTION_BASES);
/** What rows group by: the touch's campaign, its channel, or its content asset. */
export const AttributionGroupSchema = z.enum(["campaign", "channel", "asset"]);
export type AttributionGroup = z.infer<typeof AttributionGroupSchema>;

/** The row key of touches without a campaign (channel, asset). */
export const NO_KEY = "none";
/** The records key that lists the unattributed deals. */
export const UNATTRIBUTED_KEY = "unattributed";

const base = { basis: AttributionBasisSchema.default("pipeline"), by: AttributionGroupSchema.default("campaign") };

/**
 * `basis` pipeline (deals created in the period, credit = amount) or revenue (won deals closed in the period);
 * `by` campaign, channel or asset. `channel` and `campaignId` select touches (their credit), the other filters deals.
 */
export const AttributionQuerySchema = reportQuerySchema(base);
export type AttributionQuery = z.infer<typeof AttributionQuerySchema>;

/** Credit (weight × amount, in the deal's currency, to the cent) under each of the six models of DESIGN §6.5. */
export const AttributionCreditSchema = z.object({
  first: z.number(),
  last: z.number(),
  linear: z.number(),
  uShaped: z.number(),
  wShaped: z.number(),
  timeDecay: z.number(),
});
export type AttributionCredit = z.infer<typeof AttributionCreditSchema>;

export const AttributionRowSchema = z.object({
  /** Campaign id, channel or asset id; `none` for touches without one. */
  key: z.string(),
  /** Campaign name, channel, or asset id (until assets have names); "(no campaign)" and the like for `none`. */
  label: z.string(),
  credit: AttributionCreditSchema,
  /** Eligible touches in this row. */
  touches: z.number().int(),
  /** Deals with at least one of those touches. */
  deals: z.number().int(),
});
export type AttributionRow = z.infer<typeof AttributionRowSchema>;

/** Attribution of pipeline or revenue by campaign, channel or asset under all six models, unattributed deals apart. */
export const AttributionReportSchema = z.object({
  basis: AttributionBasisSchema,
  by: AttributionGroupSchema,
  rows: z.array(AttributionRowSchema),
  /** Sums over the rows; without a touch filter each model's total is the attributed amount. */
  totals: z.object({ credit: AttributionCreditSchema, touches: z.number().int(), deals: z.number().int(), amount: z.number() }),
  /** Deals that converted in the period without any eligible touch: no model credits them. */
  unattributed: z.object({ deals: z.number().int(), amount: z.number() }),
});
export type AttributionReport = z.infer<typeof AttributionReportSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The deals behind one row (`key` as the report gave it), or behind the unattributed figure (`key=unattributed`). */
export const AttributionRecordsQuerySchema = reportQuerySchema({ ...base, key: z.string().trim().min(1).max(100), ...DrillPageQuerySchema.shape }).superRefine((q, ctx) => {
  const { by, key } = q as { by: AttributionGroup; key: string };
  if (key === NO_KEY || key === UNATTRIBUTED_KEY) return;
  const ok = by === "channel" ? (CHANNELS as readonly string[]).includes(key) : UUID.test(key);
  if (!ok) ctx.addIssue({ code: "custom", path: ["key"], message: by === "channel" ? `must be a channel, ${NO_KEY} or ${UNATTRIBUTED_KEY}` : `must be an id, ${NO_KEY} or ${UNATTRIBUTED_KEY}` });
});
export type AttributionRecordsQuery = z.infer<typeof AttributionRecordsQuerySchema>;

export const AttributionRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  accountName: z.string(),
  outcome: z.enum(["won", "lost", "no_decision"]).nullable(),
  amount: z.number(),
  /** Creation (pipeline) or close (revenue). */
  convertedAt: TimestampSchema,
  /** The deal's touches in this row, and all its eligible touches. */
  touches: z.number().int(),
  allTouches: z.number().int(),
  /** The credit this row's touches get from the deal. */
  credit: AttributionCreditSchema,
});
export const AttributionRecordsSchema = z.object({ items: z.array(AttributionRecordSchema), total: z.number().int() });
export type AttributionRecords = z.infer<typeof AttributionRecordsSchema>;

export const AttributionWeightsSchema = AttributionCreditSchema;

export const AttributionTouchSchema = z.object({
  touchpointId: IdSchema,
  /** 1-based, in (time, id) order. */
  position: z.number().int(),
  occurredAt: TimestampSchema,
  type: z.string(),
  contactId: IdSchema.nullable(),
  campaignId: IdSchema.nullable(),
  campaignName: z.string().nullable(),
  channel: z.string().nullable(),
  assetId: IdSchema.nullable(),
  weights: AttributionWeightsSchema,
  credit: AttributionCreditSchema,
});

/** One deal's attribution: per basis, its eligible touches with the weight and credit each model gives them. */
export const AttributionDealSchema = z.object({
  deal: z.object({ id: IdSchema, name: z.string(), accountName: z.string(), amount: z.number(), createdAt: TimestampSchema, closedAt: TimestampSchema.nullable(), outcome: z.enum(["won", "lost", "no_decision"]).nullable() }),
  bases: z.array(z.object({ basis: AttributionBasisSchema, convertedAt: TimestampSchema, amount: z.number(), touches: z.array(AttributionTouchSchema) })),
});
export type AttributionDeal = z.infer<typeof AttributionDealSchema>;
