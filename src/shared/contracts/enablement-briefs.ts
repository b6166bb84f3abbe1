import { z } from "zod";
import { LIMITS } from "../limits.js";
import { DateOnlySchema, IdSchema, TimestampSchema } from "./common.js";

const text = (max: number = LIMITS.reason) => z.string().trim().min(1).max(max);
const optional = (max: number = LIMITS.reason) => z.string().trim().max(max).nullable().optional();

export const BriefFaqSchema = z.object({ question: text(500), answer: text() });
/** A multiple-choice question of the readiness check; `correct` is the index of the right option. */
export const CheckQuestionInputSchema = z
  .object({ question: text(500), options: z.array(text(300)).min(2).max(6), correct: z.number().int().min(0) })
  .refine((q) => q.correct < q.options.length, { message: "must be the index of one of the options", path: ["correct"] });

export const ReadinessSchema = z.object({
  inScope: z.number().int(),
  acknowledged: z.number().int(),
  passed: z.number().int(),
  /** Acknowledged and check passed. */
  ready: z.number().int(),
  /** ready / inScope, null before publishing (nobody in scope yet). */
  share: z.number().nullable(),
  threshold: z.number(),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

export const BriefRecipientSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  acknowledgedAt: TimestampSchema.nullable(),
  checkPassedAt: TimestampSchema.nullable(),
  attempts: z.number().int(),
});

export const BriefSchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  campaignName: z.string(),
  message: z.string(),
  audience: z.string(),
  offer: z.string().nullable(),
  callToAction: z.string().nullable(),
  talkTrack: z.string().nullable(),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  scopeTeamId: IdSchema.nullable(),
  scopeMemberIds: z.array(IdSchema),
  /** `correct` is shown to enablement authors only (null for everyone else). */
  questions: z.array(z.object({ question: z.string(), options: z.array(z.string()), correct: z.number().int().nullable() })),
  status: z.enum(["draft", "published"]),
  publishedAt: TimestampSchema.nullable(),
  launchCheckedAt: TimestampSchema.nullable(),
  readinessAtLaunch: z.number().nullable(),
  flaggedAt: TimestampSchema.nullable(),
  readiness: ReadinessSchema,
  /** The caller's own status when they are in scope. */
  mine: BriefRecipientSchema.nullable(),
  /** Everyone in scope (enablement authors and managers only; empty for reps). */
  recipients: z.array(BriefRecipientSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Brief = z.infer<typeof BriefSchema>;
export const BriefListSchema = z.object({ items: z.array(BriefSchema) });

const briefFields = {
  message: text(),
  audience: text(),
  offer: optional(),
  callToAction: optional(),
  talkTrack: optional(LIMITS.longText),
  faq: z.array(BriefFaqSchema).max(30).optional(),
  startsOn: DateOnlySchema.nullable().optional(),
  endsOn: DateOnlySchema.nullable().optional(),
  scopeTeamId: IdSchema.nullable().optional(),
  scopeMemberIds: z.array(IdSchema).max(500).optional(),
  questions: z.array(CheckQuestionInputSchema).min(1).max(10),
};
export const CreateBriefBodySchema = z.object({ campaignId: IdSchema, ...briefFields });
export type CreateBriefBody = z.infer<typeof CreateBriefBodySchema>;
export const UpdateBriefBodySchema = z
  .object(briefFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateBriefBody = z.infer<typeof UpdateBriefBodySchema>;

export const AnswerCheckBodySchema = z.object({ answers: z.array(z.number().int().min(0)).min(1).max(10) });
export type AnswerCheckBody = z.infer<typeof AnswerCheckBodySchema>;
export const CheckResultSchema = z.object({ passed: z.boolean(), correct: z.number().int(), total: z.number().int(), brief: BriefSchema });

export const EnablementSettingsSchema = z.object({ readinessThreshold: z.number() });
export const UpdateEnablementSettingsBodySchema = z.object({ readinessThreshold: z.number().min(0).max(1) });
export type UpdateEnablementSettingsBody = z.infer<typeof UpdateEnablementSettingsBodySchema>;

/** Ready share below the threshold at launch: the brief is flagged (pure rule, shared with the web app). */
export function isBelowThreshold(ready: number, inScope: number, threshold: number): boolean {
  return inScope > 0 && ready / inScope < threshold;
}
