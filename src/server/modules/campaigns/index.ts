import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createCampaignsRepository } from "./campaigns.repository.js";
import { createCampaignsService } from "./campaigns.service.js";
import { campaignsRoutes } from "./campaigns.routes.js";

/** Campaigns and marketing vehicles. */
export function createCampaignsModule({ db, clock }: { db: Database; clock: Clock }) {
  const campaigns = createCampaignsService({ db, repo: createCampaignsRepository(), clock });
  async function routes(app: FastifyInstance) {
    await app.register(campaignsRoutes, { campaigns });
  }
  return { routes, campaigns };
}

export type CampaignsModule = ReturnType<typeof createCampaignsModule>;
