import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { IngestService } from "../touchpoints/index.js";
import { createCaptureRepository } from "./capture.repository.js";
import { createCaptureSettingsService } from "./capture-settings.service.js";
import { createCapturePublicService } from "./capture-public.service.js";
import { captureSettingsRoutes } from "./capture.routes.js";
import { capturePublicRoutes } from "./capture-public.routes.js";

type Deps = { db: Database; clock: Clock; ingest: Pick<IngestService, "ingestOneIn">; rateLimitPerMinute: number };

/** Web capture: settings under /api/v1, the public endpoints, the tracking snippet and the example page at the root. */
export function createCaptureModule({ db, clock, ingest, rateLimitPerMinute }: Deps) {
  const repo = createCaptureRepository();
  const settings = createCaptureSettingsService({ db, repo, clock, rateLimitPerMinute });
  const capture = createCapturePublicService({ db, repo, clock, ingest });
  async function routes(app: FastifyInstance) {
    await app.register(captureSettingsRoutes, { settings });
  }
  /** Routes outside /api/v1: the public endpoints (no session), /t.js and /capture/example. */
  async function rootRoutes(app: FastifyInstance) {
    await app.register(capturePublicRoutes, { capture, rateLimitPerMinute });
  }
  return { routes, rootRoutes, settings, capture, repo };
}

export type CaptureModule = ReturnType<typeof createCaptureModule>;
export { newPublishableKey } from "./capture-settings.service.js";
