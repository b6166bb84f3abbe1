import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { createFixture, type Fixture } from "../../../../test/fixtures.js";
import type { InboxResponse, RejectionsResponse } from "../../../shared/contracts/feedback.js";

// Monday 2 March 2026, 09:00 UTC: the workspace keeps the default Mon–Fri 09–17 UTC hours.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
let a: Fixture;
let b: Fixture;

beforeAll(async () => {
  a = await createFixture(h, "Loop");
  b = await createFixture(h, "Elsewhere");
});

type Suggestion = { key: string; share: number; count: number; groupLabel: string; evidence: unknown; rule: { id: string; points: number; conditions: unknown[] }; message: string };

describe("rejections roll up for marketing", () => {
  it("per campaign: the seeded 12 rejected students and 3 accepted CTOs of the webinar", async () => {
    const r = json<RejectionsResponse>(await h.as(a.users.marketing).get("/api/v1/feedback/rejections?by=campaign"));
    expect(r).toMatchObject({ from: "2025-12-03", to: "2026-03-03", by: "campaign" });
    expect(r.groups).toEqual([
      { key: a.campaignId, label: "Loop Webinar", campaignId: a.campaignId, accepted: 3, rejected: 12, rejectionRate: 0.8, reasons: [{ code: "student", label: "Student or job seeker", count: 12, share: 1 }] },
    ]);
  });

  it("tell the owner of the lead's campaign the moment sales rejects it, with the reason and note", async () => {
    const camp = json<{ id: string }>(await h.as(a.users.marketing).post("/api/v1/campaigns", { name: "Spring Webinar", channel: "webinar", ownerId: a.users.marketing.userId }));
    const c = json<{ id: string }>(await h.as(a.users.admin).post("/api/v1/contacts", { email: "uma@campus.example", firstName: "Uma", originalCampaignId: camp.id }));
    await h.as(a.users.admin).post(`/api/v1/contacts/${c.id}/stage`, { stage: "mql" });
    expect((await h.as(a.users.sales).post(`/api/v1/leads/${c.id}/reject`, { reasonCode: "student", note: "Writing a thesis" })).statusCode).toBe(200);
    const feed = json<{ items: { kind: string; title: string; body: string | null }[] }>(await h.as(a.users.marketing).get("/api/v1/notifications")).items;
    expect(feed.filter((n) => n.kind === "lead.rejected").map((n) => [n.title, n.body])).toEqual([["Sales rejected Uma from Spring Webinar: Student or job seeker", "Writing a thesis"]]);
  });

  it("count a rejection the moment sales records it", async () => {
    const c = json<{ id: string }>(await h.as(a.users.admin).post("/api/v1/contacts", { email: "ivy@partner.example", source: "Partner" }));
    await h.as(a.users.admin).post(`/api/v1/contacts/${c.id}/stage`, { stage: "mql" });
    const res = await h.as(a.users.sales).post(`/api/v1/leads/${c.id}/reject`, { reasonCode: "no_budget", note: "Next fiscal year" });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ id: c.id, stage: "rejected" });
    const bySource = json<RejectionsResponse>(await h.as(a.users.marketing).get("/api/v1/feedback/rejections?by=source"));
    expect(bySource.groups.find((g) => g.label === "Partner")).toMatchObject({ accepted: 0, rejected: 1, rejectionRate: 1, reasons: [{ code: "no_budget", count: 1, share: 1 }] });
  });

  it("suggest a negative fit rule for a recurring reason, and draft it in one call", async () => {
    const s = json<{ items: Suggestion[] }>(await h.as(a.users.marketing).get("/api/v1/feedback/suggestions")).items;
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      key: `campaign:${a.campaignId}:student`,
      share: 1,
      count: 12,
      groupLabel: "Loop Webinar",
      evidence: { field: "contact.title", values: ["Student"], rejectedShare: 1, acceptedShare: 0 },
      // The active (starter) definition's grade A threshold is 40.
      rule: { id: "feedback-student-contact-title", points: -40, conditions: [{ field: "contact.title", op: "in", value: ["Student"] }] },
      message: '100 % of rejections from Loop Webinar are "Student or job seeker" (12); 100 % of those have contact.title in (Student) against 0 % of accepted leads — add a negative fit rule.',
    });
    const drafted = await h.as(a.users.marketing).post("/api/v1/feedback/suggestions/draft", { key: s[0]!.key });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const { definitionId } = json<{ definitionId: string }>(drafted);
    const def = json<{ status: string; fitRules: { id: string }[]; notes: string }>(await h.as(a.users.marketing).get(`/api/v1/lead-definitions/${definitionId}`));
    const active = json<{ fitRules: { id: string }[] }>(await h.as(a.users.marketing).get(`/api/v1/lead-definitions/${a.activeDefinitionId}`));
    expect(def.status).toBe("draft");
    expect(def.fitRules.map((r) => r.id)).toEqual([...active.fitRules.map((r) => r.id), "feedback-student-contact-title"]);
    expect(def.notes).toContain("Suggested from sales feedback: 100 % of rejections from Loop Webinar");
  });
});

