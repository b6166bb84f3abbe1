import { z } from "zod";
import { IdSchema } from "./common.js";

export const REASON_KINDS = ["reject", "recycle", "disqualify", "loss", "no_decision", "win"] as const;
export const ReasonKindSchema = z.enum(REASON_KINDS);
export type ReasonKind = z.infer<typeof ReasonKindSchema>;

export const ReasonCodeSchema = z.object({ id: IdSchema, kind: ReasonKindSchema, code: z.string(), label: z.string(), active: z.boolean() });
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;
export const ReasonCodeListSchema = z.object({ items: z.array(ReasonCodeSchema) });
export const ListReasonCodesQuerySchema = z.object({ kind: ReasonKindSchema.optional() });
