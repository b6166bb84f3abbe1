import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CompPlanListSchema,
  CompPlanSchema,
  CompStatementListSchema,
  CompStatementSchema,
  CreateCompPlanBodySchema,
  SetCompPlanRepsBodySchema,
  StatementParamsSchema,
  StatementsQuerySchema,
  UpdateCompPlanBodySchema,
  WhatIfQuerySchema,
  WhatIfSchema,
} from "../../../shared/contracts/team.js";
import type { CompService } from "./comp.service.js";

/** Commission plans, monthly statements and the what-if comparison. */
export const compRoutes: FastifyPluginAsyncZod<{ comp: CompService }> = async (app, { comp }) => {
  const tags = ["team"];
  app.get("/comp-plans", { schema: { tags, summary: "Commission plans with their reps", response: { 200: CompPlanListSchema } } }, (req) => comp.listPlans(req.ctx));
  app.post("/comp-plans", { schema: { tags, summary: "Create a commission plan (per accepted meeting, or a share of sourced won revenue with clawback)", body: CreateCompPlanBodySchema, response: { 201: CompPlanSchema } } }, async (req, reply) =>
    reply.status(201).send(await comp.createPlan(req.ctx, req.body)),
  );
  app.patch("/comp-plans/:id", { schema: { tags, summary: "Change a commission plan", params: IdParamsSchema, body: UpdateCompPlanBodySchema, response: { 200: CompPlanSchema } } }, (req) =>
    comp.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.delete("/comp-plans/:id", { schema: { tags, summary: "Delete a commission plan", params: IdParamsSchema } }, async (req, reply) => {
    await comp.deletePlan(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.put("/comp-plans/:id/reps", { schema: { tags, summary: "Put exactly these reps on the plan", params: IdParamsSchema, body: SetCompPlanRepsBodySchema, response: { 200: CompPlanSchema } } }, (req) =>
    comp.setReps(req.ctx, req.params.id, req.body),
  );
  app.get("/comp-statements", { schema: { tags, summary: "A month's commission statements (every rep's for managers, one's own otherwise)", querystring: StatementsQuerySchema, response: { 200: CompStatementListSchema } } }, (req) =>
    comp.listStatements(req.ctx, req.query.month, req.query.userId),
  );
  app.get("/comp-statements/:userId/:month", { schema: { tags, summary: "One rep's statement of a month, with its lines", params: StatementParamsSchema, response: { 200: CompStatementSchema } } }, (req) =>
    comp.getStatement(req.ctx, req.params.userId, req.params.month),
  );
  app.post("/comp-statements/:userId/:month/finalise", { schema: { tags, summary: "Freeze a rep's statement of a month that is over", params: StatementParamsSchema, response: { 200: CompStatementSchema } } }, (req) =>
    comp.finaliseStatement(req.ctx, req.params.userId, req.params.month),
  );
  app.get("/comp-what-if", { schema: { tags, summary: "What two plans would have paid each SDR, month by month, on the workspace's history", querystring: WhatIfQuerySchema, response: { 200: WhatIfSchema } } }, (req) =>
    comp.whatIf(req.ctx, req.query),
  );
};
