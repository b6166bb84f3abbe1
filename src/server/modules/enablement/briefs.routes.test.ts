import { beforeEach, describe, expect, it } from "vitest";
import type { Brief } from "../../../shared/contracts/enablement-briefs.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { TEST_PASSWORD, json, useHarness, type Caller, type TestWorkspace } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
beforeEach(() => h.clock.set(NOW));

type B = Serialized<Brief>;
const QUESTIONS = [
  { question: "Who is the audience?", options: ["CFOs", "IT managers"], correct: 1 },
  { question: "What is the offer?", options: ["A free audit", "A discount"], correct: 0 },
];
const RIGHT = [1, 0];

async function addRep(ws: TestWorkspace, n: number) {
  const email = `rep${n}@${ws.slug}.test`;
  const userId = await h.modules.identity.workspaces.addMember(ws.workspaceId, { email, name: `Rep ${n}`, role: "sales", password: TEST_PASSWORD });
  const ctx = { workspaceId: ws.workspaceId, sessionId: null, requestId: "test", actor: { kind: "user" as const, userId, name: "rep", role: "sales" as const, tokenId: null, scopes: ["read", "write"] as const } };
  const { token } = await h.modules.identity.tokens.createToken(ctx, { name: "rep token", scopes: ["read", "write"] });
  return { userId, token };
}

async function kinds(c: Caller) {
  return json<{ items: { kind: string; title: string }[] }>(await c.get("/api/v1/notifications")).items.map((n) => n.kind);
}

