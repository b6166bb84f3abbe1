import { z } from "zod";
import { LIMITS } from "../limits.js";
import { CustomerStatusSchema } from "./accounts.js";
import { DateOnlySchema, IdSchema, TimestampInputSchema, TimestampSchema, nameField } from "./common.js";

/** A whitespace-matrix cell: the account owns the product, has an open deal for it, or neither (whitespace). */
export const WHITESPACE_STATES = ["owned", "pipeline", "open"] as const;
export const WhitespaceStateSchema = z.enum(WHITESPACE_STATES);
export type WhitespaceState = z.infer<typeof WhitespaceStateSchema>;

/** Which accounts the matrix shows: customers unless told otherwise. */
export const WhitespaceQuerySchema = z.object({
  segment: z.string().trim().min(1).max(100).optional(),
  industry: z.string().trim().min(1).max(200).optional(),
  ownerId: IdSchema.optional(),
  customerStatus: CustomerStatusSchema.default("customer"),
  /** At most this many accounts (by name); the totals always count every matching account. */
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type WhitespaceQuery = z.infer<typeof WhitespaceQuerySchema>;

export const WhitespaceCellSchema = z.object({
  productId: IdSchema,
  state: WhitespaceStateSchema,
  /** owned: the annual value; pipeline: the open deals' line amounts. */
  value: z.number().nullable(),
  /** pipeline: the open deal to open (the one created first). */
  dealId: IdSchema.nullable(),
});
export type WhitespaceCell = z.infer<typeof WhitespaceCellSchema>;

export const WhitespaceRowSchema = z.object({
  accountId: IdSchema,
  accountName: z.string(),
  segment: z.string().nullable(),
  industry: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** One cell per product, in the order of `products`. */
  cells: z.array(WhitespaceCellSchema),
});
export type WhitespaceRow = z.infer<typeof WhitespaceRowSchema>;

export const WhitespaceProductSchema = z.object({
  productId: IdSchema,
  name: z.string(),
  family: z.string().nullable(),
  listPrice: z.number().nullable(),
  owned: z.number().int(),
  pipeline: z.number().int(),
  whitespace: z.number().int(),
  /** Whitespace accounts × list price. */
  potential: z.number(),
});
export type WhitespaceProduct = z.infer<typeof WhitespaceProductSchema>;

/** Accounts × active products (docs/WINLOSS-TEAM.md, Growth). */
export const WhitespaceMatrixSchema = z.object({
  products: z.array(WhitespaceProductSchema),
  rows: z.array(WhitespaceRowSchema),
  /** Accounts matching the filters (rows stop at `limit`). */
  accountCount: z.number().int(),
  totals: z.object({ owned: z.number().int(), pipeline: z.number().int(), whitespace: z.number().int(), potential: z.number() }),
});
export type WhitespaceMatrix = z.infer<typeof WhitespaceMatrixSchema>;

/** A campaign's whitespace target: accounts of a customer status (optionally a segment) that lack a product. */
export const WhitespaceTargetBodySchema = z.object({
  productId: IdSchema,
  segment: z.string().trim().min(1).max(100).nullable().optional(),
  customerStatus: CustomerStatusSchema.optional(),
});
export type WhitespaceTargetBody = z.infer<typeof WhitespaceTargetBodySchema>;

export const WhitespaceTargetSchema = z.object({
  target: z.object({ productId: IdSchema, productName: z.string(), segment: z.string().nullable(), customerStatus: CustomerStatusSchema }).nullable(),
  accountCount: z.number().int(),
  contactCount: z.number().int(),
  /** The matching accounts by name (at most 200), each with its reachable contacts. */
  accounts: z.array(z.object({ accountId: IdSchema, name: z.string(), segment: z.string().nullable(), contacts: z.number().int() })),
});
export type WhitespaceTarget = z.infer<typeof WhitespaceTargetSchema>;

export const ACCOUNT_REVIEW_STATUSES = ["scheduled", "held", "cancelled"] as const;
export const AccountReviewStatusSchema = z.enum(ACCOUNT_REVIEW_STATUSES);

const reviewText = z.string().trim().max(LIMITS.longText).nullable().optional();
const attendees = {
  memberIds: z.array(IdSchema).max(50).optional(),
  contactIds: z.array(IdSchema).max(50).optional(),
};

export const CreateAccountReviewBodySchema = z.object({
  title: nameField(),
  scheduledAt: TimestampInputSchema,
  agenda: reviewText,
  ...attendees,
});
export type CreateAccountReviewBody = z.infer<typeof CreateAccountReviewBodySchema>;
/** What a client sends (timestamps as ISO strings). */
export type CreateAccountReviewInput = z.input<typeof CreateAccountReviewBodySchema>;

export const UpdateAccountReviewBodySchema = z
  .object({
    title: nameField().optional(),
    scheduledAt: TimestampInputSchema.optional(),
    status: AccountReviewStatusSchema.optional(),
    agenda: reviewText,
    outcomes: reviewText,
    nextSteps: reviewText,
    ...attendees,
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateAccountReviewBody = z.infer<typeof UpdateAccountReviewBodySchema>;
export type UpdateAccountReviewInput = z.input<typeof UpdateAccountReviewBodySchema>;

export const AccountReviewSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  accountName: z.string(),
  title: z.string(),
  scheduledAt: TimestampSchema,
  status: AccountReviewStatusSchema,
  agenda: z.string().nullable(),
  outcomes: z.string().nullable(),
  nextSteps: z.string().nullable(),
  members: z.array(z.object({ userId: IdSchema, name: z.string() })),
  contacts: z.array(z.object({ contactId: IdSchema, name: z.string(), title: z.string().nullable() })),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type AccountReview = z.infer<typeof AccountReviewSchema>;
export const AccountReviewListSchema = z.object({ items: z.array(AccountReviewSchema) });

/** The review list: upcoming scheduled reviews by default (from today on, soonest first). */
export const ListAccountReviewsQuerySchema = z.object({
  status: AccountReviewStatusSchema.default("scheduled"),
  from: DateOnlySchema.optional(),
  ownerId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListAccountReviewsQuery = z.infer<typeof ListAccountReviewsQuerySchema>;
