import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { CrmModule } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import { createReferencesRepository } from "./references.repository.js";
import { createReferenceViews } from "./references-view.js";
import { createReferencesService } from "./references.service.js";
import { createReferenceUsesService } from "./reference-uses.service.js";
import { referencesRoutes } from "./references.routes.js";
import { createContentRequestsRepository } from "./content-requests.repository.js";
import { createContentRequestsService } from "./content-requests.service.js";
import { contentRequestsRoutes } from "./content-requests.routes.js";

export type ReferenceDeps = {
  db: Database;
  clock: Clock;
  crm: Pick<CrmModule, "dealRef" | "names" | "accounts" | "deals">;
  notifications: Pick<NotificationsService, "notifyIn" | "notifyRolesIn">;
};

/** Customer references and content requests (docs/ENABLEMENT.md, issue 7 parts 1–2). */
export function createReferenceParts({ db, clock, crm, notifications }: ReferenceDeps) {
  const repo = createReferencesRepository();
  const views = createReferenceViews(repo, crm.names);
  const references = createReferencesService({ db, repo, views, clock, crm });
  const uses = createReferenceUsesService({ db, repo, views, clock, crm, notifications });
  const requests = createContentRequestsService({ db, repo: createContentRequestsRepository(), clock, names: crm.names, notifications });
  async function routes(app: FastifyInstance) {
    await app.register(referencesRoutes, { references, uses });
    await app.register(contentRequestsRoutes, { requests });
  }
  return { routes, references, uses, requests };
}
