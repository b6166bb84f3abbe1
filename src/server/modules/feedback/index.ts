import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import { createReasonCodesRepository } from "./reason-codes.repository.js";
import { createReasonCodesService } from "./reason-codes.service.js";
import { reasonCodesRoutes } from "./reason-codes.routes.js";

/** Closed-loop feedback: reason taxonomies (accept/reject flows arrive with the SLA issue). */
export function createFeedbackModule(deps: { db: Database }) {
  const reasons = createReasonCodesService({ db: deps.db, repo: createReasonCodesRepository() });
  async function routes(app: FastifyInstance) {
    await app.register(reasonCodesRoutes, { reasons });
  }
  return { routes, reasons };
}

export type FeedbackModule = ReturnType<typeof createFeedbackModule>;
export type { ReasonCodesService } from "./reason-codes.service.js";