describe("deciding leads", () => {
  async function newMql(email: string, ownerId?: string) {
    const c = json<{ id: string }>(await h.as(a.users.admin).post("/api/v1/contacts", { email, ownerId }));
    expect((await h.as(a.users.admin).post(`/api/v1/contacts/${c.id}/stage`, { stage: "mql" })).statusCode).toBe(200);
    return c.id;
  }

  it("accepts an MQL once; accepting anything else is refused with why", async () => {
    const id = await newMql("acc@loop.example");
    expect(json(await h.as(a.users.sales).post(`/api/v1/leads/${id}/accept`, {}))).toMatchObject({ stage: "sal" });
    const again = await h.as(a.users.sales).post(`/api/v1/leads/${id}/accept`, {});
    expect(again.statusCode).toBe(422);
    expect(json<{ message: string }>(again).message).toBe("Only an MQL can be accepted; this lead is sal");
  });

  it("refuses a reason outside the taxonomy and changes nothing", async () => {
    const id = await newMql("why@loop.example");
    const res = await h.as(a.users.sales).post(`/api/v1/leads/${id}/reject`, { reasonCode: "too_cheerful" });
    expect(res.statusCode).toBe(400);
    expect(json<{ details: { path: string }[] }>(res).details[0]!.path).toBe("body.reasonCode");
    expect(json<{ stage: string }>(await h.as(a.users.sales).get(`/api/v1/contacts/${id}`)).stage).toBe("mql");
  });

  it("rejects in bulk, reporting each lead; another workspace's lead is not found and untouched", async () => {
    const ids = [await newMql("b1@loop.example"), await newMql("b2@loop.example")];
    const res = await h.as(a.users.sdr).post("/api/v1/leads/bulk", { action: "reject", ids: [...ids, b.mqlContactId], reasonCode: "bad_data" });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({
      succeeded: 2,
      failed: 1,
      results: [
        { id: ids[0], ok: true, stage: "rejected", error: null },
        { id: ids[1], ok: true, stage: "rejected", error: null },
        { id: b.mqlContactId, ok: false, stage: null, error: "Lead not found" },
      ],
    });
    expect(json<{ stage: string }>(await h.as(b.users.admin).get(`/api/v1/contacts/${b.mqlContactId}`)).stage).toBe("mql");
  });

  it("the inbox lists a rep's open leads, most urgent SLA first, with the countdown", async () => {
    const first = await newMql("first@loop.example", a.users.sales.userId);
    h.clock.set("2026-03-02T10:00:00Z");
    const second = await newMql("second@loop.example", a.users.sales.userId);
    h.clock.set("2026-03-02T11:30:00Z");
    const inbox = json<InboxResponse>(await h.as(a.users.sales).get("/api/v1/inbox"));
    expect(inbox.ownerId).toBe(a.users.sales.userId);
    const mine = inbox.items.filter((i) => [first, second].includes(i.contactId));
    // Started 09:00 and 10:00, due 13:00 and 14:00: 90 and 150 business minutes left at 11:30.
    expect(mine.map((i) => [i.contactId, i.stage, i.timer?.kind, i.timer?.businessMinutesLeft])).toEqual([
      [first, "mql", "accept", 90],
      [second, "mql", "accept", 150],
    ]);
    // The fixture's one playbook matches any lead: the inbox recommends it with its first step.
    expect(mine[0]!.playbook).toEqual({ playbookId: a.playbookId, name: "E-mail first", firstChannel: "email", nextStep: "Day 0: Reply (email)" });
    expect((await h.as(a.users.sales).get(`/api/v1/inbox?ownerId=${a.users.sdr.userId}`)).statusCode).toBe(403);
    expect((await h.as(a.users.manager).get(`/api/v1/inbox?ownerId=${a.users.sales.userId}`)).statusCode).toBe(200);
    h.clock.set("2026-03-02T09:00:00Z");
  });
});
