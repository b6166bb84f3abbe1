import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createAgreementRepository } from "./agreement.repository.js";
import { createAgreementService, type AgreementJobs, type AgreementNotifications } from "./agreement.service.js";
import { agreementRoutes } from "./agreement.routes.js";

/** The versioned, two-party qualified-lead definition. */
export function createAgreementModule({ db, clock, jobs, notifications }: { db: Database; clock: Clock; jobs: AgreementJobs; notifications: AgreementNotifications }) {
  const agreement = createAgreementService({ db, repo: createAgreementRepository(), clock, jobs, notifications });
  async function routes(app: FastifyInstance) {
    await app.register(agreementRoutes, { agreement });
  }
  return { routes, agreement };
}

export type AgreementModule = ReturnType<typeof createAgreementModule>;
export type { AgreementService } from "./agreement.service.js";
export { bodyOf as definitionBodyOf } from "./agreement.service.js";
export type { DefinitionRow } from "./agreement.repository.js";
