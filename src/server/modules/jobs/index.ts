import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createJobsRepository } from "./jobs.repository.js";
import { createJobsService, type JobLog, type JobQueue } from "./jobs.service.js";
import { jobsRoutes } from "./jobs.routes.js";

/** Jobs: long work with progress, run by the pg-boss worker in servers and drained inline by the CLI and tests. */
export function createJobsModule({ db, clock, queue, log }: { db: Database; clock: Clock; queue: JobQueue; log?: JobLog }) {
  const jobs = createJobsService({ db, repo: createJobsRepository(), clock, queue, log });
  async function routes(app: FastifyInstance) {
    await app.register(jobsRoutes, { jobs });
  }
  return { routes, jobs };
}

export type { JobsService, JobContext, JobHandler, JobLog, JobQueue } from "./jobs.service.js";
export { silentQueue } from "./jobs.service.js";
