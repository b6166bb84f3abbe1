import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { alignmentRows } from "../../../../test/alignment-rows.js";
import type { Scoreboard } from "../../../shared/contracts/team.js";

// Workspace in UTC; now is 1 July 2026. The period is January–March 2026.
const h = useHarness({ now: "2026-07-01T09:00:00Z" });
const Q = "from=2026-01&to=2026-03";
let ws: TestWorkspace;
let sdrA: string;
let sdrB: string;
let podId: string;

beforeAll(async () => {
  ws = await h.workspace("Board");
  sdrA = ws.users.sdr.userId;
  const admin = h.as(ws.users.admin);
  sdrB = json<{ user: { id: string } }>(await admin.post("/api/v1/users", { email: `zoe@${ws.slug}.test`, name: "Zoe Second", role: "sdr", password: "a long password" })).user.id;
  podId = json<{ id: string }>(await admin.post("/api/v1/pods", { name: "Pod East", sdrId: sdrA, memberIds: [ws.users.sales.userId] })).id;
  const r = alignmentRows(h, ws);
  const w = ws.workspaceId;
  const acct = await r.account({ name: "Acme" });
  const ann = await r.contact({ accountId: acct, name: "Ann Archer" });
  const bo = await r.contact({ accountId: acct, name: "Bo Brown" });
  const cy = await r.contact({ accountId: acct, name: "Cy Cole" });
  const di = await r.contact({ accountId: acct, name: "Di Dunn" });
  // Ann and Bo were accepted by sales (SAL or later); Cy was rejected; Di is undecided. Bo is SDR A's lead.
  await r.exec("update contacts set sal_at = '2026-01-02T00:00:00Z' where workspace_id = $1 and id = $2", [w, ann]);
  await r.exec("update contacts set sql_at = '2026-01-03T00:00:00Z', sdr_id = $3 where workspace_id = $1 and id = $2", [w, bo, sdrA]);
  const meeting = (contactId: string, at: string, actor: string) =>
    r.exec("insert into touchpoints (workspace_id, id, contact_id, type, category, occurred_at, received_at, source, actor_user_id) values ($1, $2, $3, 'meeting', 'sales', $4, $4, 'api', $5)", [w, randomUUID(), contactId, at, actor]);
  await meeting(ann, "2026-01-05T10:00:00Z", sdrA);
  await meeting(bo, "2026-02-10T10:00:00Z", sdrA);
  await meeting(cy, "2026-03-01T10:00:00Z", sdrA);
  await meeting(di, "2026-03-31T23:30:00Z", sdrA);
  await meeting(ann, "2026-04-01T00:00:00Z", sdrA); // April: outside the period
  await meeting(bo, "2026-02-11T10:00:00Z", ws.users.sales.userId); // the AE's meeting: nobody's on the board
  await meeting(ann, "2026-02-20T10:00:00Z", sdrB);
  const sourced = async (sdr: string | null, o: Parameters<typeof r.deal>[0]) => {
    const id = await r.deal(o);
    if (sdr) await r.exec("update deals set sdr_id = $3 where workspace_id = $1 and id = $2", [w, id, sdr]);
  };
  // SDR A: d1 created Jan (10,000) won in March; d2 through A's lead Bo created Feb (5,000) lost in March;
  // d3 created in December (7,000, not an opportunity of the period) won in February; d4 created in April.
  await sourced(sdrA, { accountId: acct, name: "d1", amount: 10_000, createdAt: "2026-01-10T00:00:00Z", closedAt: "2026-03-01T00:00:00Z", outcome: "won", reasonCode: "price" });
  await sourced(null, { accountId: acct, name: "d2", sourceContactId: bo, amount: 5_000, createdAt: "2026-02-01T00:00:00Z", closedAt: "2026-03-15T00:00:00Z", outcome: "lost", reasonCode: "price" });
  await sourced(sdrA, { accountId: acct, name: "d3", amount: 7_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-02-10T00:00:00Z", outcome: "won", reasonCode: "price" });
  await sourced(sdrA, { accountId: acct, name: "d4", amount: 9_000, createdAt: "2026-04-02T00:00:00Z" });
  // SDR B: one deal created Feb (40,000) won in March. A deal nobody sourced counts for no one.
  await sourced(sdrB, { accountId: acct, name: "b1", amount: 40_000, createdAt: "2026-02-01T00:00:00Z", closedAt: "2026-03-20T00:00:00Z", outcome: "won", reasonCode: "price" });
  await sourced(null, { accountId: acct, name: "house", amount: 99_000, createdAt: "2026-02-01T00:00:00Z", closedAt: "2026-03-20T00:00:00Z", outcome: "won", reasonCode: "price" });
});

const board = async (q: string, as = ws.users.manager) => json<Scoreboard>(await h.as(as).get(`/api/v1/sdr-scoreboard?${q}`));

describe("SDR scoreboard", () => {
  it("per SDR: meetings booked and accepted, sourced opportunities, pipeline, won revenue and the ratios", async () => {
    const res = await board(Q);
    expect(res).toMatchObject({ from: "2026-01", to: "2026-03", timezone: "UTC" });
    expect(res.reps.map((r) => r.name)).toEqual(["Board sdr", "Zoe Second"]);
    const [a, b] = res.reps.map(({ months: _m, ...row }) => row);
    // A: 4 meetings in Jan–Mar (Ann, Bo, Cy, Di at 31 Mar 23:30), 2 with accepted leads (Ann, Bo) → 2/4 = 0.5.
    // Opportunities created in the period: d1 (10,000) + d2 (5,000, through Bo) = 2, pipeline 15,000 → 2 per 2 accepted = 1.
    // Closed in the period: d1 won, d2 lost, d3 won → 3 closed, 2 won (17,000) → win rate 2/3; 17,000 / 4 meetings = 4,250.
    expect(a).toEqual({
      userId: sdrA, name: "Board sdr", podId, podName: "Pod East", aeCount: 1, ratio: "understaffed",
      meetingsBooked: 4, meetingsAccepted: 2, opportunities: 2, pipeline: 15_000, closedDeals: 3, wonDeals: 2, wonRevenue: 17_000,
      acceptanceRate: 0.5, opportunityRate: 1, winRate: 2 / 3, revenuePerMeeting: 4_250,
    });
    // B: 1 meeting (Ann, accepted); b1 created Feb and won in March (40,000): every ratio 1, 40,000 per meeting.
    expect(b).toEqual({
      userId: sdrB, name: "Zoe Second", podId: null, podName: null, aeCount: null, ratio: null,
      meetingsBooked: 1, meetingsAccepted: 1, opportunities: 1, pipeline: 40_000, closedDeals: 1, wonDeals: 1, wonRevenue: 40_000,
      acceptanceRate: 1, opportunityRate: 1, winRate: 1, revenuePerMeeting: 40_000,
    });
  });

  it("month by month: each SDR's months add up to their row", async () => {
    const res = await board(Q);
    const zero = { meetingsBooked: 0, meetingsAccepted: 0, opportunities: 0, pipeline: 0, wonDeals: 0, wonRevenue: 0 };
    // A: January — Ann's meeting (accepted), d1 created (10,000). February — Bo's meeting (accepted), d2 created
    // (5,000), d3 won (7,000). March — Cy's and Di's meetings (31 Mar 23:30, neither accepted), d1 won (10,000), d2 lost.
    expect(res.reps[0]!.months).toEqual([
      { month: "2026-01", meetingsBooked: 1, meetingsAccepted: 1, opportunities: 1, pipeline: 10_000, wonDeals: 0, wonRevenue: 0 },
      { month: "2026-02", meetingsBooked: 1, meetingsAccepted: 1, opportunities: 1, pipeline: 5_000, wonDeals: 1, wonRevenue: 7_000 },
      { month: "2026-03", meetingsBooked: 2, meetingsAccepted: 0, opportunities: 0, pipeline: 0, wonDeals: 1, wonRevenue: 10_000 },
    ]);
    // B: nothing in January (a zero month, not a gap); Ann's meeting and b1 (40,000) in February; b1 won in March.
    expect(res.reps[1]!.months).toEqual([
      { month: "2026-01", ...zero },
      { month: "2026-02", ...zero, meetingsBooked: 1, meetingsAccepted: 1, opportunities: 1, pipeline: 40_000 },
      { month: "2026-03", ...zero, wonDeals: 1, wonRevenue: 40_000 },
    ]);
    for (const rep of res.reps) {
      const sum = (k: keyof typeof zero) => rep.months.reduce((n, m) => n + m[k], 0);
      expect(Object.fromEntries(Object.keys(zero).map((k) => [k, sum(k as keyof typeof zero)]))).toEqual({
        meetingsBooked: rep.meetingsBooked, meetingsAccepted: rep.meetingsAccepted, opportunities: rep.opportunities,
        pipeline: rep.pipeline, wonDeals: rep.wonDeals, wonRevenue: rep.wonRevenue,
      });
    }
    // April alone: A's meeting with Ann (accepted) and d4 (9,000) created.
    expect((await board("from=2026-04&to=2026-04")).reps[0]!.months).toEqual([{ month: "2026-04", ...zero, meetingsBooked: 1, meetingsAccepted: 1, opportunities: 1, pipeline: 9_000 }]);
  });

  it("months bound the period; the pod filter keeps its SDR", async () => {
    // April: A's meeting with Ann (accepted) and d4 (9,000) created; nothing closed → no win rate.
    const april = await board("from=2026-04&to=2026-04");
    expect(april.reps[0]).toMatchObject({ meetingsBooked: 1, meetingsAccepted: 1, opportunities: 1, pipeline: 9_000, closedDeals: 0, winRate: null, revenuePerMeeting: 0 });
    expect(april.reps[1]).toMatchObject({ meetingsBooked: 0, acceptanceRate: null, revenuePerMeeting: null });
    expect((await board(`${Q}&podId=${podId}`)).reps.map((r) => r.userId)).toEqual([sdrA]);
    expect((await h.as(ws.users.manager).get(`/api/v1/sdr-scoreboard?${Q}&podId=${randomUUID()}`)).statusCode).toBe(404);
  });

  it("an SDR sees their own row; AEs and marketing none", async () => {
    const own = await board(Q, ws.users.sdr);
    expect(own.reps.map((r) => r.userId)).toEqual([sdrA]);
    expect(own.reps[0]!.months.map((m) => m.wonRevenue)).toEqual([0, 7_000, 10_000]);
    expect((await h.as(ws.users.sales).get(`/api/v1/sdr-scoreboard?${Q}`)).statusCode).toBe(403);
    expect((await h.as(ws.users.marketing).get(`/api/v1/sdr-scoreboard?${Q}`)).statusCode).toBe(403);
    const bad = await h.as(ws.users.manager).get("/api/v1/sdr-scoreboard?from=2026-04&to=2026-01");
    expect(bad.statusCode).toBe(400);
    expect(json<{ message: string }>(bad).message).toContain("query.from");
  });
});
