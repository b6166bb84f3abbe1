/**
 * The demo's enablement hub (issue 7): persona definitions and messaging, competitors with battlecards and deal tags,
 * the content library and its use, customer references, content requests, campaign briefs and SWOTs. Runs before the
 * field insights (insights.ts), which name the persona definitions and the rising competitor's profile.
 */
import type { PoolClient } from "pg";
import type { DemoContext } from "./context.js";
import { insertDemoBriefs } from "./enablement-briefs.js";
import { insertDemoCompetitors } from "./enablement-competitors.js";
import { insertDemoContent } from "./enablement-content.js";
import { insertDemoPersonas } from "./enablement-personas.js";
import { insertDemoContentRequests, insertDemoReferences, pickReferenceAccounts } from "./enablement-references.js";
import { RISING_COMPETITOR } from "./story.js";

/** Inserts every enablement row of the demo; returns the row counts (touchpoints: the ones it added). */
export async function insertDemoEnablement(client: PoolClient, ctx: DemoContext): Promise<Record<string, number>> {
  const personas = await insertDemoPersonas(client, ctx);
  const competitors = await insertDemoCompetitors(client, ctx);
  const refs = await pickReferenceAccounts(client, ctx);
  const content = await insertDemoContent(client, ctx, refs);
  return {
    ...personas.counts,
    ...competitors.counts,
    ...content.counts,
    ...(await insertDemoReferences(client, ctx, refs, content.caseStudies)),
    ...(await insertDemoContentRequests(client, ctx, content.assetIds, competitors.competitorIds.get(RISING_COMPETITOR.name))),
    ...(await insertDemoBriefs(client, ctx)),
  };
}
