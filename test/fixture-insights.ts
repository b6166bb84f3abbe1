import type { Harness, TestWorkspace } from "./harness.js";

export const PERSONA_CRITERIA = { titleKeywords: ["IT"], seniorities: ["manager"], departments: [], industries: [], minEmployees: null, maxEmployees: null };

/** What the route sweep needs of personas, field insights, ride-alongs, SWOTs and messaging. */
export type InsightsFixture = {
  /** A persona definition ("IT leader"). */
  personaId: string;
};

/** Creates the persona, insight, SWOT and messaging records of a fixture workspace through the API. */
export async function createInsightsFixture(h: Harness, ws: TestWorkspace): Promise<InsightsFixture> {
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`insights fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string; [k: string]: unknown };
  };
  const marketing = h.as(ws.users.marketing);
  const persona = await ok(marketing.post("/api/v1/personas", { name: "IT leader", criteria: PERSONA_CRITERIA }));
  return { personaId: persona.id };
}
