import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createCompRepository } from "./comp.repository.js";
import { createCompService } from "./comp.service.js";
import { compRoutes } from "./comp.routes.js";
import { createSdrService } from "./sdr.service.js";
import { sdrRoutes } from "./sdr.routes.js";

/** The lead-generation team: commission plans, statements, the what-if, the SDR scoreboard and passed leads (pods live in routing). */
export function createTeamModule({ db, clock }: { db: Database; clock: Clock }) {
  const repo = createCompRepository();
  const comp = createCompService({ db, repo, clock });
  const sdr = createSdrService({ db, repo });
  async function routes(app: FastifyInstance) {
    await app.register(compRoutes, { comp });
    await app.register(sdrRoutes, { sdr });
  }
  return { routes, comp, sdr };
}

export type TeamModule = ReturnType<typeof createTeamModule>;
