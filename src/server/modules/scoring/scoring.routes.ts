import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { ScoreExplanationSchema } from "../../../shared/contracts/agreement.js";
import type { ScoringService } from "./scoring.service.js";

/** Score explanations. */
export const scoringRoutes: FastifyPluginAsyncZod<{ scoring: ScoringService }> = async (app, { scoring }) => {
  app.get(
    "/contacts/:id/score",
    { schema: { tags: ["scoring"], summary: "Why a contact scores what it does: fit rules, engagement now, points history", params: IdParamsSchema, response: { 200: ScoreExplanationSchema } } },
    (req) => scoring.explain(req.ctx, req.params.id),
  );
};
