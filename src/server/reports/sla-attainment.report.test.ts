import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { SlaAttainment, SlaAttainmentRecords } from "../../shared/contracts/reports/sla-attainment.js";
import type { LedgerResponse } from "../../shared/contracts/sla.js";

// Monday 2 March 2026, workspace in UTC; the period is January and February 2026.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-02-28";
let ws: TestWorkspace;
let west: string;
let repA: string;
let repB: string;

beforeAll(async () => {
  ws = await h.workspace("Sla");
  const r = alignmentRows(h, ws);
  repA = ws.users.sales.userId;
  repB = ws.users.sdr.userId;
  west = await r.team("AE West");
  const east = await r.team("AE East");
  await r.join(repA, west);
  await r.join(repB, east);
  const lead = async (source?: string) => r.contact({ source: source ?? null, stage: "sal" });
  const A = { ownerId: repA, teamId: west };
  const B = { ownerId: repB, teamId: east };
  // 1. accept, rep A (West), due 5 Jan, met before → on time.
  await r.timer({ kind: "accept", contactId: await lead("webinar"), ...A, startedAt: "2026-01-05T06:00:00Z", dueAt: "2026-01-05T10:00:00Z", metAt: "2026-01-05T09:30:00Z", state: "met" });
  // 2. accept, rep A, due 6 Jan, breached and met late → breached.
  await r.timer({ kind: "accept", contactId: await lead(), ...A, startedAt: "2026-01-06T06:00:00Z", dueAt: "2026-01-06T10:00:00Z", breachedAt: "2026-01-06T10:00:00Z", metAt: "2026-01-06T15:00:00Z", state: "met" });
  // 3. and 8. accept, rep B (East), due 3 and 4 Feb, met → on time.
  await r.timer({ kind: "accept", contactId: await lead(), ...B, startedAt: "2026-02-03T06:00:00Z", dueAt: "2026-02-03T10:00:00Z", metAt: "2026-02-03T07:00:00Z", state: "met" });
  await r.timer({ kind: "accept", contactId: await lead(), ...B, startedAt: "2026-02-04T06:00:00Z", dueAt: "2026-02-04T10:00:00Z", metAt: "2026-02-04T07:00:00Z", state: "met" });
  // 4. first touch, rep B, due 10 Feb, still running (the tick has not marked it) → breached: overdue.
  await r.timer({ kind: "first_touch", contactId: await lead(), ...B, startedAt: "2026-02-09T09:00:00Z", dueAt: "2026-02-10T09:00:00Z", state: "running" });
  // 5. cancelled → never counts. 6. due in March (after the period), running → open when March is in the period.
  await r.timer({ kind: "first_touch", contactId: await lead(), ...A, startedAt: "2026-02-26T09:00:00Z", dueAt: "2026-02-27T09:00:00Z", state: "cancelled" });
  await r.timer({ kind: "accept", contactId: await lead(), ...A, startedAt: "2026-03-02T08:00:00Z", dueAt: "2026-03-05T10:00:00Z", state: "running" });
  // Marketing: December (before), January met, February missed, March (not over) — only January and February count.
  await r.periodResult({ periodStart: "2025-12-01", periodEnd: "2026-01-01", mqls: 90, mqlTarget: 100, accepted: 40, rejected: 10, minAcceptanceRate: 0.5, met: false });
  await r.periodResult({ periodStart: "2026-01-01", periodEnd: "2026-02-01", mqls: 120, mqlTarget: 100, accepted: 60, rejected: 20, minAcceptanceRate: 0.5, met: true });
  await r.periodResult({ periodStart: "2026-02-01", periodEnd: "2026-03-01", mqls: 80, mqlTarget: 100, accepted: 30, rejected: 30, minAcceptanceRate: 0.5, met: false });
});

const slim = (xs: { kind: string | null; onTime: number; breached: number; open: number; attainment: number | null }[]) => xs.map((x) => [x.kind, x.onTime, x.breached, x.open, x.attainment]);

