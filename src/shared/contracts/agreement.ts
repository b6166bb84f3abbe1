import { z } from "zod";
import { LIMITS } from "../limits.js";
import { TOUCHPOINT_TYPES } from "../domain/touchpoints.js";
import { IdSchema, TimestampSchema } from "./common.js";

/** Fields a fit rule may test: contact.* and account.* (DESIGN §6.2). */
export const FIT_FIELDS = [
  "contact.seniority",
  "contact.title",
  "contact.department",
  "contact.country",
  "contact.persona",
  "contact.source",
  "contact.channel",
  "contact.email_domain",
  "account.industry",
  "account.employees",
  "account.annual_revenue",
  "account.country",
  "account.region",
  "account.segment",
  "account.customer_status",
] as const;
export const FitFieldSchema = z.enum(FIT_FIELDS);
export type FitField = z.infer<typeof FitFieldSchema>;

export const OPERATORS = ["eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "contains", "exists", "not_exists"] as const;
export const OperatorSchema = z.enum(OPERATORS);
export type Operator = z.infer<typeof OperatorSchema>;

const ScalarSchema = z.union([z.string().max(LIMITS.shortText), z.number()]);

/** One condition: `account.employees gte 200`, `contact.seniority in [vp, c_level]`. */
export const ConditionSchema = z
  .object({ field: FitFieldSchema, op: OperatorSchema, value: z.union([ScalarSchema, z.array(ScalarSchema).max(200)]).optional() })
  .refine((c) => c.op === "exists" || c.op === "not_exists" || c.value !== undefined, { message: "needs a value", path: ["value"] })
  .refine((c) => !(c.op === "in" || c.op === "not_in") || Array.isArray(c.value), { message: "needs a list", path: ["value"] })
  .refine((c) => !["gt", "gte", "lt", "lte"].includes(c.op) || typeof c.value === "number", { message: "needs a number", path: ["value"] })
  .refine((c) => !["eq", "neq", "contains"].includes(c.op) || !Array.isArray(c.value), { message: "needs one value, not a list", path: ["value"] });
export type Condition = z.infer<typeof ConditionSchema>;

/** A fit rule: all conditions true → points (negative for disqualifying traits such as free-mail or students). */
export const FitRuleSchema = z.object({
  id: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(LIMITS.shortText),
  conditions: z.array(ConditionSchema).min(1).max(10),
  points: z.number().int().min(-1000).max(1000),
});
export type FitRule = z.infer<typeof FitRuleSchema>;

/** Minimum fit points for grades A, B and C; anything lower is D. */
export const GradeThresholdsSchema = z
  .object({ A: z.number().int(), B: z.number().int(), C: z.number().int() })
  .refine((t) => t.A > t.B && t.B > t.C, { message: "must decrease from A to C", path: ["A"] });
export type GradeThresholds = z.infer<typeof GradeThresholdsSchema>;
export const GRADES = ["A", "B", "C", "D"] as const;
export type Grade = (typeof GRADES)[number];

/** An engagement rule: the first rule matching a touch scores it, optionally capped per contact per window. */
export const EngagementRuleSchema = z.object({
  id: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(LIMITS.shortText),
  match: z.object({
    types: z.array(z.enum(TOUCHPOINT_TYPES)).max(20).optional(),
    channels: z.array(z.string().max(50)).max(20).optional(),
    campaignIds: z.array(IdSchema).max(50).optional(),
    assetStages: z.array(z.enum(["engage", "convert"])).max(2).optional(),
    properties: z.record(z.string().max(100), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  }),
  points: z.number().min(-1000).max(1000),
  cap: z.object({ count: z.number().int().min(1).max(1000), windowDays: z.number().int().min(1).max(3650) }).optional(),
});
export type EngagementRule = z.infer<typeof EngagementRuleSchema>;

export const MqlRuleSchema = z.object({
  grades: z.array(z.enum(GRADES)).min(1).max(4),
  engagementThreshold: z.number().min(0).max(100_000),
});
export type MqlRule = z.infer<typeof MqlRuleSchema>;

/** The scoring content of a lead definition version. */
export const DefinitionBodySchema = z.object({
  fitRules: z.array(FitRuleSchema).max(100),
  gradeThresholds: GradeThresholdsSchema,
  engagementRules: z.array(EngagementRuleSchema).max(100),
  halfLifeDays: z.number().min(1).max(3650),
  mqlRule: MqlRuleSchema,
  notes: z.string().max(LIMITS.longText).optional(),
});
export type DefinitionBody = z.infer<typeof DefinitionBodySchema>;

export const DEFINITION_STATUSES = ["draft", "proposed", "active", "superseded"] as const;
export const LeadDefinitionSchema = DefinitionBodySchema.extend({
  notes: z.string().nullable(),
  id: IdSchema,
  version: z.number().int(),
  status: z.enum(DEFINITION_STATUSES),
  proposedBy: IdSchema.nullable(),
  proposedAt: TimestampSchema.nullable(),
  marketingApprovedBy: IdSchema.nullable(),
  marketingApprovedAt: TimestampSchema.nullable(),
  salesApprovedBy: IdSchema.nullable(),
  salesApprovedAt: TimestampSchema.nullable(),
  activatedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type LeadDefinition = z.infer<typeof LeadDefinitionSchema>;

export const LeadDefinitionListSchema = z.object({ items: z.array(LeadDefinitionSchema) });

/** A new draft: the given rules, or a copy of the active version (the starter rules when none is active). */
export const CreateDefinitionBodySchema = z.object({
  basedOn: z.enum(["active", "starter"]).optional(),
  definition: DefinitionBodySchema.optional(),
});
export type CreateDefinitionBody = z.infer<typeof CreateDefinitionBodySchema>;

export const ApproveDefinitionBodySchema = z.object({ side: z.enum(["marketing", "sales"]) });
export type ApproveDefinitionBody = z.infer<typeof ApproveDefinitionBodySchema>;

export const DiffQuerySchema = z.object({ against: IdSchema.optional() });
export const DefinitionDiffSchema = z.object({
  from: z.object({ id: IdSchema, version: z.number().int() }).nullable(),
  to: z.object({ id: IdSchema, version: z.number().int() }),
  lines: z.array(z.object({ kind: z.enum(["added", "removed", "changed"]), area: z.enum(["fit", "grades", "engagement", "decay", "mql"]), text: z.string() })),
});

/** Why a contact scores what it does (DESIGN §6.2: every lead shows which agreement qualified it and why). */
export const ScoreExplanationSchema = z.object({
  definitionVersion: z.number().int().nullable(),
  fitPoints: z.number(),
  fitGrade: z.enum(GRADES).nullable(),
  fitRules: z.array(z.object({ ruleId: z.string(), label: z.string(), points: z.number() })),
  engagement: z.number(),
  mqlRule: MqlRuleSchema.nullable(),
  meetsMqlRule: z.boolean(),
  history: z.array(
    z.object({ at: TimestampSchema, kind: z.enum(["fit", "engagement"]), ruleId: z.string(), ruleLabel: z.string(), points: z.number(), touchpointId: IdSchema.nullable(), definitionVersion: z.number().int() }),
  ),
});
export type ScoreExplanation = z.infer<typeof ScoreExplanationSchema>;
