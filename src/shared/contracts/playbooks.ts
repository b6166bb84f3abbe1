import { z } from "zod";
import { LIMITS } from "../limits.js";
import { FOLLOW_UP_CHANNELS } from "../domain/playbooks.js";
import { ChannelSchema } from "./contacts.js";
import { DateOnlySchema, IdSchema, TimestampSchema, nameField, optionalText } from "./common.js";

export const MAX_PLAYBOOKS = 100;
export const MAX_PLAYBOOK_STEPS = 20;
/** The latest business day a step may be planned for. */
export const MAX_STEP_DAY = 60;
/** The longest period the adherence report covers. */
export const MAX_REPORT_DAYS = 366;

export const FollowUpChannelSchema = z.enum(FOLLOW_UP_CHANNELS);

const matchValue = z.string().trim().min(1).max(100);
/** Which leads a playbook is for; an empty list matches any value. */
export const PlaybookMatchSchema = z.object({
  sources: z.array(matchValue).max(20).default([]),
  channels: z.array(ChannelSchema).max(12).default([]),
  personas: z.array(matchValue).max(20).default([]),
});

export const PlaybookStepSchema = z.object({
  /** Business days after the handoff: 0 is the day of the handoff. */
  day: z.number().int().min(0).max(MAX_STEP_DAY),
  channel: FollowUpChannelSchema,
  action: nameField(LIMITS.shortText),
  talkTrack: optionalText(LIMITS.reason).transform((v) => v ?? null),
  assetId: IdSchema.nullable().default(null),
});

/** Steps in order of day (equal days keep their order). */
const stepsField = z
  .array(PlaybookStepSchema)
  .max(MAX_PLAYBOOK_STEPS)
  .superRefine((steps, ctx) => {
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.day < steps[i - 1]!.day) ctx.addIssue({ code: "custom", path: [i, "day"], message: "must be on or after the previous step's day" });
    }
  });

/** A new playbook; it goes to the end of the order. */
export const CreatePlaybookBodySchema = z.object({
  name: nameField(LIMITS.name),
  description: optionalText(LIMITS.reason),
  match: PlaybookMatchSchema.default({ sources: [], channels: [], personas: [] }),
  firstChannel: FollowUpChannelSchema,
  steps: stepsField.default([]),
  enabled: z.boolean().default(true),
});
export type CreatePlaybookBody = z.infer<typeof CreatePlaybookBodySchema>;

/** Changes some of a playbook's fields; lists given replace the stored ones. */
export const UpdatePlaybookBodySchema = z
  .object({
    name: nameField(LIMITS.name).optional(),
    description: optionalText(LIMITS.reason),
    match: PlaybookMatchSchema.optional(),
    firstChannel: FollowUpChannelSchema.optional(),
    steps: stepsField.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "give at least one field to change");
export type UpdatePlaybookBody = z.infer<typeof UpdatePlaybookBodySchema>;

/** The new order: every playbook's id exactly once, first to last. */
export const ReorderPlaybooksBodySchema = z.object({ ids: z.array(IdSchema).max(MAX_PLAYBOOKS) });
export type ReorderPlaybooksBody = z.infer<typeof ReorderPlaybooksBodySchema>;

const StoredStepSchema = z.object({ day: z.number().int(), channel: FollowUpChannelSchema, action: z.string(), talkTrack: z.string().nullable(), assetId: IdSchema.nullable() });

export const PlaybookSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  match: z.object({ sources: z.array(z.string()), channels: z.array(z.string()), personas: z.array(z.string()) }),
  firstChannel: FollowUpChannelSchema,
  steps: z.array(StoredStepSchema),
  enabled: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Playbook = z.infer<typeof PlaybookSchema>;
export const PlaybookListSchema = z.object({ items: z.array(PlaybookSchema) });

export const StepProgressSchema = z.object({
  index: z.number().int(),
  day: z.number().int(),
  channel: FollowUpChannelSchema,
  action: z.string(),
  talkTrack: z.string().nullable(),
  assetId: IdSchema.nullable(),
  dueAt: TimestampSchema,
  status: z.enum(["done", "late", "missed", "pending", "skipped"]),
  doneAt: TimestampSchema.nullable(),
});
export type StepProgress = z.infer<typeof StepProgressSchema>;

/** The playbook for a lead and how its follow-up is going. */
export const ContactPlaybookSchema = z.object({
  contactId: IdSchema,
  /** The assigned playbook, or the one that matches now when the lead has no assignment; null when none matches. */
  playbook: PlaybookSchema.nullable(),
  /** Why: assigned at a handoff, or matched now (not yet handed off, or no playbook matched then). */
  basis: z.enum(["assigned", "matched", "none"]),
  assignment: z.object({ id: IdSchema, repId: IdSchema, repName: z.string().nullable(), handoffId: IdSchema.nullable(), assignedAt: TimestampSchema }).nullable(),
  firstChannel: z.object({ channel: FollowUpChannelSchema, basis: z.enum(["playbook", "converting_touch"]) }),
  /** Progress since the assignment; null before a handoff. */
  progress: z
    .object({
      firstTouch: z.object({ at: TimestampSchema, channel: FollowUpChannelSchema }).nullable(),
      firstTouchOnChannel: z.boolean().nullable(),
      steps: z.array(StepProgressSchema),
      stepsDue: z.number().int(),
      stepsOnTime: z.number().int(),
      share: z.number().nullable(),
      nextStep: StepProgressSchema.nullable(),
      /** When the lead left the sales side (rejected, recycled, disqualified) after the handoff. */
      endedAt: TimestampSchema.nullable(),
    })
    .nullable(),
});
export type ContactPlaybook = z.infer<typeof ContactPlaybookSchema>;

export const ADHERENCE_GROUPS = ["rep", "source"] as const;

/** The adherence report's period (`from` inclusive, `to` exclusive, local dates of the workspace) and grouping. */
export const AdherenceReportQuerySchema = z
  .object({ from: DateOnlySchema, to: DateOnlySchema, groupBy: z.enum(ADHERENCE_GROUPS).default("rep") })
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
    if (days <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_REPORT_DAYS} days after from` });
  });
export type AdherenceReportQuery = z.infer<typeof AdherenceReportQuerySchema>;

export const AdherenceRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  leads: z.number().int(),
  touched: z.number().int(),
  firstTouchOnChannel: z.number().int(),
  stepsDue: z.number().int(),
  stepsOnTime: z.number().int(),
  firstTouchOnChannelRate: z.number().nullable(),
  stepsOnTimeRate: z.number().nullable(),
  adherenceRate: z.number().nullable(),
});
export type AdherenceRow = z.infer<typeof AdherenceRowSchema>;

export const AdherenceReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(ADHERENCE_GROUPS),
  rows: z.array(AdherenceRowSchema),
  total: AdherenceRowSchema,
});
export type AdherenceReport = z.infer<typeof AdherenceReportSchema>;
