import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { createAttributionRepository } from "./attribution.repository.js";
import { createAttributionService } from "./attribution.service.js";

type Deps = { db: Database; clock: Clock };

/**
 * Attribution credits (DESIGN §6.5) materialised per deal: rewritten in the transaction that creates or changes a
 * deal (crm's dealChanged hook), and rebuilt for a whole workspace after imports (`tandem attribution rebuild`).
 * The reports read them (src/server/reports/attribution.report.ts); this module has no routes of its own.
 */
export function createAttributionModule({ db, clock }: Deps) {
  const attribution = createAttributionService({ db, repo: createAttributionRepository(), clock });
  /** crm's dealChanged hook: the deal's credits follow its amount, stage, close and contacts. */
  const onDealChanged = (tx: Tx, workspaceId: string, dealId: string) => attribution.materializeDealIn(tx, workspaceId, dealId);
  return { attribution, onDealChanged };
}

export type AttributionModule = ReturnType<typeof createAttributionModule>;
export type { AttributionService, RebuildResult } from "./attribution.service.js";
