import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AccountProductParamsSchema,
  CreateProductBodySchema,
  ListProductsQuerySchema,
  OwnedProductListSchema,
  ProductListSchema,
  ProductSchema,
  SetOwnedProductBodySchema,
  UpdateProductBodySchema,
} from "../../../shared/contracts/products.js";
import type { ProductsService } from "./products.service.js";

/** The product catalogue and the products each account owns. */
export const productsRoutes: FastifyPluginAsyncZod<{ products: ProductsService }> = async (app, { products }) => {
  const tags = ["products"];
  app.get("/products", { schema: { tags, summary: "List the product catalogue", querystring: ListProductsQuerySchema, response: { 200: ProductListSchema } } }, (req) =>
    products.listProducts(req.ctx, req.query),
  );
  app.post("/products", { config: { idempotent: true }, schema: { tags, summary: "Add a product to the catalogue", body: CreateProductBodySchema, response: { 201: ProductSchema } } }, async (req, reply) =>
    reply.status(201).send(await products.createProduct(req.ctx, req.body)),
  );
  app.patch("/products/:id", { schema: { tags, summary: "Update a product (name, family, list price, active)", params: IdParamsSchema, body: UpdateProductBodySchema, response: { 200: ProductSchema } } }, (req) =>
    products.updateProduct(req.ctx, req.params.id, req.body),
  );
  app.get("/accounts/:id/products", { schema: { tags, summary: "The products an account owns", params: IdParamsSchema, response: { 200: OwnedProductListSchema } } }, (req) =>
    products.listOwned(req.ctx, req.params.id),
  );
  app.put(
    "/accounts/:id/products/:productId",
    { schema: { tags, summary: "Record a product the account owns (since, annual value), or change it", params: AccountProductParamsSchema, body: SetOwnedProductBodySchema, response: { 200: OwnedProductListSchema } } },
    (req) => products.setOwned(req.ctx, req.params.id, req.params.productId, req.body),
  );
  app.delete("/accounts/:id/products/:productId", { schema: { tags, summary: "Remove a product the account owns", params: AccountProductParamsSchema } }, async (req, reply) => {
    await products.removeOwned(req.ctx, req.params.id, req.params.productId);
    return reply.status(204).send();
  });
};
