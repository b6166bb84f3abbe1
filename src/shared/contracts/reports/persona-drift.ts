import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

export const PERSONA_MIXES = ["targeted", "engaged", "buyers"] as const;

/** One persona mix: weights per persona (known personas only) and their shares of the known total. */
export const PersonaMixSchema = z.object({
  /** Σ weight over known personas: campaign cost (targeted), MQLs (engaged), won deals (buyers). */
  total: z.number(),
  /** Weight that could not be given a persona (untargeted campaign cost, MQLs or buyers without a persona), left out of the shares. */
  unknown: z.number(),
  personas: z.array(z.object({ persona: z.string(), weight: z.number(), share: z.number() })),
});
export type PersonaMix = z.infer<typeof PersonaMixSchema>;

export const PersonaDriftSchema = z.object({
  mixes: z.object({ targeted: PersonaMixSchema, engaged: PersonaMixSchema, buyers: PersonaMixSchema }),
  /** Total-variation distance ½ Σ |p − q| between two mixes (0 same, 1 disjoint); null when either is empty. */
  distances: z.object({ targetedVsEngaged: z.number().nullable(), engagedVsBuyers: z.number().nullable(), targetedVsBuyers: z.number().nullable() }),
  /** The three shares per persona side by side, largest buyer share first. */
  sideBySide: z.array(z.object({ persona: z.string(), targeted: z.number(), engaged: z.number(), buyers: z.number() })),
});
export type PersonaDrift = z.infer<typeof PersonaDriftSchema>;

export const PersonaDriftQuerySchema = reportQuerySchema({});

/** Which number to open: one `mix` and one `persona` (`unknown` for none). */
export const PersonaDriftRecordsQuerySchema = reportQuerySchema({
  mix: z.enum(PERSONA_MIXES),
  persona: z.string().trim().min(1).max(100),
  ...DrillPageQuerySchema.shape,
});
export type PersonaDriftRecordsQuery = z.infer<typeof PersonaDriftRecordsQuerySchema>;

export const PersonaCampaignRecordSchema = z.object({
  kind: z.literal("campaign"),
  id: IdSchema,
  name: z.string(),
  channel: z.string(),
  targetPersonas: z.array(z.string()),
  /** Cost in the period, and the part of it credited to this persona (cost ÷ its personas). */
  cost: z.number(),
  weight: z.number(),
});
export const PersonaContactRecordSchema = z.object({
  kind: z.literal("contact"),
  id: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  persona: z.string().nullable(),
  title: z.string().nullable(),
  /** Engaged: when it became MQL. Buyers: the won deal, its close and the contact's role; weight = 1 ÷ the deal's people. */
  mqlAt: TimestampSchema.nullable(),
  dealId: IdSchema.nullable(),
  dealName: z.string().nullable(),
  role: z.string().nullable(),
  closedAt: TimestampSchema.nullable(),
  weight: z.number(),
});
export const PersonaDriftRecordsSchema = z.object({
  items: z.array(z.discriminatedUnion("kind", [PersonaCampaignRecordSchema, PersonaContactRecordSchema])),
  total: z.number().int(),
});
export type PersonaDriftRecords = z.infer<typeof PersonaDriftRecordsSchema>;
