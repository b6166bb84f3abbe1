import { z } from "zod";
import { LIMITS } from "../limits.js";
import { DEAL_CONTACT_ROLES, DEAL_OUTCOMES, DEAL_STAGES, DEAL_TYPES } from "../domain/deals.js";
import { DealProductSchema, DealProductsFieldSchema } from "./products.js";
import { ExternalIdsSchema, IdSchema, TimestampInputSchema, TimestampSchema, csvQuery, listQuerySchema, nameField, optionalText, pageSchema } from "./common.js";

export const DealStageSchema = z.enum(DEAL_STAGES);
export const DealTypeSchema = z.enum(DEAL_TYPES);
export const DealOutcomeSchema = z.enum(DEAL_OUTCOMES);
export const DealContactRoleSchema = z.enum(DEAL_CONTACT_ROLES);

export const DealSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  primaryContactId: IdSchema.nullable(),
  name: z.string(),
  ownerId: IdSchema.nullable(),
  sdrId: IdSchema.nullable(),
  sourceContactId: IdSchema.nullable(),
  sourceCampaignId: IdSchema.nullable(),
  type: DealTypeSchema,
  stage: DealStageSchema,
  amount: z.number(),
  currency: z.string(),
  expectedCloseAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
  outcome: DealOutcomeSchema.nullable(),
  reasonCode: z.string().nullable(),
  competitor: z.string().nullable(),
  externalIds: ExternalIdsSchema,
});
export type Deal = z.infer<typeof DealSchema>;

export const DealListItemSchema = DealSchema.extend({ accountName: z.string(), ownerName: z.string().nullable() });
export type DealListItem = z.infer<typeof DealListItemSchema>;

/** Structured notes of a buyer interview: the decision criteria, who decided and why (each optional, at least one given). */
export const DealInterviewBodySchema = z
  .object({
    decisionCriteria: z.string().trim().max(LIMITS.reason).nullable().optional(),
    decidedBy: z.string().trim().max(200).nullable().optional(),
    why: z.string().trim().max(LIMITS.reason).nullable().optional(),
  })
  .refine((v) => !!(v.decisionCriteria || v.decidedBy || v.why), "give the decision criteria, who decided or why");
export type DealInterviewBody = z.infer<typeof DealInterviewBodySchema>;
export const DealInterviewSchema = z.object({
  decisionCriteria: z.string().nullable(),
  decidedBy: z.string().nullable(),
  why: z.string().nullable(),
  recordedByName: z.string().nullable(),
  updatedAt: TimestampSchema,
});
export type DealInterview = z.infer<typeof DealInterviewSchema>;

export const DealDetailSchema = DealListItemSchema.extend({
  interview: DealInterviewSchema.nullable(),
  /** The products the deal is for (its lines). */
  products: z.array(DealProductSchema),
  sourceCampaignName: z.string().nullable(),
  contacts: z.array(z.object({ contactId: IdSchema, name: z.string(), email: z.string().nullable(), title: z.string().nullable(), role: DealContactRoleSchema })),
  history: z.array(z.object({ fromStage: z.string().nullable(), toStage: z.string(), at: TimestampSchema, actorName: z.string().nullable() })),
});
export type DealDetail = z.infer<typeof DealDetailSchema>;

export const CreateDealBodySchema = z.object({
  accountId: IdSchema,
  primaryContactId: IdSchema.nullable().optional(),
  name: nameField(),
  ownerId: IdSchema.nullable().optional(),
  sdrId: IdSchema.nullable().optional(),
  sourceContactId: IdSchema.nullable().optional(),
  sourceCampaignId: IdSchema.nullable().optional(),
  type: DealTypeSchema.optional(),
  stage: DealStageSchema.exclude(["closed_won", "closed_lost"]).optional(),
  amount: z.number().min(0).max(1e12).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD").optional(),
  expectedCloseAt: TimestampInputSchema.nullable().optional(),
  competitor: optionalText(100),
  externalIds: ExternalIdsSchema.optional(),
  /** The products the deal is for; a won deal adds them to the account's owned products. */
  products: DealProductsFieldSchema.optional(),
});
export type CreateDealBody = z.infer<typeof CreateDealBodySchema>;

export const UpdateDealBodySchema = z
  .object({
    primaryContactId: IdSchema.nullable().optional(),
    name: nameField().optional(),
    ownerId: IdSchema.nullable().optional(),
    sdrId: IdSchema.nullable().optional(),
    sourceCampaignId: IdSchema.nullable().optional(),
    type: DealTypeSchema.optional(),
    stage: DealStageSchema.exclude(["closed_won", "closed_lost"]).optional(),
    amount: z.number().min(0).max(1e12).optional(),
    expectedCloseAt: TimestampInputSchema.nullable().optional(),
    competitor: optionalText(100),
    externalIds: ExternalIdsSchema.optional(),
    /** Replaces the deal's product lines (open deals only). */
    products: DealProductsFieldSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateDealBody = z.infer<typeof UpdateDealBodySchema>;

/** Closing a deal needs an outcome and a reason from the workspace's taxonomy. */
export const CloseDealBodySchema = z.object({
  outcome: DealOutcomeSchema,
  reasonCode: z.string().trim().min(1).max(100),
  competitor: optionalText(100),
  amount: z.number().min(0).max(1e12).optional(),
  note: z.string().trim().max(LIMITS.reason).optional(),
  /** Buyer-interview notes, when the buyer was asked. */
  interview: DealInterviewBodySchema.optional(),
});
export type CloseDealBody = z.infer<typeof CloseDealBodySchema>;

export const SetDealContactBodySchema = z.object({ contactId: IdSchema, role: DealContactRoleSchema });
export type SetDealContactBody = z.infer<typeof SetDealContactBodySchema>;
export const DealContactParamsSchema = z.object({ id: IdSchema, contactId: IdSchema });

export const DEAL_SORTS = ["createdAt", "amount", "name", "closedAt", "expectedCloseAt"] as const;
export const ListDealsQuerySchema = listQuerySchema(DEAL_SORTS).extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  stage: csvQuery(DealStageSchema).optional(),
  type: csvQuery(DealTypeSchema).optional(),
  outcome: csvQuery(DealOutcomeSchema).optional(),
  accountId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
  open: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListDealsQuery = z.infer<typeof ListDealsQuerySchema>;
export const DealPageSchema = pageSchema(DealListItemSchema);
