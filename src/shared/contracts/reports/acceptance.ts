import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";
import { RatioSchema } from "./lead-common.js";

export const AcceptanceQuerySchema = reportQuerySchema({});

/** What sales decided about the MQLs handed over (every move into `mql` in the period counts once). */
export const AcceptanceCountsSchema = z.object({
  handedOver: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Still MQL: no decision yet; reported apart, outside the rate. */
  pending: z.number().int(),
  /** Left mql to recycled or disqualified instead of an accept/reject: outside the rate too. */
  recycled: z.number().int(),
  disqualified: z.number().int(),
  /** accepted ÷ (accepted + rejected); null when neither happened. */
  rate: RatioSchema,
});

/** One row of a breakdown: `key` is the team/rep/campaign id or the source value (null: none), `label` its name. */
export const AcceptanceRowSchema = AcceptanceCountsSchema.extend({ key: z.string().nullable(), label: z.string().nullable() });

export const ReasonShareSchema = z.object({
  code: z.string().nullable(),
  /** The taxonomy's label; the code itself when the code is no longer in it; "No reason recorded" for none. */
  label: z.string(),
  count: z.number().int(),
  /** count ÷ all moves of this kind in the period. */
  share: z.number(),
});
export const ReasonTableSchema = z.object({ total: z.number().int(), reasons: z.array(ReasonShareSchema) });

/** Lead acceptance and the reasons behind rejections, recycles and disqualifications (definitions in docs/REPORTS.md). */
export const AcceptanceReportSchema = z.object({
  totals: AcceptanceCountsSchema,
  byTeam: z.array(AcceptanceRowSchema),
  byRep: z.array(AcceptanceRowSchema),
  byCampaign: z.array(AcceptanceRowSchema),
  bySource: z.array(AcceptanceRowSchema),
  /** Moves into rejected / recycled / disqualified made in the period, by reason. */
  reasons: z.object({ reject: ReasonTableSchema, recycle: ReasonTableSchema, disqualify: ReasonTableSchema }),
});
export type AcceptanceReport = z.infer<typeof AcceptanceReportSchema>;

export const AcceptanceOutcomeSchema = z.enum(["accepted", "rejected", "pending", "recycled", "disqualified"]);
export const ReasonKindQuerySchema = z.enum(["reject", "recycle", "disqualify"]);

/**
 * Which number to open. Without `reasonKind`: the MQLs handed over in the period (optionally one `outcome`); a
 * breakdown row is opened with its filter (`teamId`, `repId`, `campaignId`, `source`). With `reasonKind`: the moves
 * of that kind in the period, optionally one `reason` code (`none` for moves recorded without one).
 */
export const AcceptanceRecordsQuerySchema = reportQuerySchema({
  outcome: AcceptanceOutcomeSchema.optional(),
  reasonKind: ReasonKindQuerySchema.optional(),
  reason: z.string().trim().min(1).max(100).optional(),
  ...DrillPageQuerySchema.shape,
});
export type AcceptanceRecordsQuery = z.infer<typeof AcceptanceRecordsQuerySchema>;

export const AcceptanceRecordSchema = z.object({
  id: IdSchema,
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** The contact's stage today. */
  stage: z.string(),
  /** When it was handed over (moved into mql); null in a reason list for a move not out of mql. */
  handedOverAt: TimestampSchema.nullable(),
  outcome: AcceptanceOutcomeSchema,
  decidedAt: TimestampSchema.nullable(),
  reasonCode: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  ownerName: z.string().nullable(),
  source: z.string().nullable(),
  campaignName: z.string().nullable(),
});
export const AcceptanceRecordsSchema = z.object({ items: z.array(AcceptanceRecordSchema), total: z.number().int() });
export type AcceptanceRecords = z.infer<typeof AcceptanceRecordsSchema>;
