import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createTouchpointsRepository } from "./touchpoints.repository.js";
import { createTouchpointsService, type ContactLookup, type TouchpointHooks } from "./touchpoints.service.js";
import { touchpointsRoutes } from "./touchpoints.routes.js";

/** Touchpoints: the append-only engagement and activity log. */
export function createTouchpointsModule({ db, clock, contacts }: { db: Database; clock: Clock; contacts: ContactLookup }) {
  const hooks: TouchpointHooks = { touchpointCreated: [] };
  const repo = createTouchpointsRepository();
  const touchpoints = createTouchpointsService({ db, repo, contacts, clock, hooks });
  async function routes(app: FastifyInstance) {
    await app.register(touchpointsRoutes, { touchpoints });
  }
  return { routes, touchpoints, hooks };
}

export type TouchpointsModule = ReturnType<typeof createTouchpointsModule>;
export type { ContactLookup, TouchpointsService, AppendTouchpoint } from "./touchpoints.service.js";
