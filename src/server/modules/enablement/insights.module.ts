import type { FastifyInstance } from "fastify";
import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { PersonaAccess } from "../crm/index.js";
import type { JobsService } from "../jobs/index.js";
import { createPersonasRepository } from "./personas.repository.js";
import { createPersonasService } from "./personas.service.js";
import { personasRoutes } from "./personas.routes.js";

export type PersonaPartsDeps = {
  db: Database;
  clock: Clock;
  crm: { personaAccess: PersonaAccess };
  jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "latestFor" | "pendingOf">;
  refreshFit: (tx: Tx, workspaceId: string, contactId: string) => Promise<void>;
};

/** Personas and messaging (docs/ENABLEMENT.md, issue 7 parts 4–6). */
export function createPersonaParts({ db, clock, crm, jobs, refreshFit }: PersonaPartsDeps) {
  const personas = createPersonasService({ db, repo: createPersonasRepository(), clock, crm: crm.personaAccess, jobs, refreshFit });
  async function routes(app: FastifyInstance) {
    await app.register(personasRoutes, { personas });
  }
  return { routes, personas };
}
