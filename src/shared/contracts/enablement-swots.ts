import { z } from "zod";
import { LIMITS } from "../limits.js";
import { DateOnlySchema, IdSchema, TimestampSchema, nameField } from "./common.js";

export const SWOT_STATUSES = ["draft", "final", "archived"] as const;
export type SwotStatus = (typeof SWOT_STATUSES)[number];
export const SWOT_QUADRANTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;
export type SwotQuadrant = (typeof SWOT_QUADRANTS)[number];

const point = z.string().trim().min(1).max(LIMITS.reason);
const points = z.array(point).max(30);

/** A SWOT analysis of a campaign (a marketing vehicle) or of a deal's proposal. */
export const SwotSchema = z.object({
  id: IdSchema,
  title: z.string(),
  subject: z.object({ kind: z.enum(["campaign", "deal"]), id: IdSchema, name: z.string() }),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  opportunities: z.array(z.string()),
  threats: z.array(z.string()),
  ownerId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  analysedOn: DateOnlySchema,
  status: z.enum(SWOT_STATUSES),
  /** Whether the caller may change it (campaign SWOTs: marketing side; deal SWOTs: the deal team). */
  canEdit: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Swot = z.infer<typeof SwotSchema>;
export const SwotListSchema = z.object({ items: z.array(SwotSchema) });
export type SwotList = z.infer<typeof SwotListSchema>;

export const SwotListQuerySchema = z.object({
  subject: z.enum(["campaign", "deal"]).optional(),
  status: z.enum(SWOT_STATUSES).optional(),
  ownerId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type SwotListQuery = z.infer<typeof SwotListQuerySchema>;
/** A page of the workspace's SWOTs and how many match the filters. */
export const SwotPageSchema = z.object({ items: z.array(SwotSchema), total: z.number().int() });
export type SwotPage = z.infer<typeof SwotPageSchema>;

const fields = {
  title: nameField(),
  strengths: points.default([]),
  weaknesses: points.default([]),
  opportunities: points.default([]),
  threats: points.default([]),
  /** A member of the workspace; the author when not given. */
  ownerId: IdSchema.nullable().optional(),
  /** The day of the analysis; today in the workspace's time zone when not given. */
  analysedOn: DateOnlySchema.optional(),
  status: z.enum(SWOT_STATUSES).default("draft"),
};

/** Exactly one subject: a campaign or a deal (the table's check says the same). */
export const CreateSwotBodySchema = z
  .object({ ...fields, campaignId: IdSchema.optional(), dealId: IdSchema.optional() })
  .refine((b) => (b.campaignId === undefined) !== (b.dealId === undefined), { message: "give a campaignId or a dealId, not both", path: ["campaignId"] });
export type CreateSwotBody = z.infer<typeof CreateSwotBodySchema>;

/** The subject is fixed once created. */
export const UpdateSwotBodySchema = z.object({
  title: nameField().optional(),
  strengths: points.optional(),
  weaknesses: points.optional(),
  opportunities: points.optional(),
  threats: points.optional(),
  ownerId: IdSchema.nullable().optional(),
  analysedOn: DateOnlySchema.optional(),
  status: z.enum(SWOT_STATUSES).optional(),
});
export type UpdateSwotBody = z.infer<typeof UpdateSwotBodySchema>;
