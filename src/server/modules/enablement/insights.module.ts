import type { FastifyInstance } from "fastify";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { PersonaAccess } from "../crm/index.js";
import type { JobsService } from "../jobs/index.js";
import { createPersonasRepository } from "./personas.repository.js";
import { createPersonasService } from "./personas.service.js";
import { personasRoutes } from "./personas.routes.js";
import type { CrmModule } from "../crm/index.js";
import type { CampaignAccess } from "./briefs.service.js";
import { createSwotsRepository } from "./swots.repository.js";
import { createSwotsService } from "./swots.service.js";
import { swotsRoutes } from "./swots.routes.js";
import { createMessagesRepository } from "./messages.repository.js";
import { createMessagesService } from "./messages.service.js";
import { messagesRoutes } from "./messages.routes.js";

export type PersonaPartsDeps = {
  db: Database;
  clock: Clock;
  crm: { personaAccess: PersonaAccess } & Pick<CrmModule, "dealRef" | "names">;
  campaigns: CampaignAccess;
  jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "latestFor" | "pendingOf">;
  refreshFit: (tx: Tx, workspaceId: string, contactId: string) => Promise<void>;
};

/** Personas and messaging (docs/ENABLEMENT.md, issue 7 parts 4–6). */
export function createPersonaParts({ db, clock, crm, campaigns, jobs, refreshFit }: PersonaPartsDeps) {
  const personasRepo = createPersonasRepository();
  const personas = createPersonasService({ db, repo: personasRepo, clock, crm: crm.personaAccess, jobs, refreshFit });
  const swotsRepo = createSwotsRepository();
  const swots = createSwotsService({ db, repo: swotsRepo, clock, campaigns, crm });
  const messages = createMessagesService({ db, repo: createMessagesRepository(), personas: personasRepo, clock, crm, isActiveMember: swotsRepo.isActiveMember });
  async function routes(app: FastifyInstance) {
    await app.register(personasRoutes, { personas });
    await app.register(swotsRoutes, { swots });
    await app.register(messagesRoutes, { messages });
  }
  return { routes, personas, swots, messages };
}
