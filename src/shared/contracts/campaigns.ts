import { z } from "zod";
import { LIMITS } from "../limits.js";
import { CHANNELS } from "../domain/touchpoints.js";
import { DateOnlySchema, ExternalIdsSchema, IdSchema, TimestampSchema, csvQuery, listQuerySchema, nameField, optionalText, pageSchema } from "./common.js";

export const CAMPAIGN_STATUSES = ["planned", "active", "completed", "cancelled"] as const;
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export const CampaignChannelSchema = z.enum(CHANNELS);

export const CampaignSchema = z.object({
  id: IdSchema,
  name: z.string(),
  channel: CampaignChannelSchema,
  vehicle: z.string().nullable(),
  status: CampaignStatusSchema,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  budget: z.number(),
  actualCost: z.number(),
  targetPersonas: z.array(z.string()),
  ownerId: IdSchema.nullable(),
  externalIds: ExternalIdsSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignCostSchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  incurredOn: z.string(),
  amount: z.number(),
  description: z.string(),
  createdAt: TimestampSchema,
});
export type CampaignCost = z.infer<typeof CampaignCostSchema>;

/** A campaign with its cost lines and the headline numbers the detail page shows. */
export const CampaignDetailSchema = CampaignSchema.extend({
  ownerName: z.string().nullable(),
  costs: z.array(CampaignCostSchema),
  stats: z.object({
    touchpoints: z.number().int(),
    contactsReached: z.number().int(),
    leadsSourced: z.number().int(),
    mqls: z.number().int(),
    dealsSourced: z.number().int(),
    pipeline: z.number(),
    wonRevenue: z.number(),
  }),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

const campaignFields = {
  name: nameField(),
  channel: CampaignChannelSchema,
  vehicle: optionalText(100),
  status: CampaignStatusSchema.optional(),
  startsOn: DateOnlySchema.nullable().optional(),
  endsOn: DateOnlySchema.nullable().optional(),
  budget: z.number().min(0).max(1e12).optional(),
  targetPersonas: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  ownerId: IdSchema.nullable().optional(),
  externalIds: ExternalIdsSchema.optional(),
};

const datesInOrder = (v: { startsOn?: string | null; endsOn?: string | null }) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;

export const CreateCampaignBodySchema = z.object(campaignFields).refine(datesInOrder, { message: "must be on or after startsOn", path: ["endsOn"] });
export type CreateCampaignBody = z.infer<typeof CreateCampaignBodySchema>;

export const UpdateCampaignBodySchema = z
  .object(campaignFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change")
  .refine(datesInOrder, { message: "must be on or after startsOn", path: ["endsOn"] });
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBodySchema>;

export const CreateCampaignCostBodySchema = z.object({
  incurredOn: DateOnlySchema,
  amount: z.number().min(-1e10).max(1e10).refine((v) => v !== 0, "must not be zero"),
  description: nameField(LIMITS.shortText),
});
export type CreateCampaignCostBody = z.infer<typeof CreateCampaignCostBodySchema>;
export const CampaignCostParamsSchema = z.object({ id: IdSchema, costId: IdSchema });

export const CAMPAIGN_SORTS = ["startsOn", "name", "actualCost", "createdAt"] as const;
export const ListCampaignsQuerySchema = listQuerySchema(CAMPAIGN_SORTS).extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  channel: csvQuery(CampaignChannelSchema).optional(),
  status: csvQuery(CampaignStatusSchema).optional(),
});
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuerySchema>;
export const CampaignPageSchema = pageSchema(CampaignSchema);
