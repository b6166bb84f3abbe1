import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AdherenceReportQuerySchema,
  AdherenceReportSchema,
  ContactPlaybookSchema,
  CreatePlaybookBodySchema,
  PlaybookListSchema,
  PlaybookSchema,
  ReorderPlaybooksBodySchema,
  UpdatePlaybookBodySchema,
} from "../../../shared/contracts/playbooks.js";
import type { PlaybooksService } from "./playbooks.service.js";
import type { RecommendService } from "./recommend.service.js";
import type { AdherenceService } from "./adherence.service.js";

type Opts = { playbooks: PlaybooksService; recommend: RecommendService; adherence: AdherenceService };

/** Follow-up playbooks, a lead's recommended playbook, and the adherence report. */
export const playbooksRoutes: FastifyPluginAsyncZod<Opts> = async (app, { playbooks, recommend, adherence }) => {
  const tags = ["playbooks"];
  app.get("/playbooks", { schema: { tags, summary: "List playbooks in order", response: { 200: PlaybookListSchema } } }, async (req) => ({ items: await playbooks.listPlaybooks(req.ctx) }));
  app.post(
    "/playbooks",
    { schema: { tags, summary: "Add a playbook at the end of the order", body: CreatePlaybookBodySchema, response: { 201: PlaybookSchema } } },
    async (req, reply) => reply.status(201).send(await playbooks.createPlaybook(req.ctx, req.body)),
  );
  app.put(
    "/playbooks/order",
    { schema: { tags, summary: "Reorder the playbooks (every id, first to last)", body: ReorderPlaybooksBodySchema, response: { 200: PlaybookListSchema } } },
    async (req) => ({ items: await playbooks.reorderPlaybooks(req.ctx, req.body) }),
  );
  app.patch(
    "/playbooks/:id",
    { schema: { tags, summary: "Change a playbook", params: IdParamsSchema, body: UpdatePlaybookBodySchema, response: { 200: PlaybookSchema } } },
    (req) => playbooks.updatePlaybook(req.ctx, req.params.id, req.body),
  );
  app.delete("/playbooks/:id", { schema: { tags, summary: "Delete a playbook and its assignments", params: IdParamsSchema } }, async (req, reply) => {
    await playbooks.deletePlaybook(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get(
    "/contacts/:id/playbook",
    { schema: { tags, summary: "The lead's recommended playbook and its follow-up progress", params: IdParamsSchema, response: { 200: ContactPlaybookSchema } } },
    (req) => recommend.contactPlaybook(req.ctx, req.params.id),
  );
  app.get(
    "/reports/playbook-adherence",
    { schema: { tags, summary: "Playbook adherence per rep or per lead source", querystring: AdherenceReportQuerySchema, response: { 200: AdherenceReportSchema } } },
    (req) => adherence.adherenceReport(req.ctx, req.query),
  );
};
