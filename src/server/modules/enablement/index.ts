import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { CrmModule } from "../crm/index.js";
import type { RequestContext } from "../../platform/actor.js";
import type { TouchpointsService } from "../touchpoints/index.js";
import { createContentParts } from "./assets.module.js";
import { createSalesEnablementParts, type SalesEnablementDeps } from "./competitors.module.js";
import { createReferenceParts } from "./references.module.js";
import { createPersonaParts, type PersonaPartsDeps } from "./insights.module.js";
import { createFieldInsightParts } from "./field-insights.module.js";

type Deps = {
  db: Database;
  clock: Clock;
  publicUrl: string;
  /** Where uploaded asset files are stored (`<data dir>/files`). */
  filesDir: string;
  crm: Pick<CrmModule, "contactAccountId" | "contacts" | "deals" | "dealRef" | "contactDealIds" | "names" | "accounts" | "personaAccess">;
  touchpoints: Pick<TouchpointsService, "appendInTx">;
} & Pick<SalesEnablementDeps, "campaigns" | "notifications"> &
  Pick<PersonaPartsDeps, "jobs" | "refreshFit">;

/** The enablement hub (DESIGN §2): content library, customer references, and the parts listed in docs/ENABLEMENT.md. */
export function createEnablementModule(deps: Deps) {
  // Competitors and battlecards, campaign briefs and readiness.
  const sales = createSalesEnablementParts(deps);
  const dealCompetitorNames = async (ctx: RequestContext, dealId: string) => (await sales.competitors.dealCompetitors(ctx, dealId)).map((e) => e.competitor.name);
  const content = createContentParts({ ...deps, dealCompetitorNames });
  // Customer references and content requests.
  const references = createReferenceParts(deps);
  // Personas (matching, re-apply job), messaging, field insights and SWOT.
  const insights = createPersonaParts(deps);
  // Field insights with votes and triage, and ride-alongs.
  const fieldInsights = createFieldInsightParts(deps);
  async function routes(app: FastifyInstance) {
    await content.routes(app);
    await sales.routes(app);
    await references.routes(app);
    await insights.routes(app);
    await fieldInsights.routes(app);
  }
  return { routes, rootRoutes: content.rootRoutes, content, erasure: content.erasure, competitors: sales.competitors, briefs: sales.briefs, schedules: sales.schedules, references: references.references, referenceUses: references.uses, contentRequests: references.requests, personas: insights.personas, swots: insights.swots, messages: insights.messages, fieldInsights: fieldInsights.insights, rideAlongs: fieldInsights.rideAlongs, csvExports: fieldInsights.csvExports };
}

export type EnablementModule = ReturnType<typeof createEnablementModule>;
