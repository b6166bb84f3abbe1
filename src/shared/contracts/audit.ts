import { z } from "zod";
import { IdSchema, TimestampSchema, listQuerySchema, pageSchema } from "./common.js";

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  actorUserId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorTokenId: IdSchema.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: IdSchema.nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const ListAuditQuerySchema = listQuerySchema(["at"] as const).extend({
  entity: z.string().max(50).optional(),
  entityId: IdSchema.optional(),
  actorUserId: IdSchema.optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuerySchema>;
export const AuditPageSchema = pageSchema(AuditEntrySchema);
