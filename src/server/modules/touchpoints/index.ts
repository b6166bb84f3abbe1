import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { IdentityAccess } from "../crm/index.js";
import { createTouchpointsRepository } from "./touchpoints.repository.js";
import { createTouchpointsService, type ContactLookup, type TouchpointHooks } from "./touchpoints.service.js";
import { touchpointsRoutes } from "./touchpoints.routes.js";
import { createTouchpointsExports } from "./touchpoints.exports.js";
import { csvExportRoutes } from "../../platform/http/csv-export.js";
import { createIngestRepository } from "./ingest.repository.js";
import { createIngestService, type SuppressionCheck } from "./ingest.service.js";

type Deps = {
  db: Database;
  clock: Clock;
  contacts: ContactLookup;
  identity: Pick<IdentityAccess, "existingContacts" | "resolveByEmail" | "applyFormSubmission">;
  suppressions: SuppressionCheck;
};

/** Touchpoints: the append-only engagement and activity log, and batch ingest with identity resolution. */
export function createTouchpointsModule({ db, clock, contacts, identity, suppressions }: Deps) {
  const hooks: TouchpointHooks = { touchpointsCreated: [] };
  const repo = createTouchpointsRepository();
  const touchpoints = createTouchpointsService({ db, repo, contacts, clock, hooks });
  const ingestRepo = createIngestRepository();
  const ingest = createIngestService({ db, repo: ingestRepo, identity, suppressions, clock, hooks });
  /** What a GDPR erasure needs here: the touches of the contact's visitor ids (its own go with the contact). */
  const erasure = { deleteVisitorTouchesIn: ingestRepo.deleteVisitorTouches };
  const csvExports = createTouchpointsExports({ touchpoints });
  async function routes(app: FastifyInstance) {
    await app.register(csvExportRoutes(csvExports));
    await app.register(touchpointsRoutes, { touchpoints, ingest });
  }
  return { routes, touchpoints, ingest, hooks, erasure, csvExports };
}

export type TouchpointsModule = ReturnType<typeof createTouchpointsModule>;
export type { ContactLookup, TouchpointsService, AppendTouchpoint, TouchpointRow } from "./touchpoints.service.js";
export type { IngestService, IngestSource, IngestContext } from "./ingest.service.js";
