import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ReportsModule } from "../reports/index.js";
import { createAccountReviewsRepository } from "./account-reviews.repository.js";
import { createAccountReviewsService, type ReviewsCrmAccess } from "./account-reviews.service.js";
import { createWhitespaceService } from "./whitespace.service.js";
import { growthRoutes } from "./growth.routes.js";

type Deps = { db: Database; clock: Clock; crm: ReviewsCrmAccess; run: ReportsModule["run"] };

/**
 * Existing-customer growth (docs/WINLOSS-TEAM.md): account business reviews, the whitespace matrix and the
 * expansion/retention report. Products, owned products and deal lines are crm's; whitespace campaigns are campaigns'.
 */
export function createGrowthModule({ db, clock, crm, run }: Deps) {
  const repo = createAccountReviewsRepository();
  const reviews = createAccountReviewsService({ db, repo, crm, clock });
  const whitespace = createWhitespaceService({ db, repo });
  async function routes(app: FastifyInstance) {
    await app.register(growthRoutes, { reviews, whitespace, run });
  }
  return { routes, reviews, whitespace };
}

export type GrowthModule = ReturnType<typeof createGrowthModule>;
