import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  ApproveDefinitionBodySchema,
  CreateDefinitionBodySchema,
  DefinitionBodySchema,
  DefinitionDiffSchema,
  DiffQuerySchema,
  LeadDefinitionListSchema,
  LeadDefinitionSchema,
} from "../../../shared/contracts/agreement.js";
import type { AgreementService } from "./agreement.service.js";

/** The lead agreement: versions, proposals, approvals, diffs. */
export const agreementRoutes: FastifyPluginAsyncZod<{ agreement: AgreementService }> = async (app, { agreement }) => {
  const tags = ["lead agreement"];
  app.get("/lead-definitions", { schema: { tags, summary: "List lead definition versions, newest first", response: { 200: LeadDefinitionListSchema } } }, async (req) => ({
    items: await agreement.listDefinitions(req.ctx),
  }));
  app.post(
    "/lead-definitions",
    { schema: { tags, summary: "Start a draft (from given rules, the active version, or the starter rules)", body: CreateDefinitionBodySchema, response: { 201: LeadDefinitionSchema } } },
    async (req, reply) => reply.status(201).send(await agreement.createDraft(req.ctx, req.body)),
  );
  app.get("/lead-definitions/:id", { schema: { tags, summary: "Get a version", params: IdParamsSchema, response: { 200: LeadDefinitionSchema } } }, (req) =>
    agreement.getDefinition(req.ctx, req.params.id),
  );
  app.put(
    "/lead-definitions/:id",
    { schema: { tags, summary: "Replace a draft's or proposal's rules (resets approvals)", params: IdParamsSchema, body: DefinitionBodySchema, response: { 200: LeadDefinitionSchema } } },
    (req) => agreement.updateDefinition(req.ctx, req.params.id, req.body),
  );
  app.delete("/lead-definitions/:id", { schema: { tags, summary: "Delete a draft", params: IdParamsSchema } }, async (req, reply) => {
    await agreement.deleteDraft(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post("/lead-definitions/:id/propose", { schema: { tags, summary: "Propose a draft for approval by both sides", params: IdParamsSchema, response: { 200: LeadDefinitionSchema } } }, (req) =>
    agreement.propose(req.ctx, req.params.id),
  );
  app.post(
    "/lead-definitions/:id/approve",
    { schema: { tags, summary: "Approve for one side; both sides (two people) activate it", params: IdParamsSchema, body: ApproveDefinitionBodySchema, response: { 200: LeadDefinitionSchema } } },
    (req) => agreement.approve(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/lead-definitions/:id/diff",
    { schema: { tags, summary: "What changed against another version (default: the active one)", params: IdParamsSchema, querystring: DiffQuerySchema, response: { 200: DefinitionDiffSchema } } },
    (req) => agreement.diff(req.ctx, req.params.id, req.query.against),
  );
};
