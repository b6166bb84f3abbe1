import { z } from "zod";
import { IdSchema, QueryBooleanSchema, TimestampInputSchema, TimestampSchema, nameField, optionalText } from "./common.js";

const money = z.number().min(0).max(1e12);

/** A product of the catalogue (what whitespace and deal lines are counted in). */
export const ProductSchema = z.object({
  id: IdSchema,
  name: z.string(),
  family: z.string().nullable(),
  listPrice: z.number().nullable(),
  active: z.boolean(),
  createdAt: TimestampSchema,
});
export type Product = z.infer<typeof ProductSchema>;
export const ProductListSchema = z.object({ items: z.array(ProductSchema) });

export const ListProductsQuerySchema = z.object({ active: QueryBooleanSchema.optional() });
export type ListProductsQuery = z.infer<typeof ListProductsQuerySchema>;

export const CreateProductBodySchema = z.object({
  name: nameField(),
  family: optionalText(100),
  listPrice: money.nullable().optional(),
  active: z.boolean().optional(),
});
export type CreateProductBody = z.infer<typeof CreateProductBodySchema>;

export const UpdateProductBodySchema = CreateProductBodySchema.partial().refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateProductBody = z.infer<typeof UpdateProductBodySchema>;

/** A product an account owns: since when and what it is worth a year. */
export const OwnedProductSchema = z.object({
  productId: IdSchema,
  name: z.string(),
  family: z.string().nullable(),
  since: TimestampSchema,
  annualValue: z.number().nullable(),
});
export type OwnedProduct = z.infer<typeof OwnedProductSchema>;
export const OwnedProductListSchema = z.object({ items: z.array(OwnedProductSchema) });

export const AccountProductParamsSchema = z.object({ id: IdSchema, productId: IdSchema });

/** Records (or changes) a product the account owns. */
export const SetOwnedProductBodySchema = z.object({
  since: TimestampInputSchema,
  annualValue: money.nullable().optional(),
});
export type SetOwnedProductBody = z.infer<typeof SetOwnedProductBodySchema>;
/** What a client sends (`since` as an ISO string). */
export type SetOwnedProductInput = z.input<typeof SetOwnedProductBodySchema>;

/** A deal line: the product the deal is for and its annual value (the product's list price when not given). */
export const DealProductInputSchema = z.object({ productId: IdSchema, amount: money.optional() });
export type DealProductInput = z.infer<typeof DealProductInputSchema>;
export const DealProductsFieldSchema = z
  .array(DealProductInputSchema)
  .max(50)
  .refine((v) => new Set(v.map((p) => p.productId)).size === v.length, "each product at most once");

export const DealProductSchema = z.object({ productId: IdSchema, name: z.string(), amount: z.number() });
export type DealProduct = z.infer<typeof DealProductSchema>;
