import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ASSET_EVENT_TYPES, ASSET_FORMATS, ASSET_KINDS, ASSET_STATUSES, BUYING_STAGES, REQUEST_PRIORITIES, REQUEST_STATUSES } from "../domain/content.js";
import { IdSchema, QueryBooleanSchema, TimestampInputSchema, TimestampSchema, csvQuery, nameField } from "./common.js";

/** Largest uploaded file (bytes); the server refuses more with 413. */
export const ASSET_MAX_BYTES = 20 * 1024 * 1024;

export const BuyingStageSchema = z.enum(BUYING_STAGES);
export const AssetFormatSchema = z.enum(ASSET_FORMATS);
export const AssetStatusSchema = z.enum(ASSET_STATUSES);
const tagList = z.array(z.string().trim().min(1).max(100)).max(30);

export const AssetSchema = z.object({
  id: IdSchema,
  kind: z.enum(ASSET_KINDS),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  format: AssetFormatSchema,
  buyingStage: BuyingStageSchema,
  personas: z.array(z.string()),
  products: z.array(z.string()),
  competitors: z.array(z.string()),
  ownerId: IdSchema,
  ownerName: z.string().nullable(),
  status: AssetStatusSchema,
  expiresAt: TimestampSchema.nullable(),
  isExpired: z.boolean(),
  productionCost: z.number().nullable(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  fileMime: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: TimestampSchema.nullable(),
  publishedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Asset = z.infer<typeof AssetSchema>;

const assetFields = {
  title: nameField(),
  summary: z.string().trim().max(LIMITS.reason).optional(),
  body: z.string().trim().max(LIMITS.longText).optional(),
  tags: tagList.optional(),
  format: AssetFormatSchema,
  buyingStage: BuyingStageSchema,
  personas: tagList.optional(),
  products: tagList.optional(),
  competitors: tagList.optional(),
  expiresAt: TimestampInputSchema.nullable().optional(),
  productionCost: z.number().min(0).max(1e9).nullable().optional(),
};

/** A new asset: a link (give `url`) or a file (upload it next to `POST /assets/:id/file`). */
export const CreateAssetBodySchema = z
  .object({ ...assetFields, kind: z.enum(ASSET_KINDS), url: z.url({ protocol: /^https?$/ }).max(2000).optional() })
  .refine((v) => v.kind !== "link" || !!v.url, { message: "a link asset needs a url", path: ["url"] });
export type CreateAssetBody = z.infer<typeof CreateAssetBodySchema>;

export const UpdateAssetBodySchema = z.object({ ...assetFields, url: z.url({ protocol: /^https?$/ }).max(2000).optional() }).partial();
export type UpdateAssetBody = z.infer<typeof UpdateAssetBodySchema>;

export const ReviewAssetBodySchema = z
  .object({ decision: z.enum(["approve", "send_back"]), comment: z.string().trim().max(LIMITS.reason).optional() })
  .refine((v) => v.decision === "approve" || !!v.comment, { message: "say what to change when sending back", path: ["comment"] });
export type ReviewAssetBody = z.infer<typeof ReviewAssetBodySchema>;

export const AssetSearchQuerySchema = z.object({
  q: z.string().trim().max(LIMITS.search).optional(),
  stage: BuyingStageSchema.optional(),
  format: AssetFormatSchema.optional(),
  persona: z.string().trim().min(1).max(100).optional(),
  product: z.string().trim().min(1).max(100).optional(),
  competitor: z.string().trim().min(1).max(100).optional(),
  /** Defaults to published; `all` lists every status (the library). */
  status: z.union([AssetStatusSchema, z.literal("all")]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().regex(/^\d{1,6}$/).optional(),
});
export type AssetSearchQuery = z.infer<typeof AssetSearchQuerySchema>;

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const AssetFacetsSchema = z.object({ stage: FacetSchema, format: FacetSchema, persona: FacetSchema, product: FacetSchema, competitor: FacetSchema, status: FacetSchema });
export type AssetFacets = z.infer<typeof AssetFacetsSchema>;

export const AssetSearchResultSchema = z.object({
  items: z.array(AssetSchema.extend({ rank: z.number() })),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  facets: AssetFacetsSchema,
});
export type AssetSearchResult = z.infer<typeof AssetSearchResultSchema>;

export const CreateShareBodySchema = z
  .object({ contactId: IdSchema.optional(), dealId: IdSchema.optional() })
  .refine((v) => v.contactId || v.dealId, { message: "share with a contact or for a deal", path: ["contactId"] });
export type CreateShareBody = z.infer<typeof CreateShareBodySchema>;

export const ShareSchema = z.object({
  id: IdSchema,
  assetId: IdSchema,
  contactId: IdSchema.nullable(),
  dealId: IdSchema.nullable(),
  sharedBy: IdSchema,
  views: z.number().int(),
  lastViewedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
});
/** A new share carries its link once; only the token's hash is stored. */
export const CreatedShareSchema = ShareSchema.extend({ url: z.string(), token: z.string() });

export const AssetEventSchema = z.object({
  id: IdSchema,
  type: z.enum(ASSET_EVENT_TYPES),
  actorUserId: IdSchema.nullable(),
  contactId: IdSchema.nullable(),
  dealId: IdSchema.nullable(),
  at: TimestampSchema,
});

export const AttachAssetBodySchema = z.object({ assetId: IdSchema });
export const DealAssetParamsSchema = z.object({ id: IdSchema, assetId: IdSchema });

/** Recommended content for a contact or a deal, with why each one matches. */
export const RecommendationsSchema = z.object({
  buyingStage: BuyingStageSchema,
  persona: z.string().nullable(),
  competitors: z.array(z.string()),
  items: z.array(AssetSchema.extend({ reasons: z.array(z.string()) })),
});
export type Recommendations = z.infer<typeof RecommendationsSchema>;

export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export const ContentRequestSchema = z.object({
  id: IdSchema,
  title: z.string(),
  details: z.string(),
  dealId: IdSchema.nullable(),
  dealName: z.string().nullable(),
  persona: z.string().nullable(),
  competitor: z.string().nullable(),
  buyingStage: BuyingStageSchema.nullable(),
  priority: z.enum(REQUEST_PRIORITIES),
  status: RequestStatusSchema,
  requestedBy: IdSchema,
  requestedByName: z.string().nullable(),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  resultAssetId: IdSchema.nullable(),
  resultAssetTitle: z.string().nullable(),
  declineReason: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export const CreateContentRequestBodySchema = z.object({
  title: nameField(),
  details: z.string().trim().max(LIMITS.reason).optional(),
  dealId: IdSchema.nullable().optional(),
  persona: z.string().trim().min(1).max(100).nullable().optional(),
  competitor: z.string().trim().min(1).max(100).nullable().optional(),
  buyingStage: BuyingStageSchema.nullable().optional(),
  priority: z.enum(REQUEST_PRIORITIES).optional(),
});
export type CreateContentRequestBody = z.infer<typeof CreateContentRequestBodySchema>;

export const MoveContentRequestBodySchema = z
  .object({
    status: RequestStatusSchema,
    resultAssetId: IdSchema.optional(),
    declineReason: z.string().trim().min(1).max(LIMITS.reason).optional(),
    assigneeId: IdSchema.optional(),
  })
  .refine((v) => v.status !== "declined" || !!v.declineReason, { message: "say why the request is declined", path: ["declineReason"] })
  .refine((v) => v.status !== "delivered" || !!v.resultAssetId, { message: "a delivered request names the resulting asset", path: ["resultAssetId"] });
export type MoveContentRequestBody = z.infer<typeof MoveContentRequestBodySchema>;

export const ListContentRequestsQuerySchema = z.object({
  status: csvQuery(RequestStatusSchema).optional(),
  /** Only the caller's own requests. */
  mine: QueryBooleanSchema.optional(),
});
export type ListContentRequestsQuery = z.infer<typeof ListContentRequestsQuerySchema>;
export const ContentRequestListSchema = z.object({ items: z.array(ContentRequestSchema) });

export const AssignContentRequestBodySchema = z.object({ assigneeId: IdSchema.nullable() });
export type AssignContentRequestBody = z.infer<typeof AssignContentRequestBodySchema>;
