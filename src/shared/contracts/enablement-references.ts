import { z } from "zod";
import { LIMITS } from "../limits.js";
import { REFERENCE_SIZES, REFERENCE_USE_STATUSES } from "../domain/content.js";
import { DateOnlySchema, IdSchema, QueryBooleanSchema, TimestampSchema } from "./common.js";
import { AssetFormatSchema, AssetStatusSchema } from "./enablement-content.js";

export const ReferenceSizeSchema = z.enum(REFERENCE_SIZES);
export const ReferenceUseStatusSchema = z.enum(REFERENCE_USE_STATUSES);
const words = z.array(z.string().trim().min(1).max(100)).max(30);

/** Approved uses this quarter (workspace zone) against the cap. */
export const AvailabilitySchema = z.object({
  quarter: z.string(),
  cap: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  available: z.boolean(),
  /** At the cap: the first day of the next quarter, when it is available again. */
  nextAvailableOn: DateOnlySchema.nullable(),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

export const ReferenceSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  accountName: z.string().nullable(),
  contactName: z.string().nullable(),
  industry: z.string().nullable(),
  size: ReferenceSizeSchema.nullable(),
  region: z.string().nullable(),
  products: z.array(z.string()),
  useCase: z.string(),
  quotes: z.array(z.string()),
  caseStudyAssetIds: z.array(IdSchema),
  ownerId: IdSchema,
  ownerName: z.string().nullable(),
  /** The reference's own cap; null takes the workspace default. */
  quarterlyCap: z.number().int().nullable(),
  active: z.boolean(),
  availability: AvailabilitySchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Reference = z.infer<typeof ReferenceSchema>;

const referenceFields = {
  contactName: z.string().trim().max(LIMITS.name).nullable().optional(),
  industry: z.string().trim().min(1).max(100).nullable().optional(),
  size: ReferenceSizeSchema.nullable().optional(),
  region: z.string().trim().min(1).max(100).nullable().optional(),
  products: words.optional(),
  useCase: z.string().trim().max(LIMITS.reason).optional(),
  quotes: z.array(z.string().trim().min(1).max(LIMITS.reason)).max(20).optional(),
  caseStudyAssetIds: z.array(IdSchema).max(20).optional(),
  ownerId: IdSchema.optional(),
  quarterlyCap: z.number().int().min(1).max(100).nullable().optional(),
  active: z.boolean().optional(),
};

/** A new reference: industry, size and region default to the account's when not given. */
export const CreateReferenceBodySchema = z.object({ accountId: IdSchema, ...referenceFields });
export type CreateReferenceBody = z.infer<typeof CreateReferenceBodySchema>;
export const UpdateReferenceBodySchema = z.object(referenceFields);
export type UpdateReferenceBody = z.infer<typeof UpdateReferenceBodySchema>;

export const ReferenceSearchQuerySchema = z.object({
  q: z.string().trim().max(LIMITS.search).optional(),
  industry: z.string().trim().min(1).max(100).optional(),
  size: ReferenceSizeSchema.optional(),
  region: z.string().trim().min(1).max(100).optional(),
  product: z.string().trim().min(1).max(100).optional(),
  useCase: z.string().trim().min(1).max(LIMITS.reason).optional(),
  /** Active references by default; `all` includes inactive ones. */
  active: z.enum(["true", "false", "all"]).default("true"),
  /** Only references below their cap this quarter. */
  available: QueryBooleanSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().regex(/^\d{1,6}$/).optional(),
});
export type ReferenceSearchQuery = z.infer<typeof ReferenceSearchQuerySchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const ReferenceFacetsSchema = z.object({ industry: FacetSchema, size: FacetSchema, region: FacetSchema, product: FacetSchema, useCase: FacetSchema });
export type ReferenceFacets = z.infer<typeof ReferenceFacetsSchema>;

export const ReferenceSearchResultSchema = z.object({
  items: z.array(ReferenceSchema.extend({ rank: z.number() })),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  facets: ReferenceFacetsSchema,
});
export type ReferenceSearchResult = z.infer<typeof ReferenceSearchResultSchema>;

export const ReferenceUseSchema = z.object({
  id: IdSchema,
  referenceId: IdSchema,
  referenceName: z.string().nullable(),
  dealId: IdSchema,
  dealName: z.string().nullable(),
  requestedBy: IdSchema,
  requestedByName: z.string().nullable(),
  note: z.string(),
  status: ReferenceUseStatusSchema,
  decidedBy: IdSchema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the caller may approve or decline it (the reference's owner, a manager or an admin, while requested). */
  canDecide: z.boolean(),
  createdAt: TimestampSchema,
});
export type ReferenceUse = z.infer<typeof ReferenceUseSchema>;
export const ReferenceUseListSchema = z.object({ items: z.array(ReferenceUseSchema) });

export const ReferenceDetailSchema = ReferenceSchema.extend({
  caseStudies: z.array(z.object({ id: IdSchema, title: z.string(), format: AssetFormatSchema, status: AssetStatusSchema })),
  uses: z.array(ReferenceUseSchema),
});
export type ReferenceDetail = z.infer<typeof ReferenceDetailSchema>;

export const RequestReferenceBodySchema = z.object({ dealId: IdSchema, note: z.string().trim().max(LIMITS.reason).optional() });
export type RequestReferenceBody = z.infer<typeof RequestReferenceBodySchema>;

export const DecideReferenceUseBodySchema = z
  .object({ decision: z.enum(["approve", "decline"]), note: z.string().trim().max(LIMITS.reason).optional() })
  .refine((v) => v.decision === "approve" || !!v.note, { message: "say why the request is declined", path: ["note"] });
export type DecideReferenceUseBody = z.infer<typeof DecideReferenceUseBodySchema>;

export const ListReferenceUsesQuerySchema = z.object({
  status: ReferenceUseStatusSchema.optional(),
  /** Only requests the caller may decide (references they own; every request for managers and admins). */
  awaitingMe: QueryBooleanSchema.optional(),
});
export type ListReferenceUsesQuery = z.infer<typeof ListReferenceUsesQuerySchema>;

/** The references on a deal and the references suggested for it. */
export const DealReferencesSchema = z.object({
  uses: z.array(ReferenceUseSchema),
  match: z.object({ industry: z.string().nullable(), size: ReferenceSizeSchema.nullable(), products: z.array(z.string()) }),
  suggestions: z.array(ReferenceSchema.extend({ reasons: z.array(z.string()) })),
});
export type DealReferences = z.infer<typeof DealReferencesSchema>;

export const ReferenceSettingsSchema = z.object({ quarterlyCap: z.number().int(), isDefault: z.boolean() });
export type ReferenceSettings = z.infer<typeof ReferenceSettingsSchema>;
export const UpdateReferenceSettingsBodySchema = z.object({ quarterlyCap: z.number().int().min(1).max(100) });
export type UpdateReferenceSettingsBody = z.infer<typeof UpdateReferenceSettingsBodySchema>;

export const ReferenceUsageQuerySchema = z.object({ from: DateOnlySchema.optional(), to: DateOnlySchema.optional() });
export type ReferenceUsageQuery = z.infer<typeof ReferenceUsageQuerySchema>;

/** Reference usage per quarter (by the request's and the decision's quarter) and the most requested references. */
export const ReferenceUsageSchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
  timezone: z.string(),
  quarters: z.array(z.object({ quarter: z.string(), requested: z.number().int(), approved: z.number().int(), declined: z.number().int() })),
  mostRequested: z.array(z.object({ referenceId: IdSchema, name: z.string(), requested: z.number().int(), approved: z.number().int(), declined: z.number().int(), pending: z.number().int() })),
});
export type ReferenceUsage = z.infer<typeof ReferenceUsageSchema>;
