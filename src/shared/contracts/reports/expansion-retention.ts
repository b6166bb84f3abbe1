import { z } from "zod";
import { reportQuerySchema } from "./filters.js";

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
