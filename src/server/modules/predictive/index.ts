import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import type { JobsService } from "../jobs/index.js";
import { createPredictiveRepository } from "./predictive.repository.js";
import { createPredictiveScanRepository } from "./predictive-scan.repository.js";
import { createPredictiveService } from "./predictive.service.js";
import { createPredictiveTrainingService } from "./predictive-training.service.js";
import { predictiveRoutes } from "./predictive.routes.js";

type Deps = { db: Database; clock: Clock; jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "latestFor"> };

/** The predictive score: a model per workspace trained on its own won vs lost outcomes, as a job, nightly and on demand. */
export function createPredictiveModule({ db, clock, jobs }: Deps) {
  const repo = createPredictiveRepository();
  const scan = createPredictiveScanRepository();
  const training = createPredictiveTrainingService({ db, repo, scan, clock });
  const predictive = createPredictiveService({ db, repo, scan, clock, jobs });
  jobs.register("predictive_train", training.runTraining);
  const schedules: ScheduledTask[] = [
    {
      name: "tandem-predictive-retrain",
      cron: "30 3 * * *",
      async runForWorkspace(workspaceId) {
        await predictive.retrainIfDue(workspaceId);
      },
    },
  ];
  async function routes(app: FastifyInstance) {
    await app.register(predictiveRoutes, { predictive });
  }
  return { routes, schedules, predictive, training };
}

export type PredictiveModule = ReturnType<typeof createPredictiveModule>;
export type { PredictiveService } from "./predictive.service.js";
