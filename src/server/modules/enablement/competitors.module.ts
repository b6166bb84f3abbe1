import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import type { NotificationsService } from "../notifications/index.js";
import { createCompetitorsRepository } from "./competitors.repository.js";
import { createCompetitorsService, type CrmAccess } from "./competitors.service.js";
import { competitorsRoutes } from "./competitors.routes.js";
import { createBriefsRepository } from "./briefs.repository.js";
import { createBriefsService, type CampaignAccess } from "./briefs.service.js";
import { briefsRoutes } from "./briefs.routes.js";

export type SalesEnablementDeps = { db: Database; clock: Clock; crm: CrmAccess; campaigns: CampaignAccess; notifications: Pick<NotificationsService, "notifyIn" | "notifyRolesIn"> };

/** Competitors and battlecards, campaign briefs and readiness (docs/ENABLEMENT.md, issue 7 parts 3–4). */
export function createSalesEnablementParts({ db, clock, crm, campaigns, notifications }: SalesEnablementDeps) {
  const competitors = createCompetitorsService({ db, repo: createCompetitorsRepository(), clock, crm });
  const briefs = createBriefsService({ db, repo: createBriefsRepository(), clock, campaigns, notifications });
  const schedules: ScheduledTask[] = [{ name: "enablement-launch-check", cron: "*/5 * * * *", runForWorkspace: (workspaceId) => briefs.checkLaunches(workspaceId).then(() => undefined) }];
  async function routes(app: FastifyInstance) {
    await app.register(competitorsRoutes, { competitors });
    await app.register(briefsRoutes, { briefs });
  }
  return { routes, schedules, competitors, briefs };
}
