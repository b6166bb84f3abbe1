import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

const Measure = { revenue: z.number(), wonDeals: z.number().int(), pipeline: z.number(), pipelineDeals: z.number().int() };

export const RevenueByChannelSchema = z.object({
  /** Won revenue (deals won in the period) and pipeline (deals created in the period) over every channel. */
  total: z.object(Measure),
  /** One row per channel (`unattributed` when neither campaign nor contact names one), largest revenue first. */
  channels: z.array(z.object({ channel: z.string(), ...Measure, revenueShare: z.number().nullable(), pipelineShare: z.number().nullable() })),
  /** Partner and alliance deals: channel `partner`, or sourced by a contact of a partner account. */
  partner: z.object({ ...Measure, revenueShare: z.number().nullable(), pipelineShare: z.number().nullable(), viaPartnerAccount: z.number().int() }),
});
export type RevenueByChannel = z.infer<typeof RevenueByChannelSchema>;

export const RevenueByChannelQuerySchema = reportQuerySchema({});

/** Which number to open: the deals of one `channelKey` (a channel or `unattributed`) for `measure` revenue (won) or pipeline (created). */
export const RevenueByChannelRecordsQuerySchema = reportQuerySchema({
  channelKey: z.string().trim().min(1).max(40),
  measure: z.enum(["revenue", "pipeline"]),
  ...DrillPageQuerySchema.shape,
});
export type RevenueByChannelRecordsQuery = z.infer<typeof RevenueByChannelRecordsQuerySchema>;

export const RevenueByChannelRecordsSchema = z.object({
  items: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      accountName: z.string(),
      amount: z.number(),
      outcome: z.string().nullable(),
      createdAt: TimestampSchema,
      closedAt: TimestampSchema.nullable(),
      channel: z.string(),
      /** Why the deal has its channel: `partner_account`, `campaign`, `contact` or `none`. */
      channelFrom: z.enum(["partner_account", "campaign", "contact", "none"]),
      campaignName: z.string().nullable(),
      sourceContactName: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
});
export type RevenueByChannelRecords = z.infer<typeof RevenueByChannelRecordsSchema>;
