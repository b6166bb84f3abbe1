import { z } from "zod";
import { LIMITS } from "../limits.js";
import { DateOnlySchema, IdSchema, TimestampSchema } from "./common.js";
import { FitRuleSchema } from "./agreement.js";
import { HandoffContextSchema } from "./routing.js";
import { SlaTimerSchema } from "./sla.js";

const reasonCode = z.string().trim().min(1).max(100);
const note = z.string().trim().max(LIMITS.reason).optional();

/** Body of POST /leads/:id/accept. */
export const AcceptLeadBodySchema = z.object({ note });
/** Body of POST /leads/:id/reject, /recycle and /disqualify: a reason from the workspace's taxonomy, and a note. */
export const ReasonedLeadBodySchema = z.object({ reasonCode, note });
export type ReasonedLeadBody = z.infer<typeof ReasonedLeadBodySchema>;

export const LEAD_ACTIONS = ["accept", "reject", "recycle", "disqualify"] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];
/** The stage each action moves a lead to. */
export const ACTION_STAGE = { accept: "sal", reject: "rejected", recycle: "recycled", disqualify: "disqualified" } as const;

/** Body of POST /leads/bulk: one action on up to 200 leads, each decided on its own. */
export const BulkLeadActionBodySchema = z
  .object({
    action: z.enum(LEAD_ACTIONS),
    ids: z.array(IdSchema).min(1).max(200).refine((ids) => new Set(ids).size === ids.length, { message: "must not repeat an id" }),
    reasonCode: reasonCode.optional(),
    note,
  })
  .refine((b) => b.action === "accept" || b.reasonCode !== undefined, { message: "is required to reject, recycle or disqualify", path: ["reasonCode"] });
export type BulkLeadActionBody = z.infer<typeof BulkLeadActionBodySchema>;

export const BulkLeadActionResultSchema = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ id: IdSchema, ok: z.boolean(), stage: z.string().nullable(), error: z.string().nullable() })),
});

export const LeadActionResultSchema = z.object({ id: IdSchema, stage: z.string(), ownerId: IdSchema.nullable() });

/** GET /inbox: whose leads (a manager may look at a rep's). */
export const InboxQuerySchema = z.object({ ownerId: IdSchema.optional() });

export const PlaybookHintSchema = z.object({
  playbookId: IdSchema.nullable(),
  name: z.string().nullable(),
  firstChannel: z.string(),
  nextStep: z.string().nullable(),
});

export const InboxItemSchema = z.object({
  contactId: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  accountId: IdSchema.nullable(),
  accountName: z.string().nullable(),
  stage: z.string(),
  stageEnteredAt: TimestampSchema,
  fitGrade: z.string().nullable(),
  engagementScore: z.number(),
  source: z.string().nullable(),
  channel: z.string().nullable(),
  campaignName: z.string().nullable(),
  /** Sales attempts (calls, e-mails, meetings) since the lead last became an MQL. */
  attempts: z.number().int(),
  handoff: z.object({ at: TimestampSchema, reason: z.string(), context: HandoffContextSchema }).nullable(),
  timer: SlaTimerSchema.nullable(),
  /** The recommended playbook's next step, for the 20 most urgent leads (the rest: GET /contacts/:id/playbook). */
  playbook: PlaybookHintSchema.nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxResponseSchema = z.object({
  ownerId: IdSchema,
  ownerName: z.string(),
  role: z.string(),
  items: z.array(InboxItemSchema),
});
export type InboxResponse = z.infer<typeof InboxResponseSchema>;

/** GET /feedback/rejections and /feedback/suggestions: a period (default the last 90 days) and the grouping. */
export const RejectionsQuerySchema = z
  .object({ from: DateOnlySchema.optional(), to: DateOnlySchema.optional(), by: z.enum(["campaign", "source"]).default("campaign") })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] });
export type RejectionsQuery = z.infer<typeof RejectionsQuerySchema>;

export const RejectionGroupSchema = z.object({
  key: z.string(),
  label: z.string(),
  campaignId: IdSchema.nullable(),
  /** MQLs of the group decided in the period. */
  accepted: z.number().int(),
  rejected: z.number().int(),
  rejectionRate: z.number().nullable(),
  reasons: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int(), share: z.number() })),
});
export const RejectionsResponseSchema = z.object({ from: DateOnlySchema, to: DateOnlySchema, by: z.enum(["campaign", "source"]), groups: z.array(RejectionGroupSchema) });
export type RejectionsResponse = z.infer<typeof RejectionsResponseSchema>;

export const SuggestionSchema = z.object({
  /** Stable for the same group, reason and period: what the draft button sends back. */
  key: z.string(),
  by: z.enum(["campaign", "source"]),
  groupKey: z.string(),
  groupLabel: z.string(),
  reasonCode: z.string(),
  reasonLabel: z.string(),
  /** Rejections of the group with this reason ÷ all rejections of the group. */
  share: z.number(),
  count: z.number().int(),
  evidence: z.object({ field: z.string(), values: z.array(z.string()), rejectedShare: z.number(), acceptedShare: z.number() }),
  rule: FitRuleSchema,
  message: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
export const SuggestionsResponseSchema = z.object({ from: DateOnlySchema, to: DateOnlySchema, items: z.array(SuggestionSchema) });

/** Body of POST /feedback/suggestions/draft: which suggestion (by key, within the same period) to draft. */
export const DraftFromSuggestionBodySchema = z.object({
  key: z.string().trim().min(1).max(300),
  from: DateOnlySchema.optional(),
  to: DateOnlySchema.optional(),
});
export const DraftFromSuggestionResponseSchema = z.object({ definitionId: IdSchema, version: z.number().int(), rule: FitRuleSchema });
