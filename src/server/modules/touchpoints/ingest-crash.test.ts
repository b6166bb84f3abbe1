import { describe, expect, it } from "vitest";
import { createInterface } from "node:readline";
import type { ChildProcess } from "node:child_process";
import { useHarness } from "../../../../test/harness.js";
import { spawnTsChild } from "../../../../test/child.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
const BATCHES = 10;
const PER_BATCH = 400;

type Result = { created: number; duplicates: number; items: { id: string | null }[] };

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawnTsChild("test/ingest-server-child.ts", { CHILD_DB_URL: h.tdb.appUrl, CHILD_AT: NOW });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<string>((resolve, reject) => {
    lines.on("line", (l) => l.startsWith("port ") && resolve(l.slice(5)));
    child.on("exit", (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

const batch = (b: number) => ({ events: Array.from({ length: PER_BATCH }, (_, i) => ({ clientEventId: `crash-${b}-${i}`, type: "page_view", email: `p${(b * PER_BATCH + i) % 600}@crash.example`, occurredAt: NOW })) });

describe("ingest survives kill -9", () => {
  it("a server killed mid-ingest and a retry of every batch with its key end with every event stored exactly once", async () => {
    const ws = await h.workspace();
    const send = (base: string, b: number) =>
      fetch(`${base}/api/v1/touchpoints/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${ws.users.marketing.token}`, "content-type": "application/json", "idempotency-key": `crash-batch-${b}` },
        body: JSON.stringify(batch(b)),
      });

    const first = await startServer();
    const acked = new Map<number, Result>();
    const exited = new Promise<void>((resolve) => first.child.on("exit", () => resolve()));
    // Four clients in parallel; the server is killed as soon as the first acknowledgement arrives.
    let next = 0;
    const client = async () => {
      while (next < BATCHES) {
        const b = next++;
        try {
          const res = await send(first.base, b);
          if (res.status === 200) acked.set(b, (await res.json()) as Result);
          if (!first.child.killed) first.child.kill("SIGKILL");
        } catch {
          return; // connection reset: the server is gone
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    await exited;
    expect(acked.size).toBeGreaterThan(0);
    expect(acked.size).toBeLessThan(BATCHES);
    // Everything acknowledged is there, whatever the kill interrupted.
    const ackedIds = [...acked.values()].flatMap((r) => r.items.map((i) => i.id!));
    const present = await h.tdb.ownerDb.pool.query("select count(*)::int as n from touchpoints where workspace_id = $1 and id = any($2::uuid[])", [ws.workspaceId, ackedIds]);
    expect(present.rows[0].n).toBe(ackedIds.length);

    const second = await startServer();
    try {
      for (let b = 0; b < BATCHES; b++) {
        const res = await send(second.base, b);
        expect(res.status).toBe(200);
        const body = (await res.json()) as Result;
        if (acked.has(b)) {
          expect(res.headers.get("idempotent-replayed")).toBe("true");
          expect(body).toEqual(acked.get(b));
        } else expect(body.created + body.duplicates).toBe(PER_BATCH);
      }
    } finally {
      second.child.kill("SIGKILL");
    }
    const stored = await h.tdb.ownerDb.pool.query("select count(*)::int as n, count(distinct client_event_id)::int as d from touchpoints where workspace_id = $1", [ws.workspaceId]);
    expect(stored.rows[0]).toEqual({ n: BATCHES * PER_BATCH, d: BATCHES * PER_BATCH });
    // 600 distinct e-mails across the batches: each became one contact, once.
    const people = await h.tdb.ownerDb.pool.query("select count(*)::int as n from contacts where workspace_id = $1", [ws.workspaceId]);
    expect(people.rows[0].n).toBe(600);
  }, 120_000);
});
