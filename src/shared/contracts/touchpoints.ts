import { z } from "zod";
import { LIMITS } from "../limits.js";
import { TOUCHPOINT_TYPES } from "../domain/touchpoints.js";
import { ChannelSchema } from "./contacts.js";
import { EmailSchema, IdSchema, PropertiesSchema, TimestampInputSchema, TimestampSchema, csvQuery, listQuerySchema, pageSchema } from "./common.js";

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

/** UTM parameters captured with an event (first and last touch on the contact). */
export const UtmSchema = z
  .object({
    source: z.string().max(LIMITS.shortText).optional(),
    medium: z.string().max(LIMITS.shortText).optional(),
    campaign: z.string().max(LIMITS.shortText).optional(),
    term: z.string().max(LIMITS.shortText).optional(),
    content: z.string().max(LIMITS.shortText).optional(),
  })
  .strict();
export type Utm = z.infer<typeof UtmSchema>;

export const VisitorIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, "8–64 letters, digits, - or _");

/** One event of a batch: who (contact id, e-mail, or anonymous visitor id), what, when. */
export const IngestEventSchema = z
  .object({
    clientEventId: z.string().trim().min(1).max(200).optional(),
    type: TouchpointTypeSchema,
    occurredAt: TimestampInputSchema.optional(),
    contactId: IdSchema.optional(),
    accountId: IdSchema.optional(),
    email: EmailSchema.optional(),
    firstName: z.string().trim().max(LIMITS.name).optional(),
    lastName: z.string().trim().max(LIMITS.name).optional(),
    visitorId: VisitorIdSchema.optional(),
    campaignId: IdSchema.nullable().optional(),
    channel: ChannelSchema.nullable().optional(),
    properties: PropertiesSchema.optional(),
    utm: UtmSchema.optional(),
    /** A form_submit's first campaign touch, when the sender remembered one (else `utm` becomes the first touch). */
    utmFirst: UtmSchema.optional(),
  })
  .strict()
  .refine((v) => v.contactId || v.accountId || v.email || v.visitorId, { message: "give a contactId, accountId, email or visitorId", path: ["email"] });
export type IngestEvent = z.infer<typeof IngestEventSchema>;

/** A batch: items are validated one by one so each bad one is reported by its index. */
export const IngestBatchBodySchema = z.object({
  events: z.array(z.unknown()).min(1).max(TOUCHPOINT_BATCH_MAX),
  partial: z.boolean().optional(),
});
export type IngestBatchBody = z.infer<typeof IngestBatchBodySchema>;
export const IngestBatchQuerySchema = z.object({ partial: z.enum(["true", "false"]).optional() });

export const INGEST_ITEM_STATUSES = ["created", "duplicate", "suppressed", "rejected"] as const;
export const IngestItemResultSchema = z.object({
  index: z.number().int(),
  status: z.enum(INGEST_ITEM_STATUSES),
  id: IdSchema.nullable(),
  contactId: IdSchema.nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IngestItemResult = z.infer<typeof IngestItemResultSchema>;
export const IngestBatchResultSchema = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
  suppressed: z.number().int(),
  rejected: z.number().int(),
  contactsCreated: z.number().int(),
  items: z.array(IngestItemResultSchema),
});
export type IngestBatchResult = z.infer<typeof IngestBatchResultSchema>;
