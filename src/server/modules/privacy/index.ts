import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createSuppressionsRepository } from "./suppressions.repository.js";
import { createPrivacyService, type ContactErasure, type QuotedPersonalData, type TouchpointErasure } from "./privacy.service.js";
import { privacyRoutes } from "./privacy.routes.js";

/**
 * Privacy: the suppression list (created first, so ingest can consult it) and, once the crm and touchpoints
 * modules exist, GDPR export and erasure (`withErasure`).
 */
export function createPrivacyModule({ db, clock }: { db: Database; clock: Clock }) {
  const suppressions = createSuppressionsRepository();
  /**
   * The export and erase routes, given what erasure needs of the crm and touchpoints modules and of the modules that
   * quote a person elsewhere (`quoted`, which later-created modules may still add to).
   */
  function withErasure(contacts: ContactErasure, touchpoints: TouchpointErasure, quoted: readonly QuotedPersonalData[]) {
    const privacy = createPrivacyService({ db, clock, suppressions, contacts, touchpoints, quoted });
    async function routes(app: FastifyInstance) {
      await app.register(privacyRoutes, { privacy });
    }
    return { privacy, routes };
  }
  return { suppressions, withErasure };
}

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;
export { emailHash } from "./suppressions.repository.js";
export type { QuotedPersonalData } from "./privacy.service.js";
