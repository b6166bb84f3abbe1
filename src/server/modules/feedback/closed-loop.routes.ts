import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  AcceptLeadBodySchema,
  BulkLeadActionBodySchema,
  BulkLeadActionResultSchema,
  DraftFromSuggestionBodySchema,
  DraftFromSuggestionResponseSchema,
  InboxQuerySchema,
  InboxResponseSchema,
  LeadActionResultSchema,
  ReasonedLeadBodySchema,
  RejectionsQuerySchema,
  RejectionsResponseSchema,
  SuggestionsResponseSchema,
} from "../../../shared/contracts/feedback.js";
import type { InboxService } from "./inbox.service.js";
import type { InsightsService } from "./insights.service.js";
import type { LeadsService } from "./leads.service.js";

type Opts = { leads: LeadsService; inbox: InboxService; insights: InsightsService };

/** The closed loop: a rep's inbox, accept/reject/recycle/disqualify, and rejections rolled up for marketing. */
export const closedLoopRoutes: FastifyPluginAsyncZod<Opts> = async (app, { leads, inbox, insights }) => {
  const tags = ["feedback"];
  app.get("/inbox", { schema: { tags, summary: "A rep's open leads with SLA countdowns, handoff context and playbook", querystring: InboxQuerySchema, response: { 200: InboxResponseSchema } } }, (req) =>
    inbox.inbox(req.ctx, req.query.ownerId),
  );
  app.post(
    "/leads/:id/accept",
    { schema: { tags, summary: "Accept an MQL (it becomes a sales-accepted lead)", params: IdParamsSchema, body: AcceptLeadBodySchema, response: { 200: LeadActionResultSchema } } },
    (req) => leads.act(req.ctx, req.params.id, "accept", req.body),
  );
  for (const action of ["reject", "recycle", "disqualify"] as const) {
    app.post(
      `/leads/:id/${action}`,
      { schema: { tags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a lead with a reason from the workspace's taxonomy`, params: IdParamsSchema, body: ReasonedLeadBodySchema, response: { 200: LeadActionResultSchema } } },
      (req) => leads.act(req.ctx, req.params.id, action, req.body),
    );
  }
  app.post("/leads/bulk", { schema: { tags, summary: "One action on up to 200 leads; each succeeds or fails on its own", body: BulkLeadActionBodySchema, response: { 200: BulkLeadActionResultSchema } } }, (req) =>
    leads.bulk(req.ctx, req.body),
  );
  app.get("/feedback/rejections", { schema: { tags, summary: "Accepted and rejected MQLs per campaign or source, with rejection reasons", querystring: RejectionsQuerySchema, response: { 200: RejectionsResponseSchema } } }, (req) =>
    insights.rejections(req.ctx, req.query),
  );
  app.get("/feedback/suggestions", { schema: { tags, summary: "Recurring rejection reasons turned into proposed negative fit rules", querystring: RejectionsQuerySchema, response: { 200: SuggestionsResponseSchema } } }, (req) =>
    insights.suggestions(req.ctx, req.query),
  );
  app.post(
    "/feedback/suggestions/draft",
    { schema: { tags, summary: "Draft a new lead definition version with a suggestion's rule", body: DraftFromSuggestionBodySchema, response: { 201: DraftFromSuggestionResponseSchema } } },
    async (req, reply) => reply.status(201).send(await insights.draftFromSuggestion(req.ctx, req.body)),
  );
};