describe("campaign briefs and readiness", () => {
  it("publishes to the reps in scope, counts ready reps, and flags a campaign below the threshold at launch in the workspace zone", async () => {
    const ws = await h.workspace();
    // Auckland is UTC+13 in March: 2026-03-04T12:00Z is already 2026-03-05 there.
    await h.tdb.ownerDb.pool.query("update workspaces set timezone = 'Pacific/Auckland' where id = $1", [ws.workspaceId]);
    const mkt = h.as(ws.users.marketing);
    const extra = [await addRep(ws, 3), await addRep(ws, 4), await addRep(ws, 5)];
    const reps = [ws.users.sales, ws.users.sdr, ...extra];
    const scope = reps.map((r) => r.userId);
    const brief = async (name: string) => {
      const campaign = json<{ id: string }>(await mkt.post("/api/v1/campaigns", { name, channel: "webinar", startsOn: "2026-03-05" }));
      const created = await mkt.post("/api/v1/briefs", { campaignId: campaign.id, message: "Cut cloud spend", audience: "IT managers", offer: "Free audit", questions: QUESTIONS, scopeMemberIds: scope });
      expect(created.statusCode, created.body).toBe(201);
      const published = json<B>(await mkt.post(`/api/v1/briefs/${json<B>(created).id}/publish`));
      expect(published).toMatchObject({ status: "published", startsOn: "2026-03-05", readiness: { inScope: 5, ready: 0, share: 0, threshold: 0.8 } });
      return { campaignId: campaign.id, id: published.id };
    };
    const a = await brief("Launch A");
    const b = await brief("Launch B");
    expect(await kinds(h.as(ws.users.sales))).toContain("brief.published");

    // A rep sees the questions without the right answers; marketing sees them.
    const asRep = json<B>(await h.as(ws.users.sales).get(`/api/v1/briefs/${a.id}`));
    expect(asRep.questions.map((q) => q.correct)).toEqual([null, null]);
    expect(asRep.recipients).toEqual([]);
    expect(json<B>(await mkt.get(`/api/v1/briefs/${a.id}`)).questions.map((q) => q.correct)).toEqual([1, 0]);

    const ack = (rep: { token: string }, id: string) => h.as(rep).post(`/api/v1/briefs/${id}/acknowledge`);
    const answer = (rep: { token: string }, id: string, answers: number[]) => h.as(rep).post(`/api/v1/briefs/${id}/check`, { answers });
    // A: sales and sdr ready; rep 3 acknowledged only; rep 4 passed without acknowledging; rep 5 answered wrong → 2 of 5.
    for (const r of [reps[0]!, reps[1]!]) {
      await ack(r, a.id);
      expect(json<{ passed: boolean }>(await answer(r, a.id, RIGHT)).passed).toBe(true);
    }
    await ack(reps[2]!, a.id);
    await answer(reps[3]!, a.id, RIGHT);
    const wrong = json<{ passed: boolean; correct: number; total: number }>(await answer(reps[4]!, a.id, [0, 0]));
    expect(wrong).toMatchObject({ passed: false, correct: 1, total: 2 });
    // B: four of five ready (rep 5 did nothing) → 4 / 5 = 0.8, not below 0.8.
    for (const r of reps.slice(0, 4)) {
      await ack(r, b.id);
      await answer(r, b.id, RIGHT);
    }
    const readyA = json<B>(await mkt.get(`/api/v1/campaigns/${a.campaignId}/brief`)).readiness;
    expect(readyA).toEqual({ inScope: 5, acknowledged: 3, passed: 3, ready: 2, share: 0.4, threshold: 0.8 });
    expect(json<B>(await mkt.get(`/api/v1/campaigns/${b.campaignId}/brief`)).readiness).toMatchObject({ ready: 4, share: 0.8 });
    // Someone not in scope may read but not acknowledge.
    expect((await ack(ws.users.marketing, a.id)).statusCode).toBe(403);

    // 2026-03-04 23:00 in Auckland (10:00Z): not launched yet.
    h.clock.set("2026-03-04T10:00:00.000Z");
    expect(await h.modules.enablement.briefs.checkLaunches(ws.workspaceId)).toBe(0);
    expect(json<B>(await mkt.get(`/api/v1/briefs/${a.id}`)).launchCheckedAt).toBeNull();
    // 2026-03-05 01:00 in Auckland (12:00Z): both launched; A (40 %) is flagged, B (80 %) is not.
    h.clock.set("2026-03-04T12:00:00.000Z");
    expect(await h.modules.enablement.briefs.checkLaunches(ws.workspaceId)).toBe(1);
    const flaggedA = json<B>(await mkt.get(`/api/v1/briefs/${a.id}`));
    expect(flaggedA).toMatchObject({ readinessAtLaunch: 0.4, flaggedAt: "2026-03-04T12:00:00.000Z", launchCheckedAt: "2026-03-04T12:00:00.000Z" });
    expect(json<B>(await mkt.get(`/api/v1/briefs/${b.id}`))).toMatchObject({ readinessAtLaunch: 0.8, flaggedAt: null });
    // The managers and the campaign's owner (marketing, who created it) hear of it once.
    expect((await kinds(h.as(ws.users.manager))).filter((k) => k === "brief.readiness_low")).toHaveLength(1);
    expect((await kinds(mkt)).filter((k) => k === "brief.readiness_low")).toHaveLength(1);
    expect((await kinds(h.as(ws.users.sales))).filter((k) => k === "brief.readiness_low")).toHaveLength(0);
    h.clock.set("2026-03-04T13:00:00.000Z");
    expect(await h.modules.enablement.briefs.checkLaunches(ws.workspaceId)).toBe(0);
    expect((await kinds(h.as(ws.users.manager))).filter((k) => k === "brief.readiness_low")).toHaveLength(1);
    // A published brief is final.
    expect((await mkt.patch(`/api/v1/briefs/${a.id}`, { offer: "x" })).statusCode).toBe(409);
  });

  it("flags a campaign whose brief was never published, and the threshold is the workspace's", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    expect(json<{ readinessThreshold: number }>(await h.as(ws.users.manager).put("/api/v1/enablement/settings", { readinessThreshold: 0.5 })).readinessThreshold).toBe(0.5);
    const campaign = json<{ id: string }>(await mkt.post("/api/v1/campaigns", { name: "Quiet launch", channel: "email", startsOn: "2026-03-02" }));
    const draft = json<B>(await mkt.post("/api/v1/briefs", { campaignId: campaign.id, message: "m", audience: "a", questions: QUESTIONS, scopeMemberIds: [ws.users.sales.userId] }));
    expect(draft.readiness).toMatchObject({ inScope: 0, share: null, threshold: 0.5 });
    expect(await h.modules.enablement.briefs.checkLaunches(ws.workspaceId)).toBe(1);
    expect(json<B>(await mkt.get(`/api/v1/briefs/${draft.id}`))).toMatchObject({ readinessAtLaunch: 0, flaggedAt: NOW });
    // Too late to publish once launched.
    expect((await mkt.post(`/api/v1/briefs/${draft.id}/publish`)).statusCode).toBe(409);
  });
});
