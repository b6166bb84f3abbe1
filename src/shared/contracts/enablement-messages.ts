import { z } from "zod";
import { LIMITS } from "../limits.js";
import { IdSchema, QueryBooleanSchema, TimestampSchema, nameField } from "./common.js";

/** A value proposition, an FAQ (title = the question, body = the answer) or a talk track. */
export const MESSAGE_KINDS = ["value_prop", "faq", "talk_track"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = { value_prop: "Value proposition", faq: "FAQ", talk_track: "Talk track" };

export const MessageSchema = z.object({
  id: IdSchema,
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  personaId: IdSchema.nullable(),
  personaName: z.string().nullable(),
  productId: IdSchema.nullable(),
  productName: z.string().nullable(),
  ownerId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  archivedAt: TimestampSchema.nullable(),
  /** ts_rank of the search (0 without one). */
  rank: z.number(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Message = z.infer<typeof MessageSchema>;

export const MessageListQuerySchema = z.object({
  /** Full-text search (websearch syntax: "quoted phrase", -word, or). */
  q: z.string().trim().max(200).optional(),
  kind: z.enum(MESSAGE_KINDS).optional(),
  personaId: IdSchema.optional(),
  productId: IdSchema.optional(),
  /** Archived messages only with `archived=true`; live ones by default. */
  archived: QueryBooleanSchema.default(false),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type MessageListQuery = z.infer<typeof MessageListQuerySchema>;
export const MessageListSchema = z.object({ items: z.array(MessageSchema), total: z.number().int() });
export type MessageList = z.infer<typeof MessageListSchema>;

const body = z.string().trim().min(1).max(LIMITS.longText);

export const CreateMessageBodySchema = z.object({
  kind: z.enum(MESSAGE_KINDS),
  title: nameField(LIMITS.shortText),
  body,
  personaId: IdSchema.nullable().optional(),
  productId: IdSchema.nullable().optional(),
  ownerId: IdSchema.nullable().optional(),
});
export type CreateMessageBody = z.infer<typeof CreateMessageBodySchema>;

export const UpdateMessageBodySchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS).optional(),
    title: nameField(LIMITS.shortText).optional(),
    body: body.optional(),
    personaId: IdSchema.nullable().optional(),
    productId: IdSchema.nullable().optional(),
    ownerId: IdSchema.nullable().optional(),
    /** true archives (out of the reps' views), false restores. */
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "give at least one field", path: ["title"] });
export type UpdateMessageBody = z.infer<typeof UpdateMessageBodySchema>;

/** The messaging a rep needs for a contact: that of the contact's persona, then the general messages (no persona). */
export const ContactMessagingSchema = z.object({
  persona: z.string().nullable(),
  /** The definition the contact's persona names (null: none defined by that name). */
  personaId: IdSchema.nullable(),
  valueProps: z.array(MessageSchema),
  talkTracks: z.array(MessageSchema),
  faqs: z.array(MessageSchema),
});
export type ContactMessaging = z.infer<typeof ContactMessagingSchema>;
