import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createAgreementRepository } from "./agreement.repository.js";
import { createAgreementService } from "./agreement.service.js";
import { agreementRoutes } from "./agreement.routes.js";

/** The versioned, two-party qualified-lead definition. */
export function createAgreementModule({ db, clock }: { db: Database; clock: Clock }) {
  const agreement = createAgreementService({ db, repo: createAgreementRepository(), clock });
  async function routes(app: FastifyInstance) {
    await app.register(agreementRoutes, { agreement });
  }
  return { routes, agreement };
}

export type AgreementModule = ReturnType<typeof createAgreementModule>;
export type { AgreementService } from "./agreement.service.js";
export type { DefinitionRow } from "./agreement.repository.js";
