import { describe, expect, it } from "vitest";
import type { DefinitionBody } from "../../../shared/contracts/agreement.js";
import type { HandoffContext } from "../../../shared/contracts/routing.js";
import { json, useHarness, type Caller, type TestWorkspace } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
const DAY = 86_400_000;
const at = (msBefore: number) => new Date(Date.parse(NOW) - msBefore).toISOString();

const DEFINITION: DefinitionBody = {
  fitRules: [
    { id: "big", label: "200+ employees", conditions: [{ field: "account.employees", op: "gte", value: 200 }], points: 20 },
    { id: "vp", label: "VP or C-level", conditions: [{ field: "contact.seniority", op: "in", value: ["vp", "c_level"] }], points: 25 },
  ],
  gradeThresholds: { A: 40, B: 20, C: 10 },
  engagementRules: [
    { id: "content", label: "Content download", match: { types: ["content_download"] }, points: 20 },
    { id: "webinar", label: "Webinar attended", match: { types: ["webinar_attend"] }, points: 35 },
  ],
  halfLifeDays: 10,
  mqlRule: { grades: ["A"], engagementThreshold: 50 },
};

type Handoff = { id: string; contactId: string; contactName: string | null; toUserId: string; toUserName: string | null; fromUserId: string | null; ruleId: string | null; ruleName: string | null; reason: string; campaignId: string | null; definitionVersion: number | null; context: HandoffContext };
type Contact = { id: string; ownerId: string | null; stage: string };
type ErrorBody = { error: string; details: { path: string }[] };

async function activate(ws: TestWorkspace) {
  const mkt = h.as(ws.users.marketing);
  const d = json<{ id: string }>(await mkt.post("/api/v1/lead-definitions", { definition: DEFINITION }));
  await mkt.post(`/api/v1/lead-definitions/${d.id}/propose`);
  await mkt.post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "marketing" });
  const active = json<{ status: string; version: number }>(await h.as(ws.users.sales).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "sales" }));
  expect(active.status).toBe("active");
  return active.version;
}

/** A workspace whose sales and sdr members form the team "AE East". */
async function withTeam() {
  const ws = await h.workspace();
  const admin = h.as(ws.users.admin);
  const team = json<{ id: string }>(await admin.post("/api/v1/teams", { name: "AE East" }));
  for (const role of ["sales", "sdr"] as const) await admin.patch(`/api/v1/users/${ws.users[role].userId}`, { teamId: team.id });
  const reps = [ws.users.sales.userId, ws.users.sdr.userId].sort();
  return { ws, admin, teamId: team.id, reps };
}

async function handoffsOf(c: Caller, contactId: string) {
  return json<{ items: Handoff[] }>(await c.get(`/api/v1/contacts/${contactId}/handoffs`)).items;
}

async function moveToMql(c: Caller, contactId: string) {
  const res = await c.post(`/api/v1/contacts/${contactId}/stage`, { stage: "mql" });
  expect(res.statusCode, res.body).toBe(200);
  return json<Contact>(res);
}

