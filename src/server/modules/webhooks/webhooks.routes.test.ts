import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

// A public address literal: registration needs no DNS, and nothing in these tests sends (no sender runs).
const PUBLIC_URL = "https://93.184.215.14/tandem-hooks";

type Endpoint = { id: string; url: string; events: string[]; enabled: boolean; disabledReason: string | null; secret?: string; pendingCount: number; failedCount: number };
type Delivery = { id: string; eventType: string; status: string; messageId: string; payload: { type: string; timestamp: string; data: Record<string, unknown> }; attemptLog: unknown[] };
type ErrorBody = { error: string; message: string; details: { path: string }[] };

async function setup(events: string[] = []) {
  const ws = await h.workspace();
  const admin = h.as(ws.users.admin);
  const created = await admin.post("/api/v1/webhooks", { url: PUBLIC_URL, events, description: "CRM sync" });
  expect(created.statusCode, created.body).toBe(201);
  return { ws, admin, endpoint: json<Endpoint>(created) };
}

async function deliveries(admin: ReturnType<typeof h.as>, endpointId: string, query = "") {
  const res = await admin.get(`/api/v1/webhooks/${endpointId}/deliveries${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: Delivery[]; nextCursor: string | null }>(res);
}

describe("webhook endpoints API", () => {
  it("registers, lists, changes, rotates and deletes endpoints, showing the secret only on one endpoint, auditing every write", async () => {
    const { admin, endpoint } = await setup(["lead.mql", "deal.won"]);
    expect(endpoint).toMatchObject({ url: PUBLIC_URL, events: ["lead.mql", "deal.won"], enabled: true, disabledReason: null, pendingCount: 0, failedCount: 0 });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const list = json<{ items: Endpoint[] }>(await admin.get("/api/v1/webhooks")).items;
    expect(list.map((e) => e.id)).toEqual([endpoint.id]);
    expect(list[0]).not.toHaveProperty("secret");
    expect(json<Endpoint>(await admin.get(`/api/v1/webhooks/${endpoint.id}`)).secret).toBe(endpoint.secret);

    const patched = await admin.patch(`/api/v1/webhooks/${endpoint.id}`, { events: ["deal.lost", "deal.lost"], description: "" });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<Endpoint>(patched)).toMatchObject({ events: ["deal.lost"], description: null });
    expect(json<Endpoint>(patched)).not.toHaveProperty("secret");

    const rotated = json<Endpoint>(await admin.post(`/api/v1/webhooks/${endpoint.id}/rotate-secret`));
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);

    expect((await admin.delete(`/api/v1/webhooks/${endpoint.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/webhooks/${endpoint.id}`)).statusCode).toBe(404);

    const audit = json<{ items: { action: string; changes: Record<string, unknown> | null }[] }>(await admin.get("/api/v1/audit?entity=webhook_endpoint&limit=50")).items;
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook.created", "webhook.deleted", "webhook.secret_rotated", "webhook.updated"]);
    expect(JSON.stringify(audit)).not.toContain("whsec_");
  });

  it.each([
    ["https://127.0.0.1/hook", "private"],
    ["https://10.1.2.3/hook", "private"],
    ["https://169.254.169.254/latest/meta-data", "private"],
    ["https://[::1]/hook", "private"],
    ["https://[::ffff:192.168.0.1]/hook", "private"],
    // A real name that resolves to loopback (/etc/hosts), not an address literal.
    ["https://localhost:8443/hook", "private"],
    ["http://93.184.215.14/hook", "must use https"],
    ["ftp://93.184.215.14/hook", "http(s)"],
  ])("refuses %s at registration with a 400 naming body.url", async (url, message) => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const res = await admin.post("/api/v1/webhooks", { url });
    expect(res.statusCode, res.body).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error).toBe("validation_failed");
    expect(body.details.map((d) => d.path)).toContain("body.url");
    expect(body.message).toContain("body.url");
    expect(body.message).toContain(message);
    expect(json<{ items: unknown[] }>(await admin.get("/api/v1/webhooks")).items).toEqual([]);
  });

  it("refuses a private URL on change too, leaving the endpoint as it was", async () => {
    const { admin, endpoint } = await setup();
    const res = await admin.patch(`/api/v1/webhooks/${endpoint.id}`, { url: "https://10.0.0.8/x" });
    expect(res.statusCode, res.body).toBe(400);
    expect(json<ErrorBody>(res).details[0]!.path).toBe("body.url");
    expect(json<Endpoint>(await admin.get(`/api/v1/webhooks/${endpoint.id}`)).url).toBe(PUBLIC_URL);
  });

  it("is for admins only, and another workspace's ids are 404", async () => {
    const { ws, admin, endpoint } = await setup();
    const test = json<Delivery>(await admin.post(`/api/v1/webhooks/${endpoint.id}/test`));
    for (const role of ["manager", "marketing", "sales", "sdr"] as const) {
      const member = h.as(ws.users[role]);
      expect((await member.get("/api/v1/webhooks")).statusCode).toBe(403);
      expect((await member.get(`/api/v1/webhooks/${endpoint.id}`)).statusCode).toBe(403);
      expect((await member.post(`/api/v1/webhook-deliveries/${test.id}/replay`)).statusCode).toBe(403);
    }
    const other = h.as((await h.workspace("Other")).users.admin);
    expect((await other.get(`/api/v1/webhooks/${endpoint.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/v1/webhooks/${endpoint.id}`, { enabled: false })).statusCode).toBe(404);
    expect((await other.get(`/api/v1/webhooks/${endpoint.id}/deliveries`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/webhook-deliveries/${test.id}/replay`)).statusCode).toBe(404);
    expect(json<Endpoint>(await admin.get(`/api/v1/webhooks/${endpoint.id}`)).enabled).toBe(true);
  });

  it("queues a test event, pages the delivery log, and disabling fails what was pending", async () => {
    const { admin, endpoint } = await setup(["deal.won"]);
    for (let i = 0; i < 3; i++) {
      const res = await admin.post(`/api/v1/webhooks/${endpoint.id}/test`);
      expect(res.statusCode, res.body).toBe(202);
      expect(json<Delivery>(res)).toMatchObject({ eventType: "webhook.test", status: "pending", attemptLog: [] });
      h.clock.advance(1000);
    }
    const first = await deliveries(admin, endpoint.id, "?limit=2");
    expect(first.items).toHaveLength(2);
    const rest = await deliveries(admin, endpoint.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...first.items, ...rest.items].map((d) => d.messageId)).size).toBe(3);
    expect(json<Endpoint>(await admin.get(`/api/v1/webhooks/${endpoint.id}`)).pendingCount).toBe(3);

    const disabled = json<Endpoint>(await admin.patch(`/api/v1/webhooks/${endpoint.id}`, { enabled: false }));
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "Disabled by Acme Admin", pendingCount: 0, failedCount: 3 });
    expect((await deliveries(admin, endpoint.id, "?status=failed")).items).toHaveLength(3);
    expect((await admin.post(`/api/v1/webhooks/${endpoint.id}/test`)).statusCode).toBe(409);
    expect((await admin.post(`/api/v1/webhook-deliveries/${first.items[0]!.id}/replay`)).statusCode).toBe(409);

    const enabled = json<Endpoint>(await admin.patch(`/api/v1/webhooks/${endpoint.id}`, { enabled: true }));
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
    const replayed = await admin.post(`/api/v1/webhook-deliveries/${first.items[0]!.id}/replay`);
    expect(replayed.statusCode, replayed.body).toBe(202);
    expect(json<Delivery>(replayed)).toMatchObject({ status: "pending", messageId: first.items[0]!.messageId });
  });
});

