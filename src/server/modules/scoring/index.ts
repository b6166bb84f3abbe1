import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { AgreementService } from "../agreement/index.js";
import type { CrmModule } from "../crm/index.js";
import { createScoringRepository } from "./scoring.repository.js";
import { createScoringService } from "./scoring.service.js";
import { createScoringScanRepository } from "./scoring-scan.repository.js";
import type { TouchpointsModule } from "../touchpoints/index.js";
import { scoringRoutes } from "./scoring.routes.js";
import { createScoringJobsService } from "./scoring-jobs.service.js";
import { createBacktestService } from "./backtest.service.js";
import type { JobsService } from "../jobs/index.js";

type Deps = {
  db: Database;
  clock: Clock;
  agreement: Pick<AgreementService, "getActiveDefinitionIn" | "findDefinitionIn">;
  jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "latestFor">;
  crm: Pick<CrmModule, "scoringAccess" | "lifecycle" | "hooks">;
  touchpoints: Pick<TouchpointsModule, "hooks">;
};

/** Scoring: fit, decaying engagement and the MQL gate; subscribes to contact, account and touchpoint changes. */
export function createScoringModule({ db, clock, agreement, crm, touchpoints, jobs }: Deps) {
  const scan = createScoringScanRepository();
  const scoring = createScoringService({ db, repo: createScoringRepository(), scan, clock, agreement, crm });
  const backtests = createBacktestService({ db, scan, clock });
  const scoringJobs = createScoringJobsService({ db, clock, jobs, agreement, scoring, backtests });
  crm.hooks.contactChanged.push(scoring.refreshFit);
  crm.hooks.contactsChanged.push(scoring.refreshFitMany);
  crm.hooks.accountChanged.push(scoring.refreshAccountFit);
  touchpoints.hooks.touchpointsCreated.push(scoring.onTouchpoints);
  async function routes(app: FastifyInstance) {
    await app.register(scoringRoutes, { scoring, scoringJobs });
  }
  return { routes, scoring, scoringJobs, backtests };
}

export type ScoringModule = ReturnType<typeof createScoringModule>;
