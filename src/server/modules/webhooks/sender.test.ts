import { afterEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { useHarness } from "../../../../test/harness.js";
import { createWebhooksModule } from "./index.js";
import { adminContext, startReceiver, type Reply } from "./test-receiver.js";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./backoff.js";
import type { ResolveHost } from "./ssrf.js";

const h = useHarness();
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
afterEach(async () => {
  while (receivers.length) await receivers.pop()!.close();
});

async function receiver(reply?: (r: { path: string }) => Reply) {
  const r = await startReceiver(reply);
  receivers.push(r);
  return r;
}

/** A module instance that may reach 127.0.0.1 (the allowance only these tests set). */
function looseModule(resolve?: ResolveHost) {
  return createWebhooksModule({ db: h.tdb.db, clock: h.clock, allowPrivateTargets: true, ...(resolve ? { resolve } : {}) });
}

async function setup(url: string, mod = looseModule(), events: ("lead.mql" | "deal.won")[] = []) {
  const ws = await h.workspace();
  const ctx = adminContext(ws.workspaceId, ws.users.admin.userId);
  const endpoint = await mod.endpoints.createEndpoint(ctx, { url, description: null, events, enabled: true });
  const publish = (type: "lead.mql" | "deal.won", data: Record<string, unknown>) => h.tdb.db.inWorkspace(ws.workspaceId, (tx) => mod.publishIn(tx, ws.workspaceId, type, data));
  const log = async () => (await mod.webhooks.listDeliveries(ctx, endpoint.id, { limit: 50, sort: undefined, cursor: undefined, status: undefined })).items;
  return { ws, ctx, mod, endpoint, publish, log };
}

describe("webhook sender", () => {
  it("delivers a signed Standard Webhooks message that an independent implementation verifies, and logs the attempt", async () => {
    const rx = await receiver(() => ({ status: 204 }));
    const { ws, mod, endpoint, publish, log } = await setup(`${rx.url}/hooks?source=tandem`);
    const [deliveryId] = await publish("lead.mql", { contact: { id: "c-1", email: "pat@acme.example" } });
    expect(await mod.sender.sendDue(ws.workspaceId)).toMatchObject({ attempted: 1, nextDueAt: null });

    expect(rx.received).toHaveLength(1);
    const req = rx.received[0]!;
    expect(req).toMatchObject({ method: "POST", path: "/hooks?source=tandem" });
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["webhook-timestamp"]).toBe(String(Math.floor(h.clock.now().getTime() / 1000)));
    expect(req.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(req.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(req.body)).toEqual({ type: "lead.mql", timestamp: h.clock.now().toISOString(), data: { contact: { id: "c-1", email: "pat@acme.example" } } });

    const secret = (await mod.endpoints.getEndpoint(adminContext(ws.workspaceId, ws.users.admin.userId), endpoint.id)).secret;
    // The library checks the timestamp against its own clock: give it the test's.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(h.clock.now());
      const headers = { "webhook-id": String(req.headers["webhook-id"]), "webhook-timestamp": String(req.headers["webhook-timestamp"]), "webhook-signature": String(req.headers["webhook-signature"]) };
      expect(new Webhook(secret).verify(req.body, headers)).toMatchObject({ type: "lead.mql" });
      expect(() => new Webhook(secret).verify(req.body.replace("c-1", "c-2"), headers)).toThrow();
    } finally {
      vi.useRealTimers();
    }

    const [d] = await log();
    expect(d).toMatchObject({ id: deliveryId, status: "succeeded", attempts: 1, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
    expect(d!.deliveredAt).toEqual(h.clock.now());
    expect(d!.attemptLog).toHaveLength(1);
    expect(d!.attemptLog[0]).toMatchObject({ attempt: 1, statusCode: 204, error: null });
    expect(d!.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("retries with exponential backoff on the injected clock, then fails after the last attempt", async () => {
    const rx = await receiver(() => ({ status: 503, body: "down for maintenance" }));
    const { ws, mod, publish, log } = await setup(rx.url);
    await publish("deal.won", { deal: { id: "d-1" } });
    const start = h.clock.now().getTime();
    let elapsed = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const r = await mod.sender.sendDue(ws.workspaceId);
      expect(r.attempted, `attempt ${attempt}`).toBe(1);
      const [d] = await log();
      if (attempt < MAX_ATTEMPTS) {
        const delay = RETRY_DELAYS_MS[attempt - 1]!;
        expect(d).toMatchObject({ status: "pending", attempts: attempt, lastStatusCode: 503, lastError: "HTTP 503" });
        expect(d!.nextAttemptAt!.getTime() - start - elapsed).toBe(delay);
        // Not due a millisecond early.
        h.clock.advance(delay - 1);
        expect((await mod.sender.sendDue(ws.workspaceId)).attempted).toBe(0);
        h.clock.advance(1);
        elapsed += delay;
      } else {
        expect(d).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
        expect(d!.attemptLog.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(d!.attemptLog[0]!.responseSnippet).toBe("down for maintenance");
      }
    }
    expect(rx.received).toHaveLength(MAX_ATTEMPTS);
    // The same message every time: one webhook-id, re-signed per attempt.
    expect(new Set(rx.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBe(elapsed);
  });

  it("disables the endpoint on 410 Gone and fails its other pending deliveries", async () => {
    const rx = await receiver(() => ({ status: 410 }));
    const { ws, ctx, mod, endpoint, publish, log } = await setup(rx.url);
    await publish("lead.mql", { n: 1 });
    await mod.sender.sendDue(ws.workspaceId);
    h.clock.advance(1000);
    await publish("lead.mql", { n: 2 }); // queued after the 410: never sent
    const e = await mod.endpoints.getEndpoint(ctx, endpoint.id);
    expect(e).toMatchObject({ enabled: false, disabledReason: "The endpoint answered 410 Gone" });
    const deliveries = await log();
    expect(deliveries.map((d) => d.status)).toEqual(["failed"]);
    expect(rx.received).toHaveLength(1);
    // A disabled endpoint gets no new deliveries and no replays.
    await expect(mod.webhooks.replay(ctx, deliveries[0]!.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("a 410 also fails deliveries that were waiting for a retry", async () => {
    let calls = 0;
    const rx = await receiver(() => (++calls === 1 ? { status: 500 } : { status: 410 }));
    const { ws, mod, publish, log } = await setup(rx.url);
    const [first] = await publish("lead.mql", { n: 1 });
    await mod.sender.sendDue(ws.workspaceId); // 500: retry in 5 s
    const [second] = await publish("lead.mql", { n: 2 });
    await mod.sender.sendDue(ws.workspaceId); // only the second is due: 410
    const byId = new Map((await log()).map((d) => [d.id, d]));
    expect(byId.get(second!)).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 410 });
    expect(byId.get(first!)).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null, lastError: "endpoint disabled after 410 Gone" });
    h.clock.advance(60_000);
    expect((await mod.sender.sendDue(ws.workspaceId)).attempted).toBe(0);
    expect(rx.received).toHaveLength(2);
  });

  it("replays a delivery with the same webhook-id", async () => {
    const rx = await receiver(() => ({ status: 200, body: "thanks" }));
    const { ws, ctx, mod, publish, log } = await setup(rx.url);
    const [id] = await publish("deal.won", { deal: { id: "d-9" } });
    await mod.sender.sendDue(ws.workspaceId);
    h.clock.advance(60_000);
    const queued = await mod.webhooks.replay(ctx, id!);
    expect(queued).toMatchObject({ status: "pending", attempts: 1 });
    await mod.sender.sendDue(ws.workspaceId);
    expect(rx.received).toHaveLength(2);
    expect(rx.received[1]!.headers["webhook-id"]).toBe(rx.received[0]!.headers["webhook-id"]);
    expect(rx.received[1]!.body).toBe(rx.received[0]!.body);
    // A fresh timestamp and so a fresh signature.
    expect(Number(rx.received[1]!.headers["webhook-timestamp"]) - Number(rx.received[0]!.headers["webhook-timestamp"])).toBe(60);
    const [d] = await log();
    expect(d).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(d!.attemptLog.map((a) => a.statusCode)).toEqual([200, 200]);
  });

  it("does not follow redirects: a 3xx is a failed attempt and the Location is never requested", async () => {
    const rx = await receiver((r) => (r.path === "/moved" ? { status: 200 } : { status: 302, headers: { location: "/moved" } }));
    const { ws, mod, publish, log } = await setup(`${rx.url}/hook`);
    await publish("lead.mql", {});
    await mod.sender.sendDue(ws.workspaceId);
    expect(rx.received.map((r) => r.path)).toEqual(["/hook"]);
    const [d] = await log();
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 302, lastError: "redirect to /moved not followed" });
  });

  it("two senders running at once deliver each message exactly once", async () => {
    const rx = await receiver(() => ({ status: 200 }));
    const { ws, publish, log, mod } = await setup(rx.url);
    for (let i = 0; i < 30; i++) await publish("lead.mql", { n: i });
    const other = looseModule();
    const [a, b] = await Promise.all([mod.sender.sendDue(ws.workspaceId), other.sender.sendDue(ws.workspaceId)]);
    expect(a.attempted + b.attempted).toBe(30);
    expect(rx.received).toHaveLength(30);
    expect(new Set(rx.received.map((r) => r.headers["webhook-id"])).size).toBe(30);
    const deliveries = await log();
    expect(deliveries.every((d) => d.status === "succeeded" && d.attempts === 1 && d.attemptLog.length === 1)).toBe(true);
  });

  it("checks the target again at send time: a private address is refused without a request", async () => {
    const rx = await receiver();
    const { ws, publish, log } = await setup(rx.url);
    const strict = createWebhooksModule({ db: h.tdb.db, clock: h.clock });
    await publish("lead.mql", {});
    await strict.sender.sendDue(ws.workspaceId);
    expect(rx.received).toHaveLength(0);
    const [d] = await log();
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(d!.lastError).toMatch(/^refused: url must use https/);
  });

  it("re-resolves at send time, so a name rebound to a private address is refused", async () => {
    let answer = "93.184.215.14";
    const resolve: ResolveHost = async () => [{ address: answer, family: 4 }];
    const strict = createWebhooksModule({ db: h.tdb.db, clock: h.clock, resolve, post: async () => ({ statusCode: 200, error: null, snippet: null, durationMs: 1 }) });
    const { ws, publish, log } = await setup("https://hooks.rebind.test/in", strict);
    answer = "10.0.0.5";
    await publish("lead.mql", {});
    await strict.sender.sendDue(ws.workspaceId);
    const [d] = await log();
    expect(d!.lastError).toBe("refused: url resolves to a private or reserved address (10.0.0.5); webhooks go to public addresses only");
  });

  it("connects to the address it checked, keeping the URL's host name", async () => {
    const rx = await receiver();
    const resolve: ResolveHost = async (host) => (host === "receiver.test" ? [{ address: "127.0.0.1", family: 4 }] : []);
    const mod = looseModule(resolve);
    const { ws, publish, log } = await setup(`http://receiver.test:${rx.port}/pinned`, mod);
    await publish("lead.mql", {});
    await mod.sender.sendDue(ws.workspaceId);
    expect(rx.received.map((r) => [r.path, r.headers.host])).toEqual([["/pinned", `receiver.test:${rx.port}`]]);
    expect((await log())[0]).toMatchObject({ status: "succeeded" });
  });

  it("never queues or sends a change that rolled back", async () => {
    const rx = await receiver();
    const { ws, mod, log } = await setup(rx.url);
    await expect(
      h.tdb.db.inWorkspace(ws.workspaceId, async (tx) => {
        await mod.publishIn(tx, ws.workspaceId, "lead.mql", {});
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await mod.sender.sendDue(ws.workspaceId);
    expect(await log()).toEqual([]);
    expect(rx.received).toHaveLength(0);
  });
});
