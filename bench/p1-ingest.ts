/**
 * P1: batch event ingest through the API (POST /api/v1/touchpoints/batch, 1,000 events per request, bearer token,
 * Idempotency-Key, two requests in flight) against a raw COPY of the same events — already resolved to their
 * contacts and accounts — into the same touchpoints table with its indexes, in the same run. The baseline is rolled
 * back after it is measured so the API stores the same client event ids; both sides must land the same rows
 * (order-independent checksum over client event id, contact, account, type, channel and time).
 */
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { buildApp } from "../src/server/app.js";
import type { Runtime } from "../src/server/runtime.js";
import { newId } from "../src/server/platform/ids.js";
import { touchpointCategory, type TouchpointType } from "../src/shared/domain/touchpoints.js";
import type { BenchResult } from "./p6-contact-read.js";

// A realistic marketing mix (sales activities would need a rep's token; form submissions merge visitors).
const TYPES: [TouchpointType, string][] = [
  ["page_view", "organic_search"],
  ["page_view", "direct"],
  ["email_open", "email"],
  ["email_click", "email"],
  ["page_view", "paid_search"],
  ["content_download", "content"],
  ["email_open", "email"],
  ["webinar_register", "webinar"],
];

const CHECKSUM = `select count(*)::int as n, coalesce(sum(hashtextextended(concat_ws('|', client_event_id, contact_id, account_id, type, channel, extract(epoch from occurred_at)::bigint), 0)), 0)::text as sum
  from touchpoints where workspace_id = $1 and client_event_id like $2`;

