import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import type { LedgerResponse } from "../../../shared/contracts/sla.js";

// Monday 2 March 2026; the workspace keeps the default Mon–Fri 09–17 UTC hours and the default policies.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });

async function mql(ws: TestWorkspace, email: string, ownerId: string) {
  const admin = h.as(ws.users.admin);
  const c = json<{ id: string }>(await admin.post("/api/v1/contacts", { email, ownerId }));
  expect((await admin.post(`/api/v1/contacts/${c.id}/stage`, { stage: "mql" })).statusCode).toBe(200);
  return c.id;
}

async function accept(ws: TestWorkspace, id: string, as: "sales" | "sdr") {
  expect((await h.as(ws.users[as]).post(`/api/v1/leads/${id}/accept`, {})).statusCode).toBe(200);
}

describe("the breach ledger", () => {
  it("shows both sides' attainment for the month, worked out by hand", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const west = json<{ id: string }>(await admin.post("/api/v1/teams", { name: "AE West" }));
    const east = json<{ id: string }>(await admin.post("/api/v1/teams", { name: "AE East" }));
    await admin.patch(`/api/v1/users/${ws.users.sales.userId}`, { teamId: west.id });
    await admin.patch(`/api/v1/users/${ws.users.sdr.userId}`, { teamId: east.id });

    const [m1, m2, m3] = [await mql(ws, "m1@l.example", ws.users.sales.userId), await mql(ws, "m2@l.example", ws.users.sales.userId), await mql(ws, "m3@l.example", ws.users.sdr.userId)];
    h.clock.set("2026-03-02T09:30:00Z");
    await accept(ws, m3, "sdr"); // 30 business minutes: on time
    h.clock.set("2026-03-02T10:00:00Z");
    await accept(ws, m1, "sales"); // 60: on time
    h.clock.set("2026-03-02T12:00:00Z");
    await mql(ws, "m4@l.example", ws.users.sdr.userId); // due 16:00, still open at 15:00
    h.clock.set("2026-03-02T13:00:00Z");
    // m2 is due now: its 12:00 warning would say less than the breach, so only the breach fires.
    expect(await h.modules.sla.timers.fireDue(ws.workspaceId)).toBe(1);
    h.clock.set("2026-03-02T15:00:00Z");
    await accept(ws, m2, "sales"); // 360 minutes: 120 late

    const l = json<LedgerResponse>(await h.as(ws.users.manager).get("/api/v1/sla/ledger"));
    expect([l.from, l.to]).toEqual(["2026-03-01", "2026-04-01"]);
    const accept_ = l.sales.byKind.find((k) => k.kind === "accept");
    expect(accept_).toEqual({ kind: "accept", label: "Accept or reject an MQL", onTime: 2, breached: 1, open: 1, attainment: 2 / 3, medianMinutes: 60 });
    expect(l.sales.byKind.find((k) => k.kind === "first_touch")).toMatchObject({ onTime: 0, breached: 0, open: 3, attainment: null });
    expect(l.sales.byTeam.filter((t) => t.kind === "accept").map((t) => [t.teamName, t.onTime, t.breached, t.open, t.attainment])).toEqual([
      ["AE West", 1, 1, 0, 0.5],
      ["AE East", 1, 0, 1, 1],
    ]);
    expect(l.breaches).toEqual([expect.objectContaining({ kind: "accept", contactId: m2, teamName: "AE West", lateMinutes: 120, escalated: false, reassigned: false })]);
    // Marketing: 4 MQLs in March against 100; 39 of March's 744 hours have passed, so 100 × 39/744 ≈ 5.24 were due.
    expect(l.marketing).toHaveLength(1);
    const m = l.marketing[0]!;
    expect(m).toMatchObject({ periodStart: "2026-03-01", periodEnd: "2026-04-01", mqls: 4, mqlTarget: 100, accepted: 3, rejected: 0, pending: 1, acceptanceRate: 1, status: "behind", final: false });
    expect(m.expectedByNow).toBeCloseTo((100 * 39) / 744, 10);
    expect(m.pace).toBeCloseTo(4 / ((100 * 39) / 744), 10);
  });

  it("evaluates marketing's month once when it ends and tells marketing it was missed", async () => {
    h.clock.set("2026-03-02T09:00:00Z");
    const ws = await h.workspace();
    await mql(ws, "only@l.example", ws.users.sales.userId);
    h.clock.set("2026-04-01T00:05:00Z");
    expect(await h.modules.sla.marketing.evaluateEndedPeriods(ws.workspaceId)).toBe(1);
    expect(await h.modules.sla.marketing.evaluateEndedPeriods(ws.workspaceId)).toBe(0);
    const notes = json<{ items: { kind: string; title: string; body: string }[] }>(await h.as(ws.users.marketing).get("/api/v1/notifications")).items;
    expect(notes.filter((n) => n.kind === "sla.marketing_missed").map((n) => [n.title, n.body])).toEqual([["Marketing SLA missed for 2026-03", "1 MQLs of 100 targeted; no decided leads."]]);
    h.clock.set("2026-03-02T09:00:00Z");
  });
});
