import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CompetitorDetailSchema,
  CompetitorListSchema,
  CompetitorWinRatesQuerySchema,
  CompetitorWinRatesSchema,
  CreateCompetitorBodySchema,
  EngagedCompetitorListSchema,
  SaveBattlecardBodySchema,
  SetDealCompetitorsBodySchema,
  UpdateCompetitorBodySchema,
} from "../../../shared/contracts/enablement-competitors.js";
import type { CompetitorsService } from "./competitors.service.js";

/** Competitors, battlecards, deal tags and the battlecards of a deal or contact. */
export const competitorsRoutes: FastifyPluginAsyncZod<{ competitors: CompetitorsService }> = async (app, { competitors }) => {
  const tags = ["enablement"];
  app.get("/competitors", { schema: { tags, summary: "Competitors with their record over the last 12 months", response: { 200: CompetitorListSchema } } }, async (req) => ({
    items: await competitors.listCompetitors(req.ctx),
  }));
  app.post("/competitors", { schema: { tags, summary: "Add a competitor profile", body: CreateCompetitorBodySchema, response: { 201: CompetitorDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await competitors.createCompetitor(req.ctx, req.body)),
  );
  app.get("/competitors/:id", { schema: { tags, summary: "A competitor's profile, battlecard, record and deals", params: IdParamsSchema, response: { 200: CompetitorDetailSchema } } }, (req) =>
    competitors.getCompetitor(req.ctx, req.params.id),
  );
  app.patch(
    "/competitors/:id",
    { schema: { tags, summary: "Change a competitor's profile", params: IdParamsSchema, body: UpdateCompetitorBodySchema, response: { 200: CompetitorDetailSchema } } },
    (req) => competitors.updateCompetitor(req.ctx, req.params.id, req.body),
  );
  app.delete("/competitors/:id", { schema: { tags, summary: "Delete a competitor, its battlecard and deal tags", params: IdParamsSchema } }, async (req, reply) => {
    await competitors.deleteCompetitor(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.put(
    "/competitors/:id/battlecard",
    { schema: { tags, summary: "Save the competitor's battlecard (a new version)", params: IdParamsSchema, body: SaveBattlecardBodySchema, response: { 200: CompetitorDetailSchema } } },
    (req) => competitors.saveBattlecard(req.ctx, req.params.id, req.body),
  );
  app.get("/deals/:id/competitors", { schema: { tags, summary: "The deal's competitors with their battlecards", params: IdParamsSchema, response: { 200: EngagedCompetitorListSchema } } }, async (req) => ({
    items: await competitors.dealCompetitors(req.ctx, req.params.id),
  }));
  app.put(
    "/deals/:id/competitors",
    { schema: { tags, summary: "Replace the deal's competitor tags", params: IdParamsSchema, body: SetDealCompetitorsBodySchema, response: { 200: EngagedCompetitorListSchema } } },
    async (req) => ({ items: await competitors.setDealCompetitors(req.ctx, req.params.id, req.body) }),
  );
  app.get(
    "/contacts/:id/competitors",
    { schema: { tags, summary: "Competitors on the contact's deals with their battlecards", params: IdParamsSchema, response: { 200: EngagedCompetitorListSchema } } },
    async (req) => ({ items: await competitors.contactCompetitors(req.ctx, req.params.id) }),
  );
  app.get(
    "/reports/competitor-win-rates",
    { schema: { tags, summary: "Win rate and loss reasons per competitor", querystring: CompetitorWinRatesQuerySchema, response: { 200: CompetitorWinRatesSchema } } },
    (req) => competitors.winRates(req.ctx, req.query),
  );
};