/** P1 (see the file comment). `events`: how many (10,000 with --quick, 50,000 otherwise). */
export async function benchIngest(rt: Runtime, workspaceId: string, opts: { events: number }): Promise<{ results: BenchResult[]; wrong: string[] }> {
  const pool = rt.database.ownerDb.pool;
  const wrong: string[] = [];
  const people = (await pool.query<{ id: string; email: string; account_id: string | null }>("select id, email, account_id from contacts where workspace_id = $1 and email is not null order by id limit 20000", [workspaceId])).rows;
  const run = `p1-${Date.now().toString(36)}`;
  const now = rt.clock.now().getTime();
  const events = Array.from({ length: opts.events }, (_, i) => {
    const p = people[(i * 7919) % people.length]!;
    const [type, channel] = TYPES[i % TYPES.length]!;
    return { clientEventId: `${run}-${i}`, email: p.email, contactId: p.id, accountId: p.account_id, type, channel, occurredAt: new Date(now - (opts.events - i) * 1_000).toISOString() };
  });

  // Baseline: the same rows, resolved, through one COPY into touchpoints; measured, checksummed, rolled back.
  const client = await pool.connect();
  let baselineMs: number;
  let baselineSum: { n: number; sum: string };
  try {
    await client.query("begin");
    const received = new Date(now).toISOString();
    const t0 = performance.now();
    const lines = function* () {
      let out = "";
      for (const [i, e] of events.entries()) {
        out += `${workspaceId}\t${newId()}\t${e.contactId}\t${e.accountId ?? "\\N"}\t${e.type}\t${touchpointCategory(e.type)}\t${e.channel}\t${e.occurredAt}\t${received}\t{}\tapi\t${e.clientEventId}\n`;
        if (i % 2_000 === 1_999) {
          yield out;
          out = "";
        }
      }
      if (out) yield out;
    };
    await pipeline(
      Readable.from(lines()),
      client.query(copyFrom("COPY touchpoints (workspace_id, id, contact_id, account_id, type, category, channel, occurred_at, received_at, properties, source, client_event_id) FROM STDIN")),
    );
    baselineMs = performance.now() - t0;
    baselineSum = (await client.query<{ n: number; sum: string }>(CHECKSUM, [workspaceId, `${run}-%`])).rows[0]!;
  } finally {
    await client.query("rollback");
    client.release();
  }

  const admin = (await pool.query<{ user_id: string }>("select user_id from memberships where workspace_id = $1 and role = 'admin' limit 1", [workspaceId])).rows[0]!;
  const token = await rt.modules.identity.tokens.createToken(
    { workspaceId, sessionId: null, requestId: "bench", actor: { kind: "user", userId: admin.user_id, name: "bench", role: "admin", tokenId: null, scopes: ["read", "write"] } },
    { name: "bench-p1", scopes: ["read", "write"] },
  );
  const app = await buildApp({ db: rt.database.db, clock: rt.clock, logLevel: "silent", sessionKey: rt.secrets.sessionKey, publicUrl: "http://bench" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const batches: (typeof events)[] = [];
  for (let i = 0; i < events.length; i += 1_000) batches.push(events.slice(i, i + 1_000));
  const send = async (batch: typeof events, key: string) => {
    const body = JSON.stringify({ events: batch.map((e) => ({ clientEventId: e.clientEventId, email: e.email, type: e.type, channel: e.channel, occurredAt: e.occurredAt })) });
    const res = await fetch(`${base}/api/v1/touchpoints/batch`, { method: "POST", body, headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json", "idempotency-key": key } });
    const out = (await res.json()) as { created?: number; message?: string };
    if (res.status !== 200 || out.created !== batch.length) wrong.push(`P1 batch ${key}: HTTP ${res.status}, created ${out.created ?? 0} of ${batch.length} ${out.message ?? ""}`);
  };
  let apiMs: number;
  try {
    // Warm-up (JIT, pools, caches): a small batch of other events, removed again.
    await send(events.slice(0, 50).map((e) => ({ ...e, clientEventId: `${e.clientEventId}-warm` })), `${run}-warm`);
    await pool.query("delete from touchpoints where workspace_id = $1 and client_event_id like $2", [workspaceId, `${run}-%-warm`]);
    const t0 = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const k = next++;
        await send(batches[k]!, `${run}-b${k}`);
      }
    };
    await Promise.all([worker(), worker()]);
    apiMs = performance.now() - t0;
  } finally {
    await app.close();
  }
  const apiSum = (await pool.query<{ n: number; sum: string }>(CHECKSUM, [workspaceId, `${run}-%`])).rows[0]!;
  if (apiSum.n !== events.length || baselineSum.n !== events.length || apiSum.sum !== baselineSum.sum) {
    wrong.push(`P1 checksum: API ${apiSum.n} rows / ${apiSum.sum}, COPY ${baselineSum.n} rows / ${baselineSum.sum}, expected ${events.length} rows`);
  }
  // Leave the workspace as it was for the next run (the scores the events moved stay).
  await pool.query("delete from touchpoints where workspace_id = $1 and client_event_id like $2", [workspaceId, `${run}-%`]);
  const rate = (ms: number) => events.length / (ms / 1000);
  return {
    wrong,
    results: [
      {
        id: "P1",
        measure: "batch ingest through the API, events/s",
        tandem: rate(apiMs),
        baseline: rate(baselineMs),
        ratio: rate(apiMs) / rate(baselineMs),
        target: 0.5,
        notes: [
          `${events.length.toLocaleString("en-US")} events over ${people.length.toLocaleString("en-US")} contacts: API ${(apiMs / 1000).toFixed(2)} s (${batches.length} requests of ≤1,000, 2 in flight), COPY ${(baselineMs / 1000).toFixed(2)} s`,
          `checksum ${apiSum.sum === baselineSum.sum && apiSum.n === events.length ? "equal" : "DIFFERENT"} (${apiSum.n.toLocaleString("en-US")} rows)`,
          "API path: token, idempotency key stored, validation, suppression check, identity by e-mail, insert, scoring/SLA/deal-facts hooks, audit; baseline: COPY of resolved rows",
        ],
      },
    ],
  };
}
