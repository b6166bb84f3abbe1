import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { JobSchema } from "../../../shared/contracts/jobs.js";
import { ActiveModelResponseSchema, ContactPredictionSchema, ListModelsQuerySchema, PredictiveModelListSchema, TrainModelBodySchema } from "../../../shared/contracts/predictive.js";
import type { PredictiveService } from "./predictive.service.js";

/** The workspace's predictive model: training on demand, versions, metrics, and contact explanations. */
export const predictiveRoutes: FastifyPluginAsyncZod<{ predictive: PredictiveService }> = async (app, { predictive }) => {
  const tags = ["predictive model"];
  app.post(
    "/predictive/models",
    {
      schema: {
        tags,
        summary: "Train a new model on the workspace's closed-loop outcomes (a job; 409 below the minimum outcomes)",
        body: TrainModelBodySchema,
        response: { 202: JobSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await predictive.requestTraining(req.ctx, req.body)),
  );
  app.get("/predictive/models", { schema: { tags, summary: "Model versions with their held-out metrics, newest first", querystring: ListModelsQuerySchema, response: { 200: PredictiveModelListSchema } } }, (req) =>
    predictive.listModels(req.ctx, req.query),
  );
  app.get(
    "/predictive/models/active",
    { schema: { tags, summary: "The active model's metrics (AUC, Brier, calibration, top features) and today's outcome counts", response: { 200: ActiveModelResponseSchema } } },
    (req) => predictive.getActiveModel(req.ctx),
  );
  app.get(
    "/contacts/:id/predictive",
    { schema: { tags, summary: "A contact's chance of a won deal and the factors behind it", params: IdParamsSchema, response: { 200: ContactPredictionSchema } } },
    (req) => predictive.explainContact(req.ctx, req.params.id),
  );
};
