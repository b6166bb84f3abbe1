import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AnswerCheckBodySchema,
  BriefListSchema,
  BriefSchema,
  CheckResultSchema,
  CreateBriefBodySchema,
  EnablementSettingsSchema,
  UpdateBriefBodySchema,
  UpdateEnablementSettingsBodySchema,
} from "../../../shared/contracts/enablement-briefs.js";
import type { BriefsService } from "./briefs.service.js";

/** Campaign briefs, the reps' acknowledgement and check, and the readiness threshold. */
export const briefsRoutes: FastifyPluginAsyncZod<{ briefs: BriefsService }> = async (app, { briefs }) => {
  const tags = ["enablement"];
  app.get("/briefs", { schema: { tags, summary: "Campaign briefs with readiness (a rep sees those in their scope)", response: { 200: BriefListSchema } } }, async (req) => ({ items: await briefs.listBriefs(req.ctx) }));
  app.post("/briefs", { schema: { tags, summary: "Write a campaign's brief (a draft)", body: CreateBriefBodySchema, response: { 201: BriefSchema } } }, async (req, reply) =>
    reply.status(201).send(await briefs.createBrief(req.ctx, req.body)),
  );
  app.get("/briefs/:id", { schema: { tags, summary: "A brief with readiness", params: IdParamsSchema, response: { 200: BriefSchema } } }, (req) => briefs.getBrief(req.ctx, req.params.id));
  app.patch("/briefs/:id", { schema: { tags, summary: "Change a draft brief", params: IdParamsSchema, body: UpdateBriefBodySchema, response: { 200: BriefSchema } } }, (req) =>
    briefs.updateBrief(req.ctx, req.params.id, req.body),
  );
  app.delete("/briefs/:id", { schema: { tags, summary: "Delete a draft brief", params: IdParamsSchema } }, async (req, reply) => {
    await briefs.deleteBrief(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post("/briefs/:id/publish", { schema: { tags, summary: "Publish the brief to the reps in scope (each is notified)", params: IdParamsSchema, response: { 200: BriefSchema } } }, (req) =>
    briefs.publishBrief(req.ctx, req.params.id),
  );
  app.post("/briefs/:id/acknowledge", { schema: { tags, summary: "Acknowledge the brief (a rep in scope)", params: IdParamsSchema, response: { 200: BriefSchema } } }, (req) =>
    briefs.acknowledge(req.ctx, req.params.id),
  );
  app.post("/briefs/:id/check", { schema: { tags, summary: "Answer the brief's check (a rep in scope)", params: IdParamsSchema, body: AnswerCheckBodySchema, response: { 200: CheckResultSchema } } }, (req) =>
    briefs.answerCheck(req.ctx, req.params.id, req.body),
  );
  app.get("/campaigns/:id/brief", { schema: { tags, summary: "The campaign's brief with readiness", params: IdParamsSchema, response: { 200: BriefSchema } } }, (req) =>
    briefs.campaignBrief(req.ctx, req.params.id),
  );
  app.get("/enablement/settings", { schema: { tags, summary: "The readiness threshold", response: { 200: EnablementSettingsSchema } } }, (req) => briefs.settings(req.ctx));
  app.put("/enablement/settings", { schema: { tags, summary: "Set the readiness threshold (0–1)", body: UpdateEnablementSettingsBodySchema, response: { 200: EnablementSettingsSchema } } }, (req) =>
    briefs.updateSettings(req.ctx, req.body),
  );
};
