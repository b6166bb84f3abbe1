import { z } from "zod";
import { IdSchema, TimestampSchema, listQuerySchema, pageSchema } from "./common.js";

/** One in-app notification of the current user. */
export const NotificationSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ListNotificationsQuerySchema = listQuerySchema(["createdAt"] as const).extend({
  unread: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;
export const NotificationPageSchema = pageSchema(NotificationSchema).extend({ unread: z.number().int() });

export const MarkReadBodySchema = z
  .object({ ids: z.array(IdSchema).min(1).max(500).optional(), all: z.literal(true).optional() })
  .refine((b) => (b.ids ? !b.all : b.all), { message: "give either ids or all: true", path: ["ids"] });
export type MarkReadBody = z.infer<typeof MarkReadBodySchema>;
export const MarkReadResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
