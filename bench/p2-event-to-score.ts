import autocannon from "autocannon";
import { buildApp } from "../src/server/app.js";
import type { Runtime } from "../src/server/runtime.js";
import type { BenchResult } from "./p6-contact-read.js";

const TYPES = ["page_view", "email_click", "form_submit", "content_download", "webinar_attend", "email_open"] as const;

/**
 * P2: touchpoints posted through the API at a fixed offered rate; each response comes after the transaction that
 * appended the touch, updated the contact's engagement and fit, moved it to MQL (with routing) when it crossed the
 * rule — so a response's latency is the event-to-visible time.
 */
export async function benchEventToScore(rt: Runtime, workspaceId: string, opts: { seconds: number; rate: number }): Promise<BenchResult[]> {
  const ids = (await rt.database.ownerDb.pool.query<{ id: string }>("select id from contacts where workspace_id = $1 and stage in ('lead', 'subscriber', 'recycled') order by id limit 5000", [workspaceId])).rows.map((r) => r.id);
  const admin = (await rt.database.ownerDb.pool.query<{ user_id: string }>("select user_id from memberships where workspace_id = $1 and role = 'admin' limit 1", [workspaceId])).rows[0]!;
  const token = await rt.modules.identity.tokens.createToken(
    { workspaceId, sessionId: null, requestId: "bench", actor: { kind: "user", userId: admin.user_id, name: "bench", role: "admin", tokenId: null, scopes: ["read", "write"] } },
    { name: "bench-p2", scopes: ["read", "write"] },
  );
  const mqlBefore = (await rt.database.ownerDb.pool.query<{ n: number }>("select count(*)::int n from contacts where workspace_id = $1 and stage = 'mql'", [workspaceId])).rows[0]!.n;
  const startedAt = new Date();
  const app = await buildApp({ db: rt.database.db, clock: rt.clock, logLevel: "silent", sessionKey: rt.secrets.sessionKey, publicUrl: "http://bench" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  let i = 0;
  const run = (seconds: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 64,
      overallRate: opts.rate,
      duration: seconds,
      headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json" },
      requests: [
        {
          method: "POST",
          path: "/api/v1/touchpoints",
          setupRequest: (req) => {
            const n = i++;
            return { ...req, body: JSON.stringify({ contactId: ids[n % ids.length], type: TYPES[n % TYPES.length], channel: "direct" }) };
          },
        },
      ],
    });
  try {
    await run(2);
    const r = await run(opts.seconds);
    const achieved = r.requests.average;
    const mqlAfter = (await rt.database.ownerDb.pool.query<{ n: number }>("select count(*)::int n from contacts where workspace_id = $1 and stage = 'mql'", [workspaceId])).rows[0]!.n;
    // Each lead that crossed into MQL during the runs got its accept timer in the same transaction.
    const crossed = await rt.database.ownerDb.pool.query<{ mqls: number; timers: number }>(
      `select count(*)::int mqls, count(t.id)::int timers from stage_transitions st
       left join sla_timers t on t.workspace_id = st.workspace_id and t.contact_id = st.contact_id and t.kind = 'accept' and t.started_at = st.at
       where st.workspace_id = $1 and st.to_stage = 'mql' and st.at >= $2`,
      [workspaceId, startedAt],
    );
    const { mqls, timers } = crossed.rows[0]!;
    if (timers !== mqls) throw new Error(`P2: ${mqls} leads became MQLs but ${timers} accept timers started with them`);
    const note = `offered ${opts.rate}/s for ${opts.seconds} s over 64 connections; achieved ${achieved.toFixed(0)}/s; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; errors ${r.errors}, non-2xx ${r.non2xx}; ${mqlAfter - mqlBefore} leads crossed into MQL, each with its SLA timer started in the same transaction (${timers}/${mqls})`;
    return [
      { id: "P2", measure: "event → score/stage/SLA timer visible, p99 ms", tandem: r.latency.p99, baseline: 1000, ratio: r.latency.p99 / 1000, target: 1, lowerIsBetter: true, notes: [note] },
      { id: "P2", measure: "events/s sustained (single-event API)", tandem: achieved, baseline: opts.rate, ratio: achieved / opts.rate, target: 0.98, notes: ["the batch ingest endpoint (issue 6) is the path built for this rate"] },
    ];
  } finally {
    await app.close();
  }
}
