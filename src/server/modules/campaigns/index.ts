import type { FastifyInstance } from "fastify";
import type { Database, Queryable } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createCampaignsRepository } from "./campaigns.repository.js";
import { createCampaignsService } from "./campaigns.service.js";
import { campaignsRoutes } from "./campaigns.routes.js";
import { createCampaignsExports } from "./campaigns.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";

/** Campaigns and marketing vehicles. */
export function createCampaignsModule({ db, clock }: { db: Database; clock: Clock }) {
  const repo = createCampaignsRepository();
  const campaigns = createCampaignsService({ db, repo, clock });
  const csvExports = createCampaignsExports({ campaigns });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(campaignsRoutes, { campaigns });
  }
  /** Lets other modules read a campaign's name, status, start and owner without reading the campaigns table. */
  async function campaignRef(tx: Queryable, workspaceId: string, id: string) {
    const c = await repo.findById(tx, workspaceId, id);
    return c ? { id: c.id, name: c.name, status: c.status, startsOn: c.startsOn, ownerId: c.ownerId } : null;
  }
  return { routes, campaigns, campaignRef, csvExports };
}

export type CampaignsModule = ReturnType<typeof createCampaignsModule>;
