import { beforeEach, describe, expect, it } from "vitest";
import type { AdherenceReport, ContactPlaybook, Playbook } from "../../../shared/contracts/playbooks.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness, type Caller } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z"; // a Monday; test workspaces keep business hours in UTC
const h = useHarness({ now: NOW });
beforeEach(() => h.clock.set(NOW));

type ErrorBody = { error: string; message: string; details: { path: string }[] };
type Pb = Serialized<Playbook>;

const WEBINAR_CALL = {
  name: "Webinar attendee → call within a day",
  match: { channels: ["webinar"] },
  firstChannel: "phone",
  steps: [
    { day: 0, channel: "phone", action: "Call about the webinar", talkTrack: "Ask which session mattered most" },
    { day: 1, channel: "email", action: "Send the recording" },
    { day: 2, channel: "linkedin", action: "Connect" },
  ],
};
const ANY_EMAIL = { name: "Everyone else → e-mail first", firstChannel: "email", steps: [{ day: 0, channel: "email", action: "Reply personally" }] };

async function contactWithTouch(admin: Caller, email: string, type: string, channel: string, occurredAt: string) {
  const c = json<{ id: string }>(await admin.post("/api/v1/contacts", { email, firstName: email.split("@")[0], source: "inbound" }));
  const t = await admin.post("/api/v1/touchpoints", { contactId: c.id, type, channel, occurredAt });
  expect(t.statusCode, t.body).toBe(201);
  return c.id;
}

describe("playbooks CRUD", () => {
  it("lets marketing write and order playbooks, everyone read them, and audits each write", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const created = await mkt.post("/api/v1/playbooks", WEBINAR_CALL);
    expect(created.statusCode, created.body).toBe(201);
    const a = json<Pb>(created);
    expect(a).toMatchObject({ position: 0, firstChannel: "phone", enabled: true, match: { sources: [], channels: ["webinar"], personas: [] }, description: null });
    expect(a.steps[1]).toEqual({ day: 1, channel: "email", action: "Send the recording", talkTrack: null, assetId: null });
    const b = json<Pb>(await h.as(ws.users.manager).post("/api/v1/playbooks", ANY_EMAIL));
    expect(b.position).toBe(1);

    expect((await h.as(ws.users.sales).post("/api/v1/playbooks", ANY_EMAIL)).statusCode).toBe(403);
    expect((await h.as(ws.users.sdr).patch(`/api/v1/playbooks/${a.id}`, { enabled: false })).statusCode).toBe(403);
    expect(json<{ items: Pb[] }>(await h.as(ws.users.sdr).get("/api/v1/playbooks")).items.map((p) => p.name)).toEqual([WEBINAR_CALL.name, ANY_EMAIL.name]);

    const changed = json<Pb>(await mkt.patch(`/api/v1/playbooks/${a.id}`, { description: "For live attendees", match: { channels: ["webinar"], personas: ["CTO"] }, enabled: false }));
    expect(changed).toMatchObject({ description: "For live attendees", match: { personas: ["CTO"] }, enabled: false, name: WEBINAR_CALL.name });
    const reordered = json<{ items: Pb[] }>(await mkt.put("/api/v1/playbooks/order", { ids: [b.id, a.id] })).items;
    expect(reordered.map((p) => [p.name, p.position])).toEqual([[ANY_EMAIL.name, 0], [WEBINAR_CALL.name, 1]]);
    expect((await mkt.delete(`/api/v1/playbooks/${b.id}`)).statusCode).toBe(204);
    expect(json<{ items: Pb[] }>(await mkt.get("/api/v1/playbooks")).items.map((p) => p.id)).toEqual([a.id]);

    const audit = json<{ items: { action: string }[] }>(await h.as(ws.users.admin).get("/api/v1/audit?entity=playbook&limit=50")).items.map((x) => x.action);
    expect(audit.sort()).toEqual(["playbook.created", "playbook.created", "playbook.deleted", "playbook.reordered", "playbook.updated"]);
  });

  it("names the field of bad input and hides other workspaces' playbooks", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const cases: [unknown, string][] = [
      [{ ...ANY_EMAIL, firstChannel: "fax" }, "body.firstChannel"],
      [{ ...WEBINAR_CALL, steps: [WEBINAR_CALL.steps[1], WEBINAR_CALL.steps[0]] }, "body.steps.1.day"],
      [{ ...ANY_EMAIL, match: { channels: ["telepathy"] } }, "body.match.channels.0"],
      [{ ...ANY_EMAIL, name: " " }, "body.name"],
      [{ ...ANY_EMAIL, steps: [{ day: 61, channel: "email", action: "Too late" }] }, "body.steps.0.day"],
    ];
    for (const [body, field] of cases) {
      const res = await mkt.post("/api/v1/playbooks", body);
      expect(res.statusCode, field).toBe(400);
      const err = json<ErrorBody>(res);
      expect(err.details.map((d) => d.path), field).toContain(field);
      expect(err.message).toContain(field);
    }
    const mine = json<Pb>(await mkt.post("/api/v1/playbooks", ANY_EMAIL));
    const other = await h.workspace("Other");
    const theirs = h.as(other.users.marketing);
    expect((await theirs.patch(`/api/v1/playbooks/${mine.id}`, { enabled: false })).statusCode).toBe(404);
    expect((await theirs.delete(`/api/v1/playbooks/${mine.id}`)).statusCode).toBe(404);
    const reorder = await theirs.put("/api/v1/playbooks/order", { ids: [mine.id] });
    expect(json<ErrorBody>(reorder).details[0]?.path).toBe("body.ids.0");
    expect(json<{ items: Pb[] }>(await theirs.get("/api/v1/playbooks")).items).toEqual([]);
  });
});

