import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createSuppressionsRepository } from "./suppressions.repository.js";
import { createPrivacyService, type ContactErasure, type TouchpointErasure } from "./privacy.service.js";
import { privacyRoutes } from "./privacy.routes.js";

/**
 * Privacy: the suppression list (created first, so ingest can consult it) and, once the crm and touchpoints
 * modules exist, GDPR export and erasure (`withErasure`).
 */
export function createPrivacyModule({ db, clock }: { db: Database; clock: Clock }) {
  const suppressions = createSuppressionsRepository();
  /** The export and erase routes, given what erasure needs of the crm and touchpoints modules. */
  function withErasure(contacts: ContactErasure, touchpoints: TouchpointErasure) {
    const privacy = createPrivacyService({ db, clock, suppressions, contacts, touchpoints });
    async function routes(app: FastifyInstance) {
      await app.register(privacyRoutes, { privacy });
    }
    return { privacy, routes };
  }
  return { suppressions, withErasure };
}

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;
export { emailHash } from "./suppressions.repository.js";
