import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ExternalIdsSchema, IdSchema, TimestampSchema, csvQuery, listQuerySchema, nameField, optionalText, pageSchema } from "./common.js";

export const CUSTOMER_STATUSES = ["prospect", "customer", "former_customer", "partner"] as const;
export const CustomerStatusSchema = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof CustomerStatusSchema>;

const domainField = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a domain such as example.com")
  .nullable()
  .optional();

export const AccountSchema = z.object({
  id: IdSchema,
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  annualRevenue: z.number().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  segment: z.string().nullable(),
  ownerId: IdSchema.nullable(),
  customerStatus: CustomerStatusSchema,
  externalIds: ExternalIdsSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountDetailSchema = AccountSchema.extend({
  contactCount: z.number().int(),
  openDealCount: z.number().int(),
  openPipeline: z.number(),
  wonRevenue: z.number(),
  products: z.array(z.object({ productId: IdSchema, name: z.string(), since: TimestampSchema })),
});
export type AccountDetail = z.infer<typeof AccountDetailSchema>;

export const CreateAccountBodySchema = z.object({
  name: nameField(),
  domain: domainField,
  industry: optionalText(),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: z.number().min(0).max(1e13).nullable().optional(),
  country: optionalText(100),
  region: optionalText(100),
  segment: optionalText(100),
  ownerId: IdSchema.nullable().optional(),
  customerStatus: CustomerStatusSchema.optional(),
  externalIds: ExternalIdsSchema.optional(),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;

export const UpdateAccountBodySchema = CreateAccountBodySchema.partial().refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateAccountBody = z.infer<typeof UpdateAccountBodySchema>;

export const ACCOUNT_SORTS = ["name", "createdAt", "employees"] as const;
export const ListAccountsQuerySchema = listQuerySchema(ACCOUNT_SORTS).extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  industry: z.string().max(LIMITS.shortText).optional(),
  segment: z.string().max(LIMITS.shortText).optional(),
  country: z.string().max(100).optional(),
  customerStatus: csvQuery(CustomerStatusSchema).optional(),
  ownerId: IdSchema.optional(),
});
export type ListAccountsQuery = z.infer<typeof ListAccountsQuerySchema>;
export const AccountPageSchema = pageSchema(AccountSchema);
