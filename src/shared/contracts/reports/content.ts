import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { reportQuerySchema } from "./filters.js";
import { RatioSchema } from "./lead-common.js";
import { ASSET_FORMATS, BUYING_STAGES } from "../../domain/content.js";

/** Days without a use after which a published asset counts as unused. */
export const UNUSED_AFTER_DAYS = 90;

export const ContentUsageQuerySchema = reportQuerySchema({ groupBy: z.enum(["rep", "team"]).default("rep") });
export type ContentUsageQuery = z.infer<typeof ContentUsageQuerySchema>;
export const ContentUsageSchema = z.object({
  groupBy: z.enum(["rep", "team"]),
  rows: z.array(
    z.object({
      /** The rep or team (null: reps in no team). */
      id: IdSchema.nullable(),
      name: z.string(),
      /** Tracked links created in the period. */
      shares: z.number().int(),
      /** Assets attached to deals in the period. */
      attachments: z.number().int(),
      /** Prospect views in the period of links this rep (team) shared. */
      views: z.number().int(),
      /** Distinct assets shared or attached. */
      assets: z.number().int(),
    }),
  ),
});
export type ContentUsage = z.infer<typeof ContentUsageSchema>;

const AssetRefSchema = z.object({ assetId: IdSchema, title: z.string(), buyingStage: z.enum(BUYING_STAGES), format: z.enum(ASSET_FORMATS) });

export const ContentUnusedQuerySchema = reportQuerySchema({});
export const ContentUnusedSchema = z.object({
  /** The end of the period: an asset is unused when it has no use in the 90 days before it. */
  asOf: TimestampSchema,
  /** Published assets (published before asOf). */
  library: z.number().int(),
  neverUsed: z.number().int(),
  /** Used once, but not in the last 90 days. */
  stale: z.number().int(),
  /** (neverUsed + stale) ÷ library. */
  unusedShare: RatioSchema,
  rows: z.array(AssetRefSchema.extend({ lastUsedAt: TimestampSchema.nullable(), uses: z.number().int() })),
});
export type ContentUnused = z.infer<typeof ContentUnusedSchema>;

const WinLossSchema = z.object({ won: z.number().int(), lost: z.number().int(), winRate: RatioSchema });
export const ContentEffectivenessQuerySchema = reportQuerySchema({});
export const ContentEffectivenessSchema = z.object({
  /** Deals closed won or lost in the period: all, with some content on them, without any. */
  all: WinLossSchema,
  withContent: WinLossSchema,
  withoutContent: WinLossSchema,
  rows: z.array(
    AssetRefSchema.extend({
      ...WinLossSchema.shape,
      /** Deals created in the period with the asset on them, and their amount. */
      pipelineDeals: z.number().int(),
      influencedPipeline: z.number(),
      /** Amount of the won deals above. */
      influencedRevenue: z.number(),
    }),
  ),
});
export type ContentEffectiveness = z.infer<typeof ContentEffectivenessSchema>;

export const ContentRoiQuerySchema = reportQuerySchema({});
export const ContentRoiSchema = z.object({
  /** Production cost of the costed assets, the revenue of the distinct won deals they were on, ROI = (revenue − cost) ÷ cost. */
  totals: z.object({ cost: z.number(), influencedRevenue: z.number(), roi: RatioSchema }),
  rows: z.array(AssetRefSchema.extend({ cost: z.number(), wonDeals: z.number().int(), influencedRevenue: z.number(), roi: RatioSchema })),
});
export type ContentRoi = z.infer<typeof ContentRoiSchema>;
