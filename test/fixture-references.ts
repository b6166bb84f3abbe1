import type { Harness, TestWorkspace } from "./harness.js";

/** What the route sweep needs of customer references and content requests. */
export type ReferencesFixture = {
  /** A reference of the fixture's account, owned by the marketing user, with the fixture asset as its case study. */
  referenceId: string;
  /** The sales user's pending request to use it on the fixture's deal. */
  referenceUseId: string;
  /** A new content request from the sales user for the fixture's deal. */
  contentRequestId: string;
};

/** Creates the reference records of a fixture workspace through the API (as marketing and sales). */
export async function createReferencesFixture(h: Harness, ws: TestWorkspace, base: { accountId: string; dealId: string; assetId: string }): Promise<ReferencesFixture> {
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`references fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string };
  };
  const reference = await ok(h.as(ws.users.marketing).post("/api/v1/references", { accountId: base.accountId, contactName: "Dana Cho", useCase: "Onboarding", quotes: ["Live in two weeks"], caseStudyAssetIds: [base.assetId] }));
  const use = await ok(h.as(ws.users.sales).post(`/api/v1/references/${reference.id}/uses`, { dealId: base.dealId, note: "CFO wants a peer call" }));
  const request = await ok(h.as(ws.users.sales).post("/api/v1/content-requests", { title: "ROI calculator for CFOs", dealId: base.dealId, persona: "cfo", priority: "high" }));
  return { referenceId: reference.id, referenceUseId: use.id, contentRequestId: request.id };
}