describe("webhook events from the funnel", () => {
  it("a contact moved to mql queues lead.mql; accept, reject and assign queue theirs; a filter leaves the rest out", async () => {
    const { ws, admin, endpoint } = await setup();
    const filtered = json<Endpoint>(await admin.post("/api/v1/webhooks", { url: `${PUBLIC_URL}/deals-only`, events: ["deal.won"] }));
    const contact = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "pat@hooks.example", firstName: "Pat" }));
    const other = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "sam@hooks.example", firstName: "Sam" }));
    expect((await admin.post(`/api/v1/contacts/${contact.id}/stage`, { stage: "mql" })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/contacts/${other.id}/stage`, { stage: "mql" })).statusCode).toBe(200);
    const assigned = await h.as(ws.users.sdr).post(`/api/v1/contacts/${contact.id}/assign`, { ownerId: ws.users.sales.userId });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect((await h.as(ws.users.sales).post(`/api/v1/contacts/${contact.id}/stage`, { stage: "sal" })).statusCode).toBe(200);
    const rejected = await h.as(ws.users.sales).post(`/api/v1/contacts/${other.id}/stage`, { stage: "rejected", reasonCode: "student", note: "Thesis research" });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const log = (await deliveries(admin, endpoint.id, "?sort=createdAt")).items;
    const types = log.map((d) => d.eventType);
    expect(types.filter((t) => t === "lead.mql")).toHaveLength(2);
    expect(types).toContain("lead.assigned");
    expect(types).toContain("lead.accepted");
    expect(types).toContain("lead.rejected");
    const mql = log.find((d) => d.eventType === "lead.mql" && (d.payload.data.contact as { id: string }).id === contact.id)!;
    expect(mql.payload).toMatchObject({ type: "lead.mql", timestamp: h.clock.now().toISOString(), data: { from: "lead", to: "mql", contact: { id: contact.id, email: "pat@hooks.example", stage: "mql" } } });
    const assign = log.find((d) => d.eventType === "lead.assigned")!;
    expect(assign.payload.data).toMatchObject({ toUserId: ws.users.sales.userId, contact: { id: contact.id, ownerId: ws.users.sales.userId } });
    expect(log.find((d) => d.eventType === "lead.rejected")!.payload.data).toMatchObject({ reasonCode: "student", note: "Thesis research", contact: { id: other.id } });
    expect(log.every((d) => d.status === "pending")).toBe(true);
    expect((await deliveries(admin, filtered.id)).items).toEqual([]);
  });

  it("a deal closed won queues deal.won, one closed lost deal.lost, no decision nothing", async () => {
    const { admin, endpoint } = await setup(["deal.won", "deal.lost"]);
    const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Hooked Corp" }));
    const close = async (name: string, body: Record<string, unknown>) => {
      const deal = json<{ id: string }>(await admin.post("/api/v1/deals", { accountId: account.id, name, amount: 12000 }));
      const res = await admin.post(`/api/v1/deals/${deal.id}/close`, body);
      expect(res.statusCode, res.body).toBe(200);
      return deal.id;
    };
    const won = await close("Won deal", { outcome: "won", reasonCode: "product_fit" });
    const lost = await close("Lost deal", { outcome: "lost", reasonCode: "price", competitor: "Rival" });
    await close("Stalled deal", { outcome: "no_decision", reasonCode: "status_quo" });

    const log = (await deliveries(admin, endpoint.id, "?sort=createdAt")).items;
    expect(log.map((d) => d.eventType)).toEqual(["deal.won", "deal.lost"]);
    expect(log[0]!.payload.data).toMatchObject({ deal: { id: won, name: "Won deal", amount: 12000, outcome: "won" }, reasonCode: "product_fit" });
    expect(log[1]!.payload.data).toMatchObject({ deal: { id: lost, outcome: "lost" }, competitor: "Rival" });
  });
});
