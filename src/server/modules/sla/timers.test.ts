import { describe, expect, it } from "vitest";
import { createInterface } from "node:readline";
import { DEFAULT_CALENDAR } from "../../../shared/contracts/business-calendar.js";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { spawnTsChild } from "../../../../test/child.js";

// Friday 6 March 2026, 15:00 in New York (EST). The US springs forward on Sunday 8 March.
const FRIDAY_3PM = "2026-03-06T20:00:00.000Z";
const h = useHarness({ now: FRIDAY_3PM });

type Timer = { id: string; kind: string; state: string; ownerId: string | null; startedAt: string; warnAt: string; dueAt: string; metAt: string | null; breachedAt: string | null; escalatedAt: string | null; reassignedAt: string | null; cancelReason: string | null; businessMinutesLeft: number | null };
type Note = { kind: string; title: string; userId?: string };

/** A workspace on New York hours whose team "AE West" holds the sales rep and the SDR; reassignment is on. */
async function setUp() {
  const ws = await h.workspace();
  const admin = h.as(ws.users.admin);
  const team = json<{ id: string }>(await admin.post("/api/v1/teams", { name: "AE West" }));
  for (const role of ["sales", "sdr", "manager"] as const) await admin.patch(`/api/v1/users/${ws.users[role].userId}`, { teamId: team.id });
  expect((await admin.put("/api/v1/business-calendars/default", { calendar: { ...DEFAULT_CALENDAR, timezone: "America/New_York" } })).statusCode).toBe(200);
  const accept = json<{ items: { id: string; kind: string; terms: Record<string, unknown> }[] }>(await admin.get("/api/v1/sla-policies")).items.find((p) => p.kind === "accept")!;
  const patched = await admin.patch(`/api/v1/sla-policies/${accept.id}`, { terms: { dueMinutes: 240, warnFraction: 0.75, escalation: { remindOwnerAfterMinutes: 60, notifyManagerAfterMinutes: 240, reassignAfterMinutes: 480 } } });
  expect(patched.statusCode, patched.body).toBe(200);
  return { ws, admin, teamId: team.id };
}

async function newMql(ws: TestWorkspace, ownerId: string, email: string) {
  const admin = h.as(ws.users.admin);
  const c = json<{ id: string }>(await admin.post("/api/v1/contacts", { email, firstName: "Dana", lastName: "Ortiz", ownerId }));
  const moved = await admin.post(`/api/v1/contacts/${c.id}/stage`, { stage: "mql" });
  expect(moved.statusCode, moved.body).toBe(200);
  return c.id;
}

const timersOf = async (ws: TestWorkspace, contactId: string) => json<{ items: Timer[] }>(await h.as(ws.users.admin).get(`/api/v1/sla-timers?contactId=${contactId}`)).items;
const notesOf = async (ws: TestWorkspace, role: keyof TestWorkspace["users"]) => json<{ items: Note[] }>(await h.as(ws.users[role]).get("/api/v1/notifications")).items;

async function tickAt(ws: TestWorkspace, iso: string) {
  h.clock.set(iso);
  return h.modules.sla.timers.fireDue(ws.workspaceId);
}

