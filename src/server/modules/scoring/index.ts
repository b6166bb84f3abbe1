import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { AgreementService } from "../agreement/index.js";
import type { CrmModule } from "../crm/index.js";
import { createScoringRepository } from "./scoring.repository.js";
import { createScoringService } from "./scoring.service.js";
import type { TouchpointsModule } from "../touchpoints/index.js";
import { scoringRoutes } from "./scoring.routes.js";

type Deps = {
  db: Database;
  clock: Clock;
  agreement: Pick<AgreementService, "getActiveDefinitionIn">;
  crm: Pick<CrmModule, "scoringAccess" | "lifecycle" | "hooks">;
  touchpoints: Pick<TouchpointsModule, "hooks" | "touchesOfContact">;
};

/** Scoring: fit, decaying engagement and the MQL gate; subscribes to contact, account and touchpoint changes. */
export function createScoringModule({ db, clock, agreement, crm, touchpoints }: Deps) {
  const scoring = createScoringService({ db, repo: createScoringRepository(), clock, agreement, crm, touches: touchpoints });
  crm.hooks.contactChanged.push(scoring.refreshFit);
  crm.hooks.accountChanged.push(scoring.refreshAccountFit);
  touchpoints.hooks.touchpointCreated.push(scoring.onTouchpoint);
  async function routes(app: FastifyInstance) {
    await app.register(scoringRoutes, { scoring });
  }
  return { routes, scoring };
}

export type ScoringModule = ReturnType<typeof createScoringModule>;
