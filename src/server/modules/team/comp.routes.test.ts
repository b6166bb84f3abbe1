import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { alignmentRows } from "../../../../test/alignment-rows.js";
import type { CompPlan, CompStatement, WhatIf } from "../../../shared/contracts/team.js";

// Workspace in UTC; now is 1 July 2026, so January–June are over.
const h = useHarness({ now: "2026-07-01T09:00:00Z" });
let ws: TestWorkspace;
let sdr: string;
let perMeeting: CompPlan;
let share: CompPlan;
const deals: Record<string, string> = {};

async function q(text: string, params: unknown[]) {
  await h.tdb.ownerDb.pool.query(text, params);
}

beforeAll(async () => {
  ws = await h.workspace("Comp");
  sdr = ws.users.sdr.userId;
  const r = alignmentRows(h, ws);
  const w = ws.workspaceId;
  const a1 = await r.account({ name: "Acme" });
  const a2 = await r.account({ name: "Globex" });
  const ann = await r.contact({ accountId: a1, name: "Ann Archer" });
  const bo = await r.contact({ accountId: a2, name: "Bo Brown" });
  const cy = await r.contact({ accountId: a2, name: "Cy Cole" });
  // Ann and Bo were accepted by sales (SAL); Cy was rejected; Bo is the SDR's lead.
  await q("update contacts set sal_at = '2026-01-02T00:00:00Z' where workspace_id = $1 and id = any($2::uuid[])", [w, [ann, bo]]);
  await q("update contacts set sdr_id = $2 where workspace_id = $1 and id = $3", [w, sdr, bo]);
  const meeting = (contactId: string, at: string, actor: string) =>
    q("insert into touchpoints (workspace_id, id, contact_id, type, category, occurred_at, received_at, source, actor_user_id) values ($1, $2, $3, 'meeting', 'sales', $4, $4, 'api', $5)", [w, randomUUID(), contactId, at, actor]);
  await meeting(ann, "2026-01-05T10:00:00Z", sdr); // January, accepted → paid
  await meeting(bo, "2026-01-20T10:00:00Z", sdr); // January, accepted → paid
  await meeting(cy, "2026-01-25T10:00:00Z", sdr); // rejected lead → not paid
  await meeting(ann, "2026-02-03T10:00:00Z", sdr); // February → paid
  await meeting(bo, "2026-01-21T10:00:00Z", ws.users.sales.userId); // the AE's meeting → not the SDR's
  // Acme: won 15 Jan (12,345.67, the SDR on the deal); its renewal lost 10 Mar, 54 days later → early churn.
  deals.acme = await r.deal({ name: "Acme platform", accountId: a1, amount: 12_345.67, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-01-15T12:00:00Z", outcome: "won", reasonCode: "product_fit" });
  await q("update deals set sdr_id = $2 where workspace_id = $1 and id = $3", [w, sdr, deals.acme]);
  await r.deal({ name: "Acme renewal", type: "renewal", accountId: a1, amount: 12_000, createdAt: "2026-02-01T00:00:00Z", closedAt: "2026-03-10T12:00:00Z", outcome: "lost", reasonCode: "price" });
  // Globex: won 1 Feb (40,000), sourced through Bo (the SDR's lead); its renewal lost 1 Jun, 120 days later → kept.
  deals.globex = await r.deal({ name: "Globex suite", accountId: a2, sourceContactId: bo, amount: 40_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-02-01T00:00:00Z", outcome: "won", reasonCode: "price" });
  await r.deal({ name: "Globex renewal", type: "renewal", accountId: a2, amount: 40_000, createdAt: "2026-05-01T00:00:00Z", closedAt: "2026-06-01T00:00:00Z", outcome: "lost", reasonCode: "timing" });
  const mgr = h.as(ws.users.manager);
  perMeeting = json<CompPlan>(await mgr.post("/api/v1/comp-plans", { name: "Per meeting", kind: "per_meeting", amountPerMeeting: 75 }));
  share = json<CompPlan>(await mgr.post("/api/v1/comp-plans", { name: "Revenue share", kind: "revenue_share", ratePercent: 5, clawbackDays: 90 }));
});

const statement = async (month: string, as = ws.users.manager) => json<CompStatement>(await h.as(as).get(`/api/v1/comp-statements/${sdr}/${month}`));

describe("commission statements", () => {
  it("revenue share: 5 % of sourced won revenue, with the clawback in the month of an early churn", async () => {
    expect((await h.as(ws.users.manager).put(`/api/v1/comp-plans/${share.id}/reps`, { userIds: [sdr] })).statusCode).toBe(200);
    // January: 5 % × 12,345.67 = 617.2835 → 617.28.
    const jan = await statement("2026-01");
    expect(jan).toMatchObject({ status: "draft", planName: "Revenue share", total: 617.28 });
    expect(jan.lines).toEqual([{ kind: "deal", refId: deals.acme, label: "Acme platform", at: "2026-01-15T12:00:00.000Z", base: 12_345.67, amount: 617.28 }]);
    // February: 5 % × 40,000 = 2,000 (sourced through the SDR's lead Bo).
    expect((await statement("2026-02")).total).toBe(2000);
    // March: Acme's renewal was lost 54 days after the win (≤ 90) → −617.28.
    const mar = await statement("2026-03");
    expect(mar.lines).toEqual([{ kind: "clawback", refId: deals.acme, label: "Clawback: Acme platform churned", at: "2026-03-10T12:00:00.000Z", base: 12_345.67, amount: -617.28 }]);
    expect(mar.total).toBe(-617.28);
    // June: Globex churned 120 days after its win (> 90) → nothing.
    expect((await statement("2026-06")).total).toBe(0);
  });

  it("per meeting: 75 per meeting with an accepted lead; finalised statements are frozen", async () => {
    const mgr = h.as(ws.users.manager);
    await mgr.put(`/api/v1/comp-plans/${perMeeting.id}/reps`, { userIds: [sdr] });
    // January: Ann and Bo (accepted) = 2 × 75 = 150; Cy was rejected, the AE's meeting is not the SDR's.
    const jan = await statement("2026-01");
    expect(jan).toMatchObject({ planName: "Per meeting", total: 150 });
    expect(jan.lines.map((l) => [l.label, l.amount])).toEqual([["Meeting with Ann Archer", 75], ["Meeting with Bo Brown", 75]]);
    expect((await statement("2026-02")).total).toBe(75);
    const final = json<CompStatement>(await mgr.post(`/api/v1/comp-statements/${sdr}/2026-01/finalise`));
    expect(final).toMatchObject({ status: "final", total: 150 });
    // Raising the rate later leaves the final statement as paid; February (a draft) follows the plan.
    await mgr.patch(`/api/v1/comp-plans/${perMeeting.id}`, { amountPerMeeting: 100 });
    expect(await statement("2026-01")).toMatchObject({ status: "final", total: 150 });
    expect((await statement("2026-02")).total).toBe(100);
    expect((await mgr.post(`/api/v1/comp-statements/${sdr}/2026-01/finalise`)).statusCode).toBe(409);
    expect((await mgr.post(`/api/v1/comp-statements/${sdr}/2026-07/finalise`)).statusCode).toBe(409);
    await mgr.patch(`/api/v1/comp-plans/${perMeeting.id}`, { amountPerMeeting: 75 });
  });

  it("a rep sees their own statements only; plans are the managers'", async () => {
    expect((await h.as(ws.users.sdr).get(`/api/v1/comp-statements/${sdr}/2026-02`)).statusCode).toBe(200);
    const own = json<{ items: CompStatement[] }>(await h.as(ws.users.sdr).get("/api/v1/comp-statements?month=2026-02"));
    expect(own.items.map((s) => s.userId)).toEqual([sdr]);
    expect((await h.as(ws.users.sdr).get(`/api/v1/comp-statements?month=2026-02&userId=${ws.users.sales.userId}`)).statusCode).toBe(403);
    expect((await h.as(ws.users.sales).post("/api/v1/comp-plans", { name: "Mine", kind: "per_meeting", amountPerMeeting: 1 })).statusCode).toBe(403);
    const incomplete = await h.as(ws.users.manager).post("/api/v1/comp-plans", { name: "Half", kind: "revenue_share", ratePercent: 5 });
    expect(incomplete.statusCode).toBe(400);
    expect(json<{ message: string }>(incomplete).message).toContain("body.clawbackDays");
  });

  it("what-if: both plans on the same history", async () => {
    const res = json<WhatIf>(await h.as(ws.users.manager).get(`/api/v1/comp-what-if?planA=${perMeeting.id}&planB=${share.id}&from=2026-01&to=2026-06`));
    const rep = res.reps.find((r) => r.userId === sdr)!;
    // A: Jan 150 + Feb 75 = 225. B: Jan 617.28 + Feb 2,000 − Mar 617.28 = 2,000.
    expect(rep).toMatchObject({ acceptedMeetings: 3, sourcedWins: 2, sourcedRevenue: 52_345.67, churned: 2, totalA: 225, totalB: 2000 });
    expect(rep.months.slice(0, 3)).toEqual([
      { month: "2026-01", a: 150, b: 617.28 },
      { month: "2026-02", a: 75, b: 2000 },
      { month: "2026-03", a: 0, b: -617.28 },
    ]);
    expect((await h.as(ws.users.sdr).get(`/api/v1/comp-what-if?planA=${perMeeting.id}&planB=${share.id}&from=2026-01&to=2026-06`)).statusCode).toBe(403);
  });
});
