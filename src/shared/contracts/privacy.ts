import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common.js";

const Records = z.array(z.record(z.string(), z.unknown()));

/** GET /contacts/:id/export: everything Tandem holds about a contact (GDPR access request). */
export const ContactExportSchema = z.object({
  exportedAt: TimestampSchema,
  contact: z.record(z.string(), z.unknown()),
  stageTransitions: Records,
  touchpoints: Records,
  scoreEvents: Records,
  deals: Records,
  handoffs: Records,
  slaTimers: Records,
  playbookAssignments: Records,
  visitorIds: z.array(z.string()),
  auditEntries: Records,
});
export type ContactExportDocument = z.infer<typeof ContactExportSchema>;

/** The word the caller types to confirm an erasure, which cannot be undone. */
export const ERASE_CONFIRMATION = "ERASE";
export const EraseContactBodySchema = z.object({ confirm: z.literal(ERASE_CONFIRMATION, { error: `type ${ERASE_CONFIRMATION} to confirm` }) });
export type EraseContactBody = z.infer<typeof EraseContactBodySchema>;

export const EraseContactResultSchema = z.object({
  contactId: IdSchema,
  erased: z.literal(true),
  /** Whether an e-mail was added to the suppression list (a contact without one cannot come back by e-mail). */
  suppressed: z.boolean(),
  touchpointsDeleted: z.number().int(),
});
export type EraseContactResult = z.infer<typeof EraseContactResultSchema>;
