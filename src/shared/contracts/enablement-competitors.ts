import { z } from "zod";
import { LIMITS } from "../limits.js";
import { DateOnlySchema, IdSchema, TimestampSchema, nameField, optionalText } from "./common.js";

const item = z.string().trim().min(1).max(LIMITS.reason);
const list = z.array(item).max(50);

export const CompetitorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  website: z.string().nullable(),
  positioning: z.string().nullable(),
  pricing: z.string().nullable(),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Competitor = z.infer<typeof CompetitorSchema>;

export const ObjectionHandlingSchema = z.object({ objection: item, response: item });

export const BattlecardSchema = z.object({
  competitorId: IdSchema,
  ownerId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  whyWeWin: z.array(z.string()),
  objections: z.array(z.object({ objection: z.string(), response: z.string() })),
  landmines: z.array(z.string()),
  proofPoints: z.array(z.string()),
  version: z.number().int(),
  updatedAt: TimestampSchema,
  updatedBy: IdSchema.nullable(),
  updatedByName: z.string().nullable(),
});
export type Battlecard = z.infer<typeof BattlecardSchema>;

/** Closed deals a competitor was tagged on: win rate = won / (won + lost); no-decision deals are not in the rate. */
export const CompetitorRecordSchema = z.object({
  openDeals: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  noDecision: z.number().int(),
  winRate: z.number().nullable(),
  lossReasons: z.array(z.object({ code: z.string().nullable(), label: z.string(), deals: z.number().int() })),
});
export type CompetitorRecord = z.infer<typeof CompetitorRecordSchema>;

export const CompetitorListItemSchema = CompetitorSchema.extend({ hasBattlecard: z.boolean(), record: CompetitorRecordSchema });
export const CompetitorListSchema = z.object({ items: z.array(CompetitorListItemSchema) });
export type CompetitorListItem = z.infer<typeof CompetitorListItemSchema>;

export const CompetitorDealSchema = z.object({ id: IdSchema, name: z.string(), stage: z.string(), amount: z.number(), outcome: z.string().nullable() });

export const CompetitorDetailSchema = CompetitorSchema.extend({
  battlecard: BattlecardSchema.nullable(),
  record: CompetitorRecordSchema,
  deals: z.array(CompetitorDealSchema),
});
export type CompetitorDetail = z.infer<typeof CompetitorDetailSchema>;

const competitorFields = {
  name: nameField(100),
  website: optionalText(500),
  positioning: optionalText(LIMITS.reason),
  pricing: optionalText(LIMITS.reason),
  strengths: list.optional(),
  weaknesses: list.optional(),
};
export const CreateCompetitorBodySchema = z.object(competitorFields);
export type CreateCompetitorBody = z.infer<typeof CreateCompetitorBodySchema>;
export const UpdateCompetitorBodySchema = z
  .object(competitorFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateCompetitorBody = z.infer<typeof UpdateCompetitorBodySchema>;

/** Saves the battlecard whole; `version` is the one the editor started from (409 when someone saved since). */
export const SaveBattlecardBodySchema = z.object({
  ownerId: IdSchema.nullable().optional(),
  whyWeWin: list,
  objections: z.array(ObjectionHandlingSchema).max(50),
  landmines: list,
  proofPoints: list,
  version: z.number().int().min(0).optional(),
});
export type SaveBattlecardBody = z.infer<typeof SaveBattlecardBodySchema>;

/** A competitor on a deal (or on a contact's deals) with its battlecard: what the deal and contact panels show. */
export const EngagedCompetitorSchema = z.object({
  competitor: CompetitorSchema,
  battlecard: BattlecardSchema.nullable(),
  dealIds: z.array(IdSchema),
});
export const EngagedCompetitorListSchema = z.object({ items: z.array(EngagedCompetitorSchema) });
export type EngagedCompetitor = z.infer<typeof EngagedCompetitorSchema>;

export const SetDealCompetitorsBodySchema = z.object({ competitorIds: z.array(IdSchema).max(20) });
export type SetDealCompetitorsBody = z.infer<typeof SetDealCompetitorsBodySchema>;

export const CompetitorWinRatesQuerySchema = z.object({ from: DateOnlySchema.optional(), to: DateOnlySchema.optional() });
export type CompetitorWinRatesQuery = z.infer<typeof CompetitorWinRatesQuerySchema>;

export const CompetitorWinRateRowSchema = z.object({ competitorId: IdSchema, name: z.string() }).extend(CompetitorRecordSchema.shape);
export type CompetitorWinRateRow = z.infer<typeof CompetitorWinRateRowSchema>;
export const CompetitorWinRatesSchema = z.object({ from: z.string(), to: z.string(), items: z.array(CompetitorWinRateRowSchema) });
export type CompetitorWinRates = z.infer<typeof CompetitorWinRatesSchema>;