describe("an MQL's accept timer walks warning → breach → escalation across a weekend and the spring-forward", () => {
  it("fires each step at its business-time instant and reassigns at the end of the ladder", async () => {
    h.clock.set(FRIDAY_3PM);
    const { ws, admin } = await setUp();
    const hook = await admin.post("/api/v1/webhooks", { url: "https://93.184.215.14/tandem", events: ["sla.warning", "sla.breached"] });
    expect(hook.statusCode, hook.body).toBe(201);
    const contactId = await newMql(ws, ws.users.sales.userId, "dana@walk.example");
    const [timer] = await timersOf(ws, contactId);
    // 4 business hours: Friday 15–17, then Monday 09–11 EDT (15:00Z; it would be 16:00Z without DST).
    expect(timer).toMatchObject({ kind: "accept", state: "running", ownerId: ws.users.sales.userId, warnAt: "2026-03-09T14:00:00.000Z", dueAt: "2026-03-09T15:00:00.000Z", businessMinutesLeft: 240 });

    expect(await tickAt(ws, "2026-03-09T13:59:00Z")).toBe(0);
    expect((await timersOf(ws, contactId))[0]!.businessMinutesLeft).toBe(61);

    expect(await tickAt(ws, "2026-03-09T14:00:00Z")).toBe(1);
    expect((await notesOf(ws, "sales"))[0]).toMatchObject({ kind: "sla.warning", title: "Accept or reject Dana Ortiz: due in 1 business hour" });

    expect(await tickAt(ws, "2026-03-09T15:00:30Z")).toBe(1);
    expect((await timersOf(ws, contactId))[0]).toMatchObject({ state: "breached", breachedAt: "2026-03-09T15:00:00.000Z", businessMinutesLeft: -0.5 });
    expect((await notesOf(ws, "sales"))[0]).toMatchObject({ kind: "sla.breached", title: "Overdue: Accept or reject Dana Ortiz" });
    // Both steps were published to the subscribed endpoint in the step's transaction.
    const sent = await h.tdb.ownerDb.pool.query("select event_type, payload from webhook_deliveries where workspace_id = $1 order by created_at, event_type desc", [ws.workspaceId]);
    expect(sent.rows.map((r: { event_type: string }) => r.event_type)).toEqual(["sla.warning", "sla.breached"]);
    expect(sent.rows[1].payload.data).toMatchObject({ timer: { kind: "accept", contactId, dueAt: "2026-03-09T15:00:00.000Z", state: "breached" }, contact: { name: "Dana Ortiz" } });

    expect(await tickAt(ws, "2026-03-09T16:00:00Z")).toBe(1);
    expect((await notesOf(ws, "sales"))[0]!.title).toBe("Still overdue by 1 business hour: Accept or reject Dana Ortiz");
    expect((await notesOf(ws, "manager")).filter((n) => n.kind === "sla.escalated")).toHaveLength(0);

    expect(await tickAt(ws, "2026-03-09T19:00:00Z")).toBe(1);
    const escalated = (await notesOf(ws, "manager")).filter((n) => n.kind === "sla.escalated");
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.title).toMatch(/^Escalated: Accept or reject Dana Ortiz \(owner .+\)$/);
    expect((await timersOf(ws, contactId))[0]!.escalatedAt).toBe("2026-03-09T19:00:00.000Z");

    // Monday 11:00 EDT + 8 business hours = Tuesday 11:00 EDT.
    expect(await tickAt(ws, "2026-03-10T14:59:00Z")).toBe(0);
    expect(await tickAt(ws, "2026-03-10T15:00:00Z")).toBe(1);
    const contact = json<{ ownerId: string }>(await h.as(ws.users.admin).get(`/api/v1/contacts/${contactId}`));
    expect(contact.ownerId).toBe(ws.users.sdr.userId);
    const [fresh, old] = await timersOf(ws, contactId);
    expect(old).toMatchObject({ state: "breached", reassignedAt: "2026-03-10T15:00:00.000Z", cancelReason: "reassigned", businessMinutesLeft: null });
    // The SDR's own clock: Tuesday 11:00 EDT + 4 business hours = 15:00 EDT.
    expect(fresh).toMatchObject({ state: "running", ownerId: ws.users.sdr.userId, startedAt: "2026-03-10T15:00:00.000Z", dueAt: "2026-03-10T19:00:00.000Z" });
    expect((await notesOf(ws, "sales"))[0]!.kind).toBe("sla.reassigned");

    // Days later the SDR's timer has run its ladder too (its warning skipped as past due); the lead does not go back
    // to the rep who already let it breach, and the old timer fires nothing more.
    expect(await tickAt(ws, "2026-03-20T15:00:00Z")).toBe(4);
    expect(json<{ ownerId: string }>(await h.as(ws.users.admin).get(`/api/v1/contacts/${contactId}`)).ownerId).toBe(ws.users.sdr.userId);
    const steps = await h.tdb.ownerDb.pool.query("select step from sla_timer_events where workspace_id = $1 and timer_id = $2 order by at, step", [ws.workspaceId, fresh!.id]);
    expect(steps.rows.map((r: { step: string }) => r.step)).toEqual(["breached", "remind_owner", "notify_manager", "reassign", "reassign_skipped"]);
    expect(await tickAt(ws, "2026-03-30T15:00:00Z")).toBe(0);
  });

  it("is met by accepting; acceptance starts the first-touch timer that a call meets", async () => {
    h.clock.set(FRIDAY_3PM);
    const { ws } = await setUp();
    const contactId = await newMql(ws, ws.users.sales.userId, "lee@met.example");
    h.clock.set("2026-03-09T14:30:00Z");
    await tickAt(ws, "2026-03-09T14:30:00Z");
    const accepted = await h.as(ws.users.sales).post(`/api/v1/contacts/${contactId}/stage`, { stage: "sal" });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [firstTouch, accept] = await timersOf(ws, contactId);
    expect(accept).toMatchObject({ kind: "accept", state: "met", metAt: "2026-03-09T14:30:00.000Z", breachedAt: null });
    // One business day from Monday 10:30 EDT is Tuesday 10:30 EDT.
    expect(firstTouch).toMatchObject({ kind: "first_touch", state: "running", dueAt: "2026-03-10T14:30:00.000Z" });
    h.clock.set("2026-03-09T18:00:00Z");
    const call = await h.as(ws.users.sales).post("/api/v1/touchpoints", { contactId, type: "call", channel: "outbound" });
    expect(call.statusCode, call.body).toBe(201);
    expect((await timersOf(ws, contactId))[0]).toMatchObject({ kind: "first_touch", state: "met", metAt: "2026-03-09T18:00:00.000Z" });
    expect(await tickAt(ws, "2026-03-20T00:00:00Z")).toBe(0);
  });
});

