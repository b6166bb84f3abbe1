import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CloseDealBodySchema,
  CreateDealBodySchema,
  DealContactParamsSchema,
  DealDetailSchema,
  DealInterviewBodySchema,
  DealPageSchema,
  ListDealsQuerySchema,
  SetDealContactBodySchema,
  UpdateDealBodySchema,
} from "../../../shared/contracts/deals.js";
import type { DealsService } from "./deals.service.js";

/** Deals CRUD, closing and buying roles. */
export const dealsRoutes: FastifyPluginAsyncZod<{ deals: DealsService }> = async (app, { deals }) => {
  const tags = ["deals"];
  app.get("/deals", { schema: { tags, summary: "List deals", querystring: ListDealsQuerySchema, response: { 200: DealPageSchema } } }, (req) => deals.listDeals(req.ctx, req.query));
  app.post("/deals", { config: { idempotent: true }, schema: { tags, summary: "Open a deal", body: CreateDealBodySchema, response: { 201: DealDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await deals.createDeal(req.ctx, req.body)),
  );
  app.get("/deals/:id", { schema: { tags, summary: "Get a deal", params: IdParamsSchema, response: { 200: DealDetailSchema } } }, (req) => deals.getDeal(req.ctx, req.params.id));
  app.patch("/deals/:id", { schema: { tags, summary: "Update an open deal", params: IdParamsSchema, body: UpdateDealBodySchema, response: { 200: DealDetailSchema } } }, (req) =>
    deals.updateDeal(req.ctx, req.params.id, req.body),
  );
  app.delete("/deals/:id", { schema: { tags, summary: "Delete a deal", params: IdParamsSchema } }, async (req, reply) => {
    await deals.deleteDeal(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post(
    "/deals/:id/close",
    { schema: { tags, summary: "Close a deal: won, lost or no decision, with a reason", params: IdParamsSchema, body: CloseDealBodySchema, response: { 200: DealDetailSchema } } },
    (req) => deals.closeDeal(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/deals/:id/interview",
    { schema: { tags, summary: "Record the buyer-interview notes of a closed deal (decision criteria, who decided, why)", params: IdParamsSchema, body: DealInterviewBodySchema, response: { 200: DealDetailSchema } } },
    (req) => deals.recordInterview(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/deals/:id/contacts",
    { schema: { tags, summary: "Add a contact to the deal with a buying role", params: IdParamsSchema, body: SetDealContactBodySchema, response: { 200: DealDetailSchema } } },
    (req) => deals.setDealContact(req.ctx, req.params.id, req.body),
  );
  app.delete("/deals/:id/contacts/:contactId", { schema: { tags, summary: "Remove a contact from the deal", params: DealContactParamsSchema } }, async (req, reply) => {
    await deals.removeDealContact(req.ctx, req.params.id, req.params.contactId);
    return reply.status(204).send();
  });
};
