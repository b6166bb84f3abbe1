import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CreateRoutingRuleBodySchema,
  ReorderRoutingRulesBodySchema,
  RoutingRuleListSchema,
  RoutingRuleSchema,
  UpdateRoutingRuleBodySchema,
} from "../../../shared/contracts/routing.js";
import type { RoutingRulesService } from "./routing.service.js";

/** Ordered lead-routing rules. */
export const routingRoutes: FastifyPluginAsyncZod<{ rules: RoutingRulesService }> = async (app, { rules }) => {
  const tags = ["routing"];
  app.get("/routing-rules", { schema: { tags, summary: "List routing rules in evaluation order", response: { 200: RoutingRuleListSchema } } }, async (req) => ({
    items: await rules.listRules(req.ctx),
  }));
  app.post(
    "/routing-rules",
    { schema: { tags, summary: "Add a routing rule at the end of the order", body: CreateRoutingRuleBodySchema, response: { 201: RoutingRuleSchema } } },
    async (req, reply) => reply.status(201).send(await rules.createRule(req.ctx, req.body)),
  );
  app.put(
    "/routing-rules/order",
    { schema: { tags, summary: "Reorder the rules (every rule id, first to last)", body: ReorderRoutingRulesBodySchema, response: { 200: RoutingRuleListSchema } } },
    async (req) => ({ items: await rules.reorderRules(req.ctx, req.body) }),
  );
  app.patch(
    "/routing-rules/:id",
    { schema: { tags, summary: "Change a routing rule", params: IdParamsSchema, body: UpdateRoutingRuleBodySchema, response: { 200: RoutingRuleSchema } } },
    (req) => rules.updateRule(req.ctx, req.params.id, req.body),
  );
  app.delete("/routing-rules/:id", { schema: { tags, summary: "Delete a routing rule", params: IdParamsSchema } }, async (req, reply) => {
    await rules.deleteRule(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};