describe("routing on MQL", () => {
  it("routes a contact that crosses the MQL rule through a touchpoint, with a handoff carrying its context, and notifies the rep", async () => {
    const { ws, admin, teamId, reps } = await withTeam();
    const version = await activate(ws);
    const manager = h.as(ws.users.manager);
    await manager.post("/api/v1/routing-rules", { kind: "account_owner", name: "Account owner" });
    const rr = json<{ id: string }>(await manager.post("/api/v1/routing-rules", { kind: "round_robin", name: "East round-robin", teamId, capacity: 5 }));
    const webinar = json<{ id: string }>(await admin.post("/api/v1/campaigns", { name: "FinOps Live", channel: "webinar" }));
    const ebook = json<{ id: string }>(await admin.post("/api/v1/campaigns", { name: "Checklist ebook", channel: "content" }));
    const acct = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Initech", employees: 500 }));
    const c = json<Contact>(await admin.post("/api/v1/contacts", { email: "vera@initech.example", firstName: "Vera", lastName: "Pike", seniority: "vp", accountId: acct.id }));

    await admin.post("/api/v1/touchpoints", { contactId: c.id, type: "content_download", campaignId: ebook.id, channel: "content", occurredAt: at(2 * DAY), properties: { asset_title: "FinOps Checklist" } });
    expect(json<Contact>(await admin.get(`/api/v1/contacts/${c.id}`))).toMatchObject({ stage: "lead", ownerId: null });
    // 20·2^(−2/10) + 35 ≈ 52.4 ≥ 50: the webinar makes Vera an MQL.
    await admin.post("/api/v1/touchpoints", { contactId: c.id, type: "webinar_attend", campaignId: webinar.id, channel: "webinar", occurredAt: NOW, properties: { webinar_title: "Cutting cloud costs live" } });

    const routed = json<Contact>(await admin.get(`/api/v1/contacts/${c.id}`));
    expect(routed).toMatchObject({ stage: "mql", ownerId: reps[0] });
    const [handoff, ...rest] = await handoffsOf(h.as(ws.users.marketing), c.id);
    expect(rest).toEqual([]);
    expect(handoff).toMatchObject({ contactName: "Vera Pike", toUserId: reps[0], fromUserId: null, ruleId: rr.id, ruleName: "East round-robin", reason: "round_robin", campaignId: webinar.id, definitionVersion: version });
    expect(handoff!.context).toEqual({
      scoreExplanation: `v${version}: grade A, engagement 52.4 ≥ 50 after "Webinar attended"`,
      fit: { points: 45, grade: "A" },
      engagement: 52.4,
      timeline: [
        { at: NOW, type: "webinar_attend", channel: "webinar", campaignName: "FinOps Live", assetTitle: null },
        { at: at(2 * DAY), type: "content_download", channel: "content", campaignName: "Checklist ebook", assetTitle: "FinOps Checklist" },
      ],
      contentConsumed: [{ title: "FinOps Checklist", at: at(2 * DAY) }],
      convertingCampaign: { id: webinar.id, name: "FinOps Live", channel: "webinar" },
      recommendedNextStep: 'Call within 4 business hours referencing the webinar "Cutting cloud costs live"',
      note: null,
    });

    const rep = Object.values(ws.users).find((u) => u.userId === reps[0])!;
    const inbox = json<{ items: { kind: string; title: string; body: string; link: string; entityId: string }[] }>(await h.as(rep).get("/api/v1/notifications"));
    expect(inbox.items.filter((n) => n.kind === "lead.assigned")).toEqual([
      expect.objectContaining({ title: "New lead: Vera Pike", body: handoff!.context.recommendedNextStep, link: `/contacts/${c.id}`, entityId: c.id }),
    ]);
    const rules = json<{ items: { id: string; lastAssigneeId: string | null }[] }>(await manager.get("/api/v1/routing-rules")).items;
    expect(rules.find((r) => r.id === rr.id)!.lastAssigneeId).toBe(reps[0]);
    const audit = json<{ items: { action: string; entityId: string }[] }>(await manager.get(`/api/v1/audit?entity=contact`)).items;
    expect(audit.filter((a) => a.action === "contact.routed").map((a) => a.entityId)).toEqual([c.id]);

    // The next MQL goes to the next rep in turn, and the rep's handoff list shows each.
    const d = json<Contact>(await admin.post("/api/v1/contacts", { email: "dan@initech.example", firstName: "Dan", accountId: acct.id }));
    expect((await moveToMql(admin, d.id)).ownerId).toBe(reps[1]);
    const forFirst = json<{ items: Handoff[] }>(await manager.get(`/api/v1/handoffs?toUserId=${reps[0]}`)).items;
    expect(forFirst.map((x) => x.contactId)).toEqual([c.id]);
  });

  it("keeps the account owner when the account-owner rule comes first", async () => {
    const { ws, admin, teamId } = await withTeam();
    const manager = h.as(ws.users.manager);
    await manager.post("/api/v1/routing-rules", { kind: "account_owner", name: "Account owner" });
    await manager.post("/api/v1/routing-rules", { kind: "round_robin", name: "RR", teamId });
    const acct = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Owned Inc", ownerId: ws.users.manager.userId }));
    const c = json<Contact>(await admin.post("/api/v1/contacts", { email: "o@owned.example", accountId: acct.id, ownerId: ws.users.manager.userId }));
    expect((await moveToMql(admin, c.id)).ownerId).toBe(ws.users.manager.userId);
    const [handoff] = await handoffsOf(admin, c.id);
    expect(handoff).toMatchObject({ reason: "account_owner", toUserId: ws.users.manager.userId, fromUserId: ws.users.manager.userId, campaignId: null });
    expect(handoff!.context.recommendedNextStep).toBe("Call within 4 business hours to qualify the need");
  });

  it("skips a rep at capacity, and when every rep is at capacity the next rule assigns", async () => {
    const { ws, admin, teamId, reps } = await withTeam();
    const [first, second] = reps as [string, string];
    // One open lead for the first rep, made before any rule exists.
    const busy = json<Contact>(await admin.post("/api/v1/contacts", { email: "busy@x.example", ownerId: first }));
    expect((await moveToMql(admin, busy.id)).ownerId).toBe(first);
    expect(await handoffsOf(admin, busy.id)).toEqual([]);

    const manager = h.as(ws.users.manager);
    await manager.post("/api/v1/routing-rules", { kind: "round_robin", name: "RR capped", teamId, capacity: 1 });
    await manager.post("/api/v1/routing-rules", { kind: "territory", name: "Overflow", assigneeId: ws.users.manager.userId });
    const owners: (string | null)[] = [];
    for (const email of ["a@x.example", "b@x.example"]) {
      const c = json<Contact>(await admin.post("/api/v1/contacts", { email }));
      owners.push((await moveToMql(admin, c.id)).ownerId);
    }
    expect(owners).toEqual([second, ws.users.manager.userId]);
  });
});

