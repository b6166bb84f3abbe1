import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CampaignCostParamsSchema,
  CampaignDetailSchema,
  CampaignPageSchema,
  CreateCampaignBodySchema,
  CreateCampaignCostBodySchema,
  ListCampaignsQuerySchema,
  UpdateCampaignBodySchema,
} from "../../../shared/contracts/campaigns.js";
import type { CampaignsService } from "./campaigns.service.js";
import { WhitespaceTargetBodySchema, WhitespaceTargetSchema } from "../../../shared/contracts/growth.js";

/** Campaigns CRUD and cost lines. */
export const campaignsRoutes: FastifyPluginAsyncZod<{ campaigns: CampaignsService }> = async (app, { campaigns }) => {
  const tags = ["campaigns"];
  app.get("/campaigns", { schema: { tags, summary: "List campaigns", querystring: ListCampaignsQuerySchema, response: { 200: CampaignPageSchema } } }, (req) =>
    campaigns.listCampaigns(req.ctx, req.query),
  );
  app.post("/campaigns", { config: { idempotent: true }, schema: { tags, summary: "Create a campaign", body: CreateCampaignBodySchema, response: { 201: CampaignDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await campaigns.createCampaign(req.ctx, req.body)),
  );
  app.get("/campaigns/:id", { schema: { tags, summary: "Get a campaign with costs and results", params: IdParamsSchema, response: { 200: CampaignDetailSchema } } }, (req) =>
    campaigns.getCampaign(req.ctx, req.params.id),
  );
  app.patch(
    "/campaigns/:id",
    { schema: { tags, summary: "Update a campaign", params: IdParamsSchema, body: UpdateCampaignBodySchema, response: { 200: CampaignDetailSchema } } },
    (req) => campaigns.updateCampaign(req.ctx, req.params.id, req.body),
  );
  app.delete("/campaigns/:id", { schema: { tags, summary: "Delete a campaign nothing refers to", params: IdParamsSchema } }, async (req, reply) => {
    await campaigns.deleteCampaign(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post(
    "/campaigns/:id/costs",
    { schema: { tags, summary: "Add a dated cost line", params: IdParamsSchema, body: CreateCampaignCostBodySchema, response: { 201: CampaignDetailSchema } } },
    async (req, reply) => reply.status(201).send(await campaigns.addCost(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    "/campaigns/:id/costs/:costId",
    { schema: { tags, summary: "Remove a cost line", params: CampaignCostParamsSchema, response: { 200: CampaignDetailSchema } } },
    (req) => campaigns.deleteCost(req.ctx, req.params.id, req.params.costId),
  );
  app.get(
    "/campaigns/:id/whitespace-target",
    { schema: { tags, summary: "The campaign's whitespace target with the accounts and contacts it reaches", params: IdParamsSchema, response: { 200: WhitespaceTargetSchema } } },
    (req) => campaigns.getWhitespaceTarget(req.ctx, req.params.id),
  );
  app.put(
    "/campaigns/:id/whitespace-target",
    { schema: { tags, summary: "Aim the campaign at accounts that lack a product (optionally in a segment)", params: IdParamsSchema, body: WhitespaceTargetBodySchema, response: { 200: WhitespaceTargetSchema } } },
    (req) => campaigns.setWhitespaceTarget(req.ctx, req.params.id, req.body),
  );
  app.delete("/campaigns/:id/whitespace-target", { schema: { tags, summary: "Remove the campaign's whitespace target", params: IdParamsSchema } }, async (req, reply) => {
    await campaigns.removeWhitespaceTarget(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};
