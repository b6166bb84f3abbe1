import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { ScoreExplanationSchema } from "../../../shared/contracts/agreement.js";
import { StartBacktestBodySchema } from "../../../shared/contracts/backtest.js";
import { JobSchema } from "../../../shared/contracts/jobs.js";
import type { ScoringService } from "./scoring.service.js";
import type { ScoringJobsService } from "./scoring-jobs.service.js";

/** Score explanations, back-tests and full re-scores. */
export const scoringRoutes: FastifyPluginAsyncZod<{ scoring: ScoringService; scoringJobs: ScoringJobsService }> = async (app, { scoring, scoringJobs }) => {
  const tags = ["scoring"];
  app.get(
    "/contacts/:id/score",
    { schema: { tags, summary: "Why a contact scores what it does: fit rules, engagement now, points history", params: IdParamsSchema, response: { 200: ScoreExplanationSchema } } },
    (req) => scoring.explain(req.ctx, req.params.id),
  );
  app.post(
    "/lead-definitions/:id/backtests",
    {
      schema: {
        tags: ["lead agreement"],
        summary: "Back-test a version against the active one over the last N months (runs as a job; poll /jobs/:id)",
        params: IdParamsSchema,
        body: StartBacktestBodySchema,
        response: { 202: JobSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await scoringJobs.startBacktest(req.ctx, req.params.id, req.body)),
  );
  app.get(
    "/lead-definitions/:id/backtests/latest",
    { schema: { tags: ["lead agreement"], summary: "The newest back-test of a version (its job, with the result when done)", params: IdParamsSchema, response: { 200: JobSchema } } },
    (req) => scoringJobs.latestBacktest(req.ctx, req.params.id),
  );
  app.post(
    "/scoring/rescore",
    { schema: { tags, summary: "Re-score every contact under the active definition (runs as a job)", response: { 202: JobSchema } } },
    async (req, reply) => reply.status(202).send(await scoringJobs.startRescore(req.ctx)),
  );
};
