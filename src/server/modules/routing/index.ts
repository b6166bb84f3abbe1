import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { CrmModule } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { AgreementService } from "../agreement/index.js";
import { createRoutingRepository } from "./routing.repository.js";
import { createPodsRepository } from "./pods.repository.js";
import { createRoutingRulesService } from "./routing.service.js";
import { createPodsService } from "./pods.service.js";
import { createHandoffsService, type HandoffHooks } from "./handoffs.service.js";
import { routingRoutes } from "./routing.routes.js";
import { podsRoutes } from "./pods.routes.js";
import { handoffsRoutes } from "./handoffs.routes.js";
import { createHandoffsExports } from "./handoffs.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";

type Deps = {
  db: Database;
  clock: Clock;
  crm: Pick<CrmModule, "routingAccess">;
  notifications: Pick<NotificationsService, "notifyIn">;
  agreement: Pick<AgreementService, "getActiveDefinitionIn">;
};

/** Lead routing: ordered rules, SDR pods, and handoffs with context (DESIGN §6.3). */
export function createRoutingModule({ db, clock, crm, notifications, agreement }: Deps) {
  const repo = createRoutingRepository();
  const rules = createRoutingRulesService({ db, repo, clock });
  const pods = createPodsService({ db, repo: createPodsRepository(), members: repo, clock });
  const hooks: HandoffHooks = { handedOff: [] };
  const handoffs = createHandoffsService({ db, repo, clock, crm, notifications, agreement, hooks });
  const csvExports = createHandoffsExports({ handoffs });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(routingRoutes, { rules });
    await app.register(podsRoutes, { pods });
    await app.register(handoffsRoutes, { handoffs });
  }
  return { routes, rules, pods, handoffs, hooks, csvExports };
}

export type RoutingModule = ReturnType<typeof createRoutingModule>;
export type { HandoffsService, HandedOff, HandoffHooks } from "./handoffs.service.js";
