import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createReportRunner } from "./report-runner.js";
import { leadReportRoutes } from "./lead-reports.routes.js";
import { createReviewsRepository } from "./reviews.repository.js";
import { createReviewsService } from "./reviews.service.js";
import { createReviewSnapshotBuilder } from "./review-snapshot.js";
import { reviewSections } from "./review-sections.js";
import { reviewsRoutes } from "./reviews.routes.js";
import { createDigestsRepository } from "./digests.repository.js";
import { createDigestsService } from "./digests.service.js";
import { digestsRoutes } from "./digests.routes.js";
import type { NotificationsService } from "../notifications/index.js";
import type { JobsService } from "../jobs/index.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import { alignmentReportRoutes } from "./alignment-reports.routes.js";
import { attributionRoutes } from "./attribution.routes.js";
import { contentReportRoutes } from "./content-reports.routes.js";
import type { Tx } from "../../db/client.js";
import { onDealChangedFacts, onTouchpointsFacts, rebuildDealFacts } from "./rollups/deal-facts.js";
import { leadRollupSchedule, rebuildReportFacts } from "./rollups/lead-rollup.js";

type Deps = {
  db: Database;
  clock: Clock;
  /** Chromium for the review's PDF print. */
  chromiumPath: string;
  notifications: Pick<NotificationsService, "notifyRolesIn">;
  jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "pendingOf">;
};

/**
 * The reports of DESIGN §6.5 over HTTP: each route runs one read-only query from `src/server/reports/` through the
 * shared runner (period in the workspace zone, filters, foreign ids → 404).
 */
export function createReportsModule({ db, clock, chromiumPath, notifications, jobs }: Deps) {
  const run = createReportRunner({ db, clock });
  const buildSnapshot = createReviewSnapshotBuilder(reviewSections(clock));
  const reviews = createReviewsService({ db, repo: createReviewsRepository(), clock, buildSnapshot, chromiumPath, jobs });
  jobs.register("review_generate", reviews.runGeneration);
  const digests = createDigestsService({ db, repo: createDigestsRepository(), clock, notifications });
  // Hourly: last week's digest goes out once Monday 07:00 has passed in the workspace's zone.
  const schedules: ScheduledTask[] = [
    { name: "weekly-digest", cron: "5 * * * *", runForWorkspace: (workspaceId) => digests.sendDue(workspaceId).then(() => undefined) },
    // The lead dashboards' rollup: its triggers append deltas, this folds them.
    leadRollupSchedule(db),
  ];
  async function routes(app: FastifyInstance) {
    // Report families register here, one routes file each.
    await app.register(leadReportRoutes, { run });
    await app.register(alignmentReportRoutes, { run, clock });
    await app.register(attributionRoutes, { run });
    await app.register(contentReportRoutes, { run });
    await app.register(reviewsRoutes, { reviews });
    await app.register(digestsRoutes, { digests });
  }
  // Materialised deal facts (deal_facts), kept in the writer's transaction by crm's and touchpoints' hooks.
  const dealFacts = {
    /** crm's dealChanged hook. */
    onDealChanged: (tx: Tx, workspaceId: string, dealId: string) => onDealChangedFacts(tx, workspaceId, dealId, clock.now()),
    /** touchpoints' touchpointCreated hook. */
    onTouchpointsCreated: (tx: Tx, workspaceId: string, touches: { contactId: string | null; category: string; occurredAt: Date }[]) => onTouchpointsFacts(tx, workspaceId, touches, clock.now()),
    /** Rewrites a workspace's deal facts in one pass. */
    rebuildIn: (tx: Tx, workspaceId: string) => rebuildDealFacts(tx, workspaceId, clock.now()),
  };
  /** Rewrites a workspace's report facts from its records (`tandem reports rebuild`); `step` reports progress (of 4). */
  const rebuildFacts = (workspaceId: string, step?: (done: number, name: string) => void) => db.inWorkspace(workspaceId, (tx) => rebuildReportFacts(tx, workspaceId, clock.now(), step));
  return { routes, schedules, run, reviews, digests, dealFacts, rebuildFacts };
}

export type ReportsModule = ReturnType<typeof createReportsModule>;
