import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ROUTING_RULE_KINDS } from "../domain/routing.js";
import { ConditionSchema } from "./agreement.js";
import { IdSchema, TimestampSchema, listQuerySchema, nameField, pageSchema } from "./common.js";

export const RoutingRuleKindSchema = z.enum(ROUTING_RULE_KINDS);
export const MAX_ROUTING_RULES = 100;
export const MAX_POD_MEMBERS = 20;

const ruleFields = {
  name: nameField(LIMITS.name),
  conditions: z.array(ConditionSchema).max(10),
  /** territory: the rep the rule assigns to. */
  assigneeId: IdSchema.nullable(),
  /** round_robin: the team whose sales-side members take turns. */
  teamId: IdSchema.nullable(),
  /** round_robin: most open leads (mql/sal) a rep may hold; null = no cap. */
  capacity: z.number().int().min(1).max(100_000).nullable(),
  enabled: z.boolean(),
};

/** What a rule of each kind needs: a territory names its rep, a round-robin its team. */
export function ruleKindIssue(kind: string, v: { assigneeId?: string | null; teamId?: string | null }): { path: "assigneeId" | "teamId"; message: string } | null {
  if (kind === "territory" && !v.assigneeId) return { path: "assigneeId", message: "a territory rule needs an assignee" };
  if (kind === "round_robin" && !v.teamId) return { path: "teamId", message: "a round-robin rule needs a team" };
  return null;
}

/** A new routing rule; it goes to the end of the order. */
export const CreateRoutingRuleBodySchema = z
  .object({
    kind: RoutingRuleKindSchema,
    name: ruleFields.name,
    conditions: ruleFields.conditions.default([]),
    assigneeId: ruleFields.assigneeId.optional(),
    teamId: ruleFields.teamId.optional(),
    capacity: ruleFields.capacity.optional(),
    enabled: ruleFields.enabled.default(true),
  })
  .superRefine((v, ctx) => {
    const issue = ruleKindIssue(v.kind, v);
    if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type CreateRoutingRuleBody = z.infer<typeof CreateRoutingRuleBodySchema>;

/** Changes some of a rule's fields (the kind included); the result must still be complete for its kind. */
export const UpdateRoutingRuleBodySchema = z
  .object({
    kind: RoutingRuleKindSchema.optional(),
    name: ruleFields.name.optional(),
    conditions: ruleFields.conditions.optional(),
    assigneeId: ruleFields.assigneeId.optional(),
    teamId: ruleFields.teamId.optional(),
    capacity: ruleFields.capacity.optional(),
    enabled: ruleFields.enabled.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateRoutingRuleBody = z.infer<typeof UpdateRoutingRuleBodySchema>;

/** The new order: every rule's id exactly once, first to last. */
export const ReorderRoutingRulesBodySchema = z.object({ ids: z.array(IdSchema).max(MAX_ROUTING_RULES) });
export type ReorderRoutingRulesBody = z.infer<typeof ReorderRoutingRulesBodySchema>;

export const RoutingRuleSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  name: z.string(),
  kind: RoutingRuleKindSchema,
  conditions: z.array(ConditionSchema),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  capacity: z.number().int().nullable(),
  lastAssigneeId: IdSchema.nullable(),
  lastAssigneeName: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export const RoutingRuleListSchema = z.object({ items: z.array(RoutingRuleSchema) });

/** A new SDR pod: its SDR and the account executives it serves. */
export const CreatePodBodySchema = z.object({
  name: nameField(100),
  sdrId: IdSchema,
  memberIds: z.array(IdSchema).max(MAX_POD_MEMBERS).default([]),
});
export type CreatePodBody = z.infer<typeof CreatePodBodySchema>;

export const UpdatePodBodySchema = z
  .object({ name: nameField(100).optional(), sdrId: IdSchema.optional() })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdatePodBody = z.infer<typeof UpdatePodBodySchema>;

/** The pod's account executives, replacing the current list. */
export const SetPodMembersBodySchema = z.object({ memberIds: z.array(IdSchema).max(MAX_POD_MEMBERS) });
export type SetPodMembersBody = z.infer<typeof SetPodMembersBodySchema>;

export const PodSchema = z.object({
  id: IdSchema,
  name: z.string(),
  sdrId: IdSchema,
  sdrName: z.string().nullable(),
  members: z.array(z.object({ userId: IdSchema, name: z.string() })),
  aeCount: z.number().int(),
  ratio: z.object({ status: z.enum(["ok", "understaffed", "overloaded"]), label: z.string() }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Pod = z.infer<typeof PodSchema>;
export const PodListSchema = z.object({ items: z.array(PodSchema) });

export const HandoffContextSchema = z.object({
  scoreExplanation: z.string().nullable(),
  fit: z.object({ points: z.number(), grade: z.string().nullable() }),
  engagement: z.number(),
  timeline: z.array(z.object({ at: z.string(), type: z.string(), channel: z.string().nullable(), campaignName: z.string().nullable(), assetTitle: z.string().nullable() })),
  contentConsumed: z.array(z.object({ title: z.string(), at: z.string() })),
  convertingCampaign: z.object({ id: IdSchema, name: z.string(), channel: z.string().nullable() }).nullable(),
  recommendedNextStep: z.string(),
  note: z.string().nullable().optional(),
});
export type HandoffContext = z.infer<typeof HandoffContextSchema>;

export const HANDOFF_REASONS = [...ROUTING_RULE_KINDS, "manual"] as const;

export const HandoffSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  contactName: z.string().nullable(),
  toUserId: IdSchema,
  toUserName: z.string().nullable(),
  fromUserId: IdSchema.nullable(),
  fromUserName: z.string().nullable(),
  ruleId: IdSchema.nullable(),
  ruleName: z.string().nullable(),
  reason: z.string(),
  campaignId: IdSchema.nullable(),
  definitionVersion: z.number().int().nullable(),
  context: HandoffContextSchema,
  createdAt: TimestampSchema,
});
export type Handoff = z.infer<typeof HandoffSchema>;
export const HandoffListSchema = z.object({ items: z.array(HandoffSchema) });
export const HandoffPageSchema = pageSchema(HandoffSchema);

export const ListHandoffsQuerySchema = listQuerySchema(["createdAt"]).extend({ toUserId: IdSchema.optional() });
export type ListHandoffsQuery = z.infer<typeof ListHandoffsQuerySchema>;

/** Hands a lead to another rep by hand. */
export const AssignContactBodySchema = z.object({
  ownerId: IdSchema,
  note: z.string().trim().max(LIMITS.reason).optional(),
});
export type AssignContactBody = z.infer<typeof AssignContactBodySchema>;