describe("recycling before the minimum attempts", () => {
  it("is refused with what is missing, and allowed after three calls over five business days", async () => {
    h.clock.set("2026-03-02T14:00:00Z");
    const { ws } = await setUp();
    const contactId = await newMql(ws, ws.users.sales.userId, "kim@recycle.example");
    const sales = h.as(ws.users.sales);
    await sales.post(`/api/v1/contacts/${contactId}/stage`, { stage: "sal" });
    const early = await sales.post(`/api/v1/contacts/${contactId}/stage`, { stage: "recycled", reasonCode: "no_response" });
    expect(early.statusCode).toBe(409);
    expect(json<{ message: string }>(early).message).toContain("recycling needs at least 3 attempts over 5 business days; no attempts yet");
    for (const day of ["2026-03-02T15:00:00Z", "2026-03-04T15:00:00Z", "2026-03-06T15:00:00Z"]) {
      h.clock.set(day);
      expect((await sales.post("/api/v1/touchpoints", { contactId, type: "call", channel: "outbound" })).statusCode).toBe(201);
    }
    // First call Monday 10:00 EST; five business days of 8 hours later is Monday 10:00 EDT, 14:00Z after the DST change.
    h.clock.set("2026-03-09T13:59:00Z");
    expect((await sales.post(`/api/v1/contacts/${contactId}/stage`, { stage: "recycled", reasonCode: "no_response" })).statusCode).toBe(409);
    h.clock.set("2026-03-09T14:00:00Z");
    const ok = await sales.post(`/api/v1/contacts/${contactId}/stage`, { stage: "recycled", reasonCode: "no_response" });
    expect(ok.statusCode, ok.body).toBe(200);
    // A manager may overrule the rule for a lead nobody tried yet.
    const other = await newMql(ws, ws.users.sales.userId, "lou@recycle.example");
    expect((await h.as(ws.users.sales).post(`/api/v1/leads/${other}/recycle`, { reasonCode: "no_response" })).statusCode).toBe(409);
    expect((await h.as(ws.users.manager).post(`/api/v1/leads/${other}/recycle`, { reasonCode: "bad_timing" })).statusCode).toBe(200);
  });
});

describe("two processes ticking at once", () => {
  it("never fire a step twice", async () => {
    h.clock.set(FRIDAY_3PM);
    const { ws } = await setUp();
    const contacts: string[] = [];
    for (let i = 0; i < 30; i++) contacts.push(await newMql(ws, ws.users.sales.userId, `p${i}@race.example`));
    const at = "2026-03-09T19:00:00.000Z"; // warning skipped (past due); breach, remind and manager steps are all due
    h.clock.set(at);
    // A second server process on the same database: it starts, says ready, and both tick on "go".
    const child = spawnTsChild("test/sla-tick-child.ts", { CHILD_DB_URL: h.tdb.appUrl, CHILD_WORKSPACE_ID: ws.workspaceId, CHILD_AT: at, CHILD_BATCH: "2" });
    const lines = createInterface({ input: child.stdout! });
    const out: string[] = [];
    const ready = new Promise<void>((resolve) => lines.on("line", (l) => (out.push(l), l === "ready" && resolve())));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await ready;
    child.stdin!.write("go\n");
    // Two timers per transaction on both sides, so the processes take turns over the 30 (SKIP LOCKED).
    const here = await h.modules.sla.timers.fireDue(ws.workspaceId, h.clock.now(), 2);
    expect(await exited).toBe(0);
    const there = (JSON.parse(out.find((l) => l.startsWith("{"))!) as { fired: number }).fired;
    expect(here + there).toBe(30 * 3);
    const steps = await h.tdb.ownerDb.pool.query("select step, count(*)::int as n from sla_timer_events where workspace_id = $1 group by step order by step", [ws.workspaceId]);
    expect(steps.rows).toEqual([
      { step: "breached", n: 30 },
      { step: "notify_manager", n: 30 },
      { step: "remind_owner", n: 30 },
    ]);
    const notes = await h.tdb.ownerDb.pool.query("select kind, count(*)::int as n from notifications where workspace_id = $1 and kind like 'sla.%' group by kind order by kind", [ws.workspaceId]);
    expect(notes.rows).toEqual([
      { kind: "sla.breached", n: 60 },
      { kind: "sla.escalated", n: 30 },
    ]);
    expect(await h.modules.sla.timers.fireDue(ws.workspaceId)).toBe(0);
  }, 60_000);
});
