import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createReportRunner } from "./report-runner.js";
import { leadReportRoutes } from "./lead-reports.routes.js";
import { createReviewsRepository } from "./reviews.repository.js";
import { createReviewsService } from "./reviews.service.js";
import { createReviewSnapshotBuilder } from "./review-snapshot.js";
import { reviewsRoutes } from "./reviews.routes.js";
import { alignmentReportRoutes } from "./alignment-reports.routes.js";

type Deps = { db: Database; clock: Clock; /** Chromium for the review's PDF print. */ chromiumPath: string };

/**
 * The reports of DESIGN §6.5 over HTTP: each route runs one read-only query from `src/server/reports/` through the
 * shared runner (period in the workspace zone, filters, foreign ids → 404).
 */
export function createReportsModule({ db, clock, chromiumPath }: Deps) {
  const run = createReportRunner({ db, clock });
  const buildSnapshot = createReviewSnapshotBuilder({});
  const reviews = createReviewsService({ db, repo: createReviewsRepository(), clock, buildSnapshot, chromiumPath });
  async function routes(app: FastifyInstance) {
    // Report families register here, one routes file each.
    await app.register(leadReportRoutes, { run });
    await app.register(alignmentReportRoutes, { run, clock });
    await app.register(reviewsRoutes, { reviews });
  }
  return { routes, run, reviews };
}

export type ReportsModule = ReturnType<typeof createReportsModule>;
