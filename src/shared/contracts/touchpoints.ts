import { z } from "zod";
import { LIMITS } from "../limits.js";
import { TOUCHPOINT_TYPES } from "../domain/touchpoints.js";
import { ChannelSchema } from "./contacts.js";
import { IdSchema, PropertiesSchema, TimestampInputSchema, TimestampSchema, csvQuery, listQuerySchema, pageSchema } from "./common.js";

export const TouchpointTypeSchema = z.enum(TOUCHPOINT_TYPES);

export const TouchpointSchema = z.object({
  id: IdSchema,
  contactId: IdSchema.nullable(),
  accountId: IdSchema.nullable(),
  campaignId: IdSchema.nullable(),
  assetId: IdSchema.nullable(),
  type: TouchpointTypeSchema,
  category: z.enum(["marketing", "sales"]),
  channel: z.string().nullable(),
  occurredAt: TimestampSchema,
  receivedAt: TimestampSchema,
  properties: z.record(z.string(), z.unknown()),
  source: z.string(),
  clientEventId: z.string().nullable(),
  actorUserId: IdSchema.nullable(),
});
export type Touchpoint = z.infer<typeof TouchpointSchema>;

/** A touchpoint with the names of what it refers to, for lists. */
export const TouchpointListItemSchema = TouchpointSchema.extend({
  contactName: z.string().nullable(),
  accountName: z.string().nullable(),
  campaignName: z.string().nullable(),
});
export type TouchpointListItem = z.infer<typeof TouchpointListItemSchema>;

export const CreateTouchpointBodySchema = z
  .object({
    contactId: IdSchema.optional(),
    accountId: IdSchema.optional(),
    campaignId: IdSchema.nullable().optional(),
    type: TouchpointTypeSchema,
    channel: ChannelSchema.nullable().optional(),
    occurredAt: TimestampInputSchema.optional(),
    properties: PropertiesSchema.optional(),
    clientEventId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => v.contactId || v.accountId, { message: "give a contactId or an accountId", path: ["contactId"] });
export type CreateTouchpointBody = z.infer<typeof CreateTouchpointBodySchema>;

export const TOUCHPOINT_SORTS = ["occurredAt"] as const;
export const ListTouchpointsQuerySchema = listQuerySchema(TOUCHPOINT_SORTS).extend({
  contactId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  campaignId: IdSchema.optional(),
  type: csvQuery(TouchpointTypeSchema).optional(),
  category: z.enum(["marketing", "sales"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListTouchpointsQuery = z.infer<typeof ListTouchpointsQuerySchema>;
export const TouchpointPageSchema = pageSchema(TouchpointListItemSchema);
export const TOUCHPOINT_BATCH_MAX = LIMITS.batch;
