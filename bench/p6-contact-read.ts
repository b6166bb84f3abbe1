import autocannon from "autocannon";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import type { Runtime } from "../src/server/runtime.js";

export type BenchResult = {
  id: string;
  measure: string;
  tandem: number;
  baseline: number;
  ratio: number;
  target: number;
  /** Times and latencies: the ratio must stay at or below the target; rates: at or above. */
  lowerIsBetter?: boolean;
  notes: string[];
};

type Load = { requests: number; p99: number; errors: number; non2xx: number };

async function load(port: number, paths: string[], headers: Record<string, string>, seconds: number): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 10,
    duration: seconds,
    headers,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return { requests: result.requests.average, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** P6: GET /api/v1/contacts/:id through the real app (token auth, RLS transaction, names, allowed stages) vs a bare point lookup. */
export async function benchContactRead(rt: Runtime, workspaceId: string, opts: { seconds: number }): Promise<BenchResult> {
  const ids = (await rt.database.ownerDb.pool.query<{ id: string }>("select id from contacts where workspace_id = $1 order by random() limit 2000", [workspaceId])).rows.map((r) => r.id);
  const admin = (await rt.database.ownerDb.pool.query<{ user_id: string }>("select user_id from memberships where workspace_id = $1 and role = 'admin' limit 1", [workspaceId])).rows[0]!;
  const token = await rt.modules.identity.tokens.createToken(
    { workspaceId, sessionId: null, requestId: "bench", actor: { kind: "user", userId: admin.user_id, name: "bench", role: "admin", tokenId: null, scopes: ["read", "write"] } },
    { name: "bench", scopes: ["read"] },
  );

  const app = await buildApp({ db: rt.database.db, clock: rt.clock, logLevel: "silent", sessionKey: rt.secrets.sessionKey, publicUrl: "http://bench" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const appPort = (app.server.address() as { port: number }).port;

  // The baseline: the same row over the same kind of connection, no auth, no RLS transaction, no joins.
  const pool = new pg.Pool({ connectionString: rt.database.ownerUrl, max: 10 });
  // A connection PostgreSQL ends while the run shuts down must not crash the process after the results are out.
  pool.on("error", () => {});
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>("/contacts/:id", async (req) => {
    const res = await pool.query("select * from contacts where workspace_id = $1 and id = $2", [workspaceId, req.params.id]);
    return res.rows[0];
  });
  await bare.listen({ port: 0, host: "127.0.0.1" });
  const barePort = (bare.server.address() as { port: number }).port;

  try {
    // Warm both (JIT, pools, caches) before measuring.
    await load(appPort, ids.map((id) => `/api/v1/contacts/${id}`), { authorization: `Bearer ${token.token}` }, 2);
    await load(barePort, ids.map((id) => `/contacts/${id}`), {}, 2);
    const tandem = await load(appPort, ids.map((id) => `/api/v1/contacts/${id}`), { authorization: `Bearer ${token.token}` }, opts.seconds);
    const baseline = await load(barePort, ids.map((id) => `/contacts/${id}`), {}, opts.seconds);
    return {
      id: "P6",
      measure: "contact read API, requests/s (10 connections)",
      tandem: tandem.requests,
      baseline: baseline.requests,
      ratio: tandem.requests / baseline.requests,
      target: 0.7,
      notes: [
        `p99 latency: tandem ${tandem.p99} ms, baseline ${baseline.p99} ms; errors ${tandem.errors}/${baseline.errors}, non-2xx ${tandem.non2xx}/${baseline.non2xx}`,
        "tandem path: bearer token look-up, BEGIN + set_config(app.workspace_id) + row + names + COMMIT under RLS; baseline: one SELECT",
      ],
    };
  } finally {
    await app.close();
    await bare.close();
    await pool.end();
  }
}