describe("manual reassignment", () => {
  it("hands a contact to another rep with a handoff and a notification", async () => {
    const { ws, admin } = await withTeam();
    const c = json<Contact>(await admin.post("/api/v1/contacts", { email: "m@x.example", firstName: "Mo", ownerId: ws.users.sdr.userId }));
    const res = await h.as(ws.users.sdr).post(`/api/v1/contacts/${c.id}/assign`, { ownerId: ws.users.sales.userId, note: "Knows our champion" });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Handoff>(res)).toMatchObject({ reason: "manual", ruleId: null, toUserId: ws.users.sales.userId, toUserName: "Acme sales", fromUserId: ws.users.sdr.userId, context: { note: "Knows our champion" } });
    expect(json<Contact>(await admin.get(`/api/v1/contacts/${c.id}`)).ownerId).toBe(ws.users.sales.userId);
    const inbox = json<{ items: { kind: string; entityId: string }[] }>(await h.as(ws.users.sales).get("/api/v1/notifications")).items;
    expect(inbox.filter((n) => n.kind === "lead.assigned").map((n) => n.entityId)).toEqual([c.id]);

    await admin.post(`/api/v1/contacts/${c.id}/assign`, { ownerId: ws.users.manager.userId });
    const page1 = json<{ items: Handoff[]; nextCursor: string | null }>(await admin.get("/api/v1/handoffs?limit=1"));
    expect(page1.items.map((x) => x.toUserId)).toEqual([ws.users.manager.userId]);
    const page2 = json<{ items: Handoff[]; nextCursor: string | null }>(await admin.get(`/api/v1/handoffs?limit=1&cursor=${page1.nextCursor}`));
    expect(page2).toMatchObject({ items: [expect.objectContaining({ toUserId: ws.users.sales.userId })], nextCursor: null });
  });

  it("names the field of bad input, hides other workspaces' contacts (404) and refuses marketing (403)", async () => {
    const { ws, admin } = await withTeam();
    const other = await h.workspace("Other");
    const c = json<Contact>(await admin.post("/api/v1/contacts", { email: "v@x.example", ownerId: ws.users.sales.userId }));
    const cases: [unknown, string][] = [
      [{ ownerId: ws.users.marketing.userId }, "body.ownerId"],
      [{ ownerId: other.users.sales.userId }, "body.ownerId"],
      [{ ownerId: ws.users.sales.userId }, "body.ownerId"],
      [{ ownerId: "nobody" }, "body.ownerId"],
      [{ ownerId: ws.users.sdr.userId, note: "x".repeat(2001) }, "body.note"],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(`/api/v1/contacts/${c.id}/assign`, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(json<ErrorBody>(res).details.map((d) => d.path)).toContain(field);
    }
    expect((await admin.get("/api/v1/handoffs?toUserId=nobody")).statusCode).toBe(400);

    const theirs = json<Contact>(await h.as(other.users.admin).post("/api/v1/contacts", { email: "t@y.example" }));
    expect((await admin.post(`/api/v1/contacts/${theirs.id}/assign`, { ownerId: ws.users.sdr.userId })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/contacts/${theirs.id}/handoffs`)).statusCode).toBe(404);
    await h.as(other.users.admin).post(`/api/v1/contacts/${theirs.id}/assign`, { ownerId: other.users.sales.userId });
    expect(json<{ items: Handoff[] }>(await admin.get(`/api/v1/handoffs?toUserId=${other.users.sales.userId}`)).items).toEqual([]);

    const denied = await h.as(ws.users.marketing).post(`/api/v1/contacts/${c.id}/assign`, { ownerId: ws.users.sdr.userId });
    expect(denied.statusCode).toBe(403);
    expect(json<Contact>(await admin.get(`/api/v1/contacts/${c.id}`)).ownerId).toBe(ws.users.sales.userId);
  });
});
