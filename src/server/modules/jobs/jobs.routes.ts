import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import { JobPageSchema, JobSchema, ListJobsQuerySchema } from "../../../shared/contracts/jobs.js";
import type { JobsService } from "./jobs.service.js";

/** Jobs: progress and results of long work (re-score, back-test, model training). */
export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  const tags = ["jobs"];
  app.get("/jobs", { schema: { tags, summary: "List jobs, newest first", querystring: ListJobsQuerySchema, response: { 200: JobPageSchema } } }, (req) =>
    jobs.listJobs(req.ctx, req.query),
  );
  app.get("/jobs/:id", { schema: { tags, summary: "Get a job with its progress and result", params: IdParamsSchema, response: { 200: JobSchema } } }, (req) =>
    jobs.getJob(req.ctx, req.params.id),
  );
};
