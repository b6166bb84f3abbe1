import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createTouchpointsRepository } from "./touchpoints.repository.js";
import { createTouchpointsService, type ContactLookup } from "./touchpoints.service.js";
import { touchpointsRoutes } from "./touchpoints.routes.js";

/** Touchpoints: the append-only engagement and activity log. */
export function createTouchpointsModule({ db, clock, contacts }: { db: Database; clock: Clock; contacts: ContactLookup }) {
  const touchpoints = createTouchpointsService({ db, repo: createTouchpointsRepository(), contacts, clock });
  async function routes(app: FastifyInstance) {
    await app.register(touchpointsRoutes, { touchpoints });
  }
  return { routes, touchpoints };
}

export type TouchpointsModule = ReturnType<typeof createTouchpointsModule>;
export type { ContactLookup } from "./touchpoints.service.js";