describe("SLA attainment report", () => {
  it("counts both sides' attainment, worked out by hand", async () => {
    const res = await h.as(ws.users.marketing).get(`/api/v1/reports/sla-attainment?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = json<SlaAttainment>(res);
    // Due in Jan–Feb and not cancelled: 1, 2, 3, 8, 4 → on time 1, 3, 8; breached 2, 4 → 3/5.
    expect(s.sales.overall).toEqual({ onTime: 3, breached: 2, open: 0, attainment: 0.6 });
    // accept: 3 on time, 1 breached → 0.75; first touch: 1 breached → 0.
    expect(s.sales.byKind.map((k) => [k.kind, k.onTime, k.breached, k.attainment])).toEqual([["accept", 3, 1, 0.75], ["first_touch", 0, 1, 0]]);
    // January: 1 and 2 → 1/2. February: 3, 8 on time, 4 breached → 2/3.
    expect(s.sales.byMonth.map((m) => [m.month, m.kind, m.onTime, m.breached])).toEqual([
      ["2026-01", null, 1, 1], ["2026-01", "accept", 1, 1], ["2026-02", null, 2, 1], ["2026-02", "accept", 2, 0], ["2026-02", "first_touch", 0, 1],
    ]);
    // West (rep A): 1 on time, 1 breached → 0.5; East (rep B): 2 on time, 1 breached → 2/3. Worst first.
    expect(s.sales.byTeam.filter((t) => t.kind === null).map((t) => [t.teamName, t.onTime, t.breached])).toEqual([["AE West", 1, 1], ["AE East", 2, 1]]);
    expect(s.sales.byRep.filter((t) => t.kind === null).map((t) => [t.ownerId, t.attainment])).toEqual([[repA, 0.5], [repB, 2 / 3]]);
    expect(slim(s.sales.byRep.filter((t) => t.ownerId === repB && t.kind !== null))).toEqual([["first_touch", 0, 1, 0, 0], ["accept", 2, 0, 0, 1]]);
    // Marketing: January met, February missed → 1/2.
    expect([s.marketing.evaluated, s.marketing.met, s.marketing.attainment]).toEqual([2, 1, 0.5]);
    expect(s.marketing.byMonth).toEqual([{ month: "2026-01", evaluated: 1, met: 1, attainment: 1 }, { month: "2026-02", evaluated: 1, met: 0, attainment: 0 }]);
    expect(s.marketing.periods.map((p) => [p.periodStart, p.mqls, p.acceptanceRate, p.met])).toEqual([["2026-01-01", 120, 0.75, true], ["2026-02-01", 80, 0.5, false]]);
  });

  it("agrees with the breach ledger on the same timers", async () => {
    const l = json<LedgerResponse>(await h.as(ws.users.manager).get("/api/v1/sla/ledger?from=2026-01-01&to=2026-03-01"));
    const s = json<SlaAttainment>(await h.as(ws.users.manager).get(`/api/v1/reports/sla-attainment?${Q}`));
    expect(s.sales.byKind.map((k) => [k.kind, k.onTime, k.breached, k.open])).toEqual(l.sales.byKind.map((k) => [k.kind, k.onTime, k.breached, k.open]));
  });

  it("counts a timer not yet due as open, and narrows by team and lead source", async () => {
    const march = json<SlaAttainment>(await h.as(ws.users.sales).get("/api/v1/reports/sla-attainment?from=2026-01-01&to=2026-03-31"));
    expect(march.sales.overall).toEqual({ onTime: 3, breached: 2, open: 1, attainment: 0.6 });
    const w = json<SlaAttainment>(await h.as(ws.users.sales).get(`/api/v1/reports/sla-attainment?${Q}&teamId=${west}`));
    expect(w.sales.overall).toEqual({ onTime: 1, breached: 1, open: 0, attainment: 0.5 });
    const webinar = json<SlaAttainment>(await h.as(ws.users.sales).get(`/api/v1/reports/sla-attainment?${Q}&source=webinar`));
    expect(webinar.sales.overall).toEqual({ onTime: 1, breached: 0, open: 0, attainment: 1 });
  });

  it("drills down to the timers and target periods behind a figure", async () => {
    const breached = json<SlaAttainmentRecords>(await h.as(ws.users.sdr).get(`/api/v1/reports/sla-attainment/records?${Q}&side=sales&outcome=breached`));
    expect(breached.items.map((i) => (i.kind === "timer" ? [i.timerKind, i.dueAt, i.state] : null))).toEqual([
      ["accept", "2026-01-06T10:00:00.000Z", "met"],
      ["first_touch", "2026-02-10T09:00:00.000Z", "running"],
    ]);
    const b = json<SlaAttainmentRecords>(await h.as(ws.users.sdr).get(`/api/v1/reports/sla-attainment/records?${Q}&side=sales&kind=accept&ownerId=${repB}`));
    expect([b.total, b.items.every((i) => i.kind === "timer" && i.outcome === "onTime" && i.teamName === "AE East")]).toEqual([2, true]);
    const missedRes = await h.as(ws.users.sdr).get(`/api/v1/reports/sla-attainment/records?${Q}&side=marketing&met=false`);
    expect(missedRes.statusCode, missedRes.body).toBe(200);
    const missed = json<SlaAttainmentRecords>(missedRes);
    expect(missed.items.map((i) => (i.kind === "period" ? [i.periodStart, i.mqls, i.mqlTarget] : null))).toEqual([["2026-02-01", 80, 100]]);
  });
});
