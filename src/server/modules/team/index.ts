import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createCompRepository } from "./comp.repository.js";
import { createCompService } from "./comp.service.js";
import { compRoutes } from "./comp.routes.js";

/** The lead-generation team: commission plans, statements and the what-if (pods live in routing). */
export function createTeamModule({ db, clock }: { db: Database; clock: Clock }) {
  const comp = createCompService({ db, repo: createCompRepository(), clock });
  async function routes(app: FastifyInstance) {
    await app.register(compRoutes, { comp });
  }
  return { routes, comp };
}

export type TeamModule = ReturnType<typeof createTeamModule>;