describe("recommendation, assignment at handoff and adherence", () => {
  it("recommends before the handoff, records the playbook at the handoff and measures the rep's follow-up", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const mkt = h.as(ws.users.marketing);
    const webinar = json<Pb>(await mkt.post("/api/v1/playbooks", WEBINAR_CALL));
    const fallback = json<Pb>(await mkt.post("/api/v1/playbooks", { ...ANY_EMAIL, enabled: false }));
    const vera = await contactWithTouch(admin, "vera@initech.example", "webinar_attend", "webinar", "2026-03-02T08:00:00Z");
    const omar = await contactWithTouch(admin, "omar@initech.example", "email_reply", "email", "2026-03-02T08:30:00Z");

    const before = json<Serialized<ContactPlaybook>>(await h.as(ws.users.sales).get(`/api/v1/contacts/${vera}/playbook`));
    expect(before).toMatchObject({ basis: "matched", playbook: { id: webinar.id }, assignment: null, progress: null, firstChannel: { channel: "phone", basis: "playbook" } });
    // No playbook for an e-mail responder yet: the default follows the e-mail they answered.
    expect(json<Serialized<ContactPlaybook>>(await admin.get(`/api/v1/contacts/${omar}/playbook`))).toMatchObject({ basis: "none", playbook: null, firstChannel: { channel: "email", basis: "converting_touch" } });
    await mkt.patch(`/api/v1/playbooks/${fallback.id}`, { enabled: true });

    // Monday 09:00: Vera goes to the AE, Omar to the SDR.
    expect((await admin.post(`/api/v1/contacts/${vera}/assign`, { ownerId: ws.users.sales.userId })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/contacts/${omar}/assign`, { ownerId: ws.users.sdr.userId })).statusCode).toBe(201);
    const assignedAudit = json<{ items: { action: string }[] }>(await admin.get("/api/v1/audit?entity=playbook_assignment&limit=10")).items;
    expect(assignedAudit.map((x) => x.action)).toEqual(["playbook.assigned", "playbook.assigned"]);

    const ae = h.as(ws.users.sales);
    const sdr = h.as(ws.users.sdr);
    // Vera: a call at 10:00 (first touch on the recommended phone, step 0 on time); the e-mail due by Tuesday's end comes Wednesday (late).
    await ae.post("/api/v1/touchpoints", { contactId: vera, type: "call", occurredAt: "2026-03-02T10:00:00Z" });
    await ae.post("/api/v1/touchpoints", { contactId: vera, type: "sales_email", channel: "email", occurredAt: "2026-03-04T10:00:00Z" });
    // Omar answered an e-mail but gets a cold call, and no e-mail by Monday's end.
    await sdr.post("/api/v1/touchpoints", { contactId: omar, type: "call", occurredAt: "2026-03-02T11:00:00Z" });
    h.clock.set("2026-03-05T12:00:00Z");

    const vp = json<Serialized<ContactPlaybook>>(await h.as(ws.users.marketing).get(`/api/v1/contacts/${vera}/playbook`));
    expect(vp).toMatchObject({ basis: "assigned", playbook: { id: webinar.id }, assignment: { repId: ws.users.sales.userId, assignedAt: NOW }, firstChannel: { channel: "phone" } });
    expect(vp.progress).toMatchObject({ firstTouch: { channel: "phone", at: "2026-03-02T10:00:00.000Z" }, firstTouchOnChannel: true, stepsDue: 3, stepsOnTime: 1, share: 0.5, nextStep: null });
    expect(vp.progress!.steps.map((s) => [s.status, s.dueAt])).toEqual([
      ["done", "2026-03-03T00:00:00.000Z"],
      ["late", "2026-03-04T00:00:00.000Z"],
      ["missed", "2026-03-05T00:00:00.000Z"],
    ]);
    expect(vp.progress!.steps[0]!.talkTrack).toBe("Ask which session mattered most");

    const report = async (groupBy: string) => {
      const res = await h.as(ws.users.sdr).get(`/api/v1/reports/playbook-adherence?from=2026-03-01&to=2026-03-03&groupBy=${groupBy}`);
      expect(res.statusCode, res.body).toBe(200);
      return json<AdherenceReport>(res);
    };
    const byRep = await report("rep");
    expect(byRep.rows.map((r) => [r.label, r.leads, r.touched, r.firstTouchOnChannel, r.stepsDue, r.stepsOnTime, r.adherenceRate])).toEqual([
      ["Acme sales", 1, 1, 1, 3, 1, 0.5],
      ["Acme sdr", 1, 1, 0, 1, 0, 0],
    ]);
    const bySource = await report("source");
    expect(bySource.rows).toEqual([
      { key: "inbound", label: "inbound", leads: 2, touched: 2, firstTouchOnChannel: 1, stepsDue: 4, stepsOnTime: 1, firstTouchOnChannelRate: 0.5, stepsOnTimeRate: 0.25, adherenceRate: 2 / 6 },
    ]);
    expect(bySource.total).toMatchObject({ leads: 2, adherenceRate: 2 / 6 });
    // A period without handoffs is empty.
    const empty = json<AdherenceReport>(await admin.get("/api/v1/reports/playbook-adherence?from=2026-02-01&to=2026-03-01"));
    expect([empty.rows, empty.total.leads, empty.total.adherenceRate]).toEqual([[], 0, null]);
  });

  it("answers 404 for another workspace's contact and names bad report parameters", async () => {
    const ws = await h.workspace();
    const other = await h.workspace("Other");
    const theirs = json<{ id: string }>(await h.as(other.users.admin).post("/api/v1/contacts", { email: "x@other.example" }));
    expect((await h.as(ws.users.admin).get(`/api/v1/contacts/${theirs.id}/playbook`)).statusCode).toBe(404);
    for (const [q, field] of [["from=2026-03-05&to=2026-03-01", "query.to"], ["from=2025-01-01&to=2026-03-01", "query.to"], ["from=2026-03-01&to=2026-03-05&groupBy=team", "query.groupBy"], ["to=2026-03-05", "query.from"]] as const) {
      const res = await h.as(ws.users.admin).get(`/api/v1/reports/playbook-adherence?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(json<ErrorBody>(res).details.map((d) => d.path), q).toContain(field);
    }
  });
});
