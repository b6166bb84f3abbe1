import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { AssignContactBodySchema, HandoffListSchema, HandoffPageSchema, HandoffSchema, ListHandoffsQuerySchema } from "../../../shared/contracts/routing.js";
import type { HandoffsService } from "./handoffs.service.js";

/** Handoffs of leads to reps, and manual reassignment. */
export const handoffsRoutes: FastifyPluginAsyncZod<{ handoffs: HandoffsService }> = async (app, { handoffs }) => {
  const tags = ["routing"];
  app.get(
    "/contacts/:id/handoffs",
    { schema: { tags, summary: "A contact's handoffs with their context, newest first", params: IdParamsSchema, response: { 200: HandoffListSchema } } },
    async (req) => ({ items: await handoffs.contactHandoffs(req.ctx, req.params.id) }),
  );
  app.post(
    "/contacts/:id/assign",
    { schema: { tags, summary: "Hand a contact to another rep (writes a handoff and notifies them)", params: IdParamsSchema, body: AssignContactBodySchema, response: { 201: HandoffSchema } } },
    async (req, reply) => reply.status(201).send(await handoffs.assignContact(req.ctx, req.params.id, req.body)),
  );
  app.get("/handoffs", { schema: { tags, summary: "Handoffs, optionally to one rep, newest first", querystring: ListHandoffsQuerySchema, response: { 200: HandoffPageSchema } } }, (req) =>
    handoffs.listHandoffs(req.ctx, req.query),
  );
};
