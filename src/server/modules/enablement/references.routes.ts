import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CreateReferenceBodySchema,
  DealReferencesSchema,
  DecideReferenceUseBodySchema,
  ListReferenceUsesQuerySchema,
  ReferenceDetailSchema,
  ReferenceSearchQuerySchema,
  ReferenceSearchResultSchema,
  ReferenceSettingsSchema,
  ReferenceUsageQuerySchema,
  ReferenceUsageSchema,
  ReferenceUseListSchema,
  ReferenceUseSchema,
  RequestReferenceBodySchema,
  UpdateReferenceBodySchema,
  UpdateReferenceSettingsBodySchema,
} from "../../../shared/contracts/enablement-references.js";
import type { ReferencesService } from "./references.service.js";
import type { ReferenceUsesService } from "./reference-uses.service.js";

/** Customer references: the catalogue, requests to use one on a deal and their decisions, the deal panel, the report. */
export const referencesRoutes: FastifyPluginAsyncZod<{ references: ReferencesService; uses: ReferenceUsesService }> = async (app, { references, uses }) => {
  const tags = ["enablement"];
  app.get(
    "/references",
    { schema: { tags, summary: "Search the reference catalogue (text, industry, size, region, product, use case) with facets", querystring: ReferenceSearchQuerySchema, response: { 200: ReferenceSearchResultSchema } } },
    (req) => references.searchReferences(req.ctx, req.query),
  );
  app.post("/references", { schema: { tags, summary: "Add a customer reference", body: CreateReferenceBodySchema, response: { 201: ReferenceDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await references.createReference(req.ctx, req.body)),
  );
  app.get("/references/:id", { schema: { tags, summary: "A reference's profile, availability this quarter and uses", params: IdParamsSchema, response: { 200: ReferenceDetailSchema } } }, (req) =>
    references.getReference(req.ctx, req.params.id),
  );
  app.patch(
    "/references/:id",
    { schema: { tags, summary: "Change a reference (marketing, managers, admins or its owner)", params: IdParamsSchema, body: UpdateReferenceBodySchema, response: { 200: ReferenceDetailSchema } } },
    (req) => references.updateReference(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/references/:id/uses",
    { schema: { tags, summary: "Ask to use the reference on a deal (409 when inactive or at its cap this quarter)", params: IdParamsSchema, body: RequestReferenceBodySchema, response: { 201: ReferenceUseSchema } } },
    async (req, reply) => reply.status(201).send(await uses.requestReference(req.ctx, req.params.id, req.body)),
  );
  app.get("/reference-uses", { schema: { tags, summary: "Reference requests, newest first", querystring: ListReferenceUsesQuerySchema, response: { 200: ReferenceUseListSchema } } }, async (req) => ({
    items: await uses.listUses(req.ctx, req.query),
  }));
  app.post(
    "/reference-uses/:id/decision",
    { schema: { tags, summary: "Approve or decline a reference request (its owner or a manager)", params: IdParamsSchema, body: DecideReferenceUseBodySchema, response: { 200: ReferenceUseSchema } } },
    (req) => uses.decideUse(req.ctx, req.params.id, req.body),
  );
  app.get("/deals/:id/references", { schema: { tags, summary: "The deal's references and suggested ones", params: IdParamsSchema, response: { 200: DealReferencesSchema } } }, (req) =>
    uses.dealReferences(req.ctx, req.params.id),
  );
  app.get("/reference-settings", { schema: { tags, summary: "The workspace's reference cap per quarter", response: { 200: ReferenceSettingsSchema } } }, (req) => references.getSettings(req.ctx));
  app.put(
    "/reference-settings",
    { schema: { tags, summary: "Set the workspace's reference cap per quarter (managers, admins)", body: UpdateReferenceSettingsBodySchema, response: { 200: ReferenceSettingsSchema } } },
    (req) => references.updateSettings(req.ctx, req.body),
  );
  app.get(
    "/reports/reference-usage",
    { schema: { tags, summary: "Reference usage per quarter and the most requested references", querystring: ReferenceUsageQuerySchema, response: { 200: ReferenceUsageSchema } } },
    (req) => references.usage(req.ctx, req.query),
  );
};
