import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import type { Digest } from "../../../shared/contracts/digests.js";
import { digestSummaryLines, lastWeekStart } from "./digests.service.js";

// Monday 2026-03-02 09:00 UTC: "last week" is Mon Feb 23 – Sun Mar 1; the week before is Feb 16 – 22.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
let ws: TestWorkspace;
let other: TestWorkspace;

const q = (text: string, values: unknown[] = []) => h.tdb.ownerDb.pool.query(text, values);

async function contact(workspaceId: string, mqlAt: string | null) {
  const id = randomUUID();
  await q("insert into contacts (workspace_id, id, email, stage, stage_entered_at, mql_at, created_at, updated_at) values ($1, $2, $3, 'mql', now(), $4, now(), now())", [workspaceId, id, `${id}@example.com`, mqlAt]);
  return id;
}

async function transition(workspaceId: string, contactId: string, from: string, to: string, at: string, reason: string | null = null) {
  await q("insert into stage_transitions (workspace_id, id, contact_id, from_stage, to_stage, at, reason_code) values ($1, $2, $3, $4, $5, $6, $7)", [workspaceId, randomUUID(), contactId, from, to, at, reason]);
}

async function breachedTimer(workspaceId: string, contactId: string, ownerId: string, kind: string, breachedAt: string) {
  const policy = await q("select id from sla_policies where workspace_id = $1 and kind = $2 limit 1", [workspaceId, kind]);
  await q(
    `insert into sla_timers (workspace_id, id, policy_id, kind, contact_id, owner_id, started_at, warn_at, due_at, breached_at, state, created_at)
     values ($1, $2, $3, $4, $5, $6, $7::timestamptz - interval '4 hours', $7::timestamptz - interval '1 hour', $7, $7, 'breached', now())`,
    [workspaceId, randomUUID(), policy.rows[0].id, kind, contactId, ownerId, breachedAt],
  );
}

beforeAll(async () => {
  ws = await h.workspace("Digest Co");
  other = await h.workspace("Elsewhere");
  // Last week: 10 MQLs; the week before: 4 → up 150 %. Sales decided 6 of them last week: 2 accepted, 4 rejected
  // (3 × student, 1 × no_budget); the week before 2 accepted and none rejected.
  const last: string[] = [];
  for (let i = 0; i < 10; i++) last.push(await contact(ws.workspaceId, `2026-02-2${3 + (i % 5)}T10:00:00Z`));
  for (let i = 0; i < 4; i++) await contact(ws.workspaceId, "2026-02-17T10:00:00Z");
  // A Sunday-night MQL at 23:59 belongs to last week; Monday 00:00 of this week does not.
  await contact(ws.workspaceId, "2026-03-01T23:59:00Z");
  await contact(ws.workspaceId, "2026-03-02T00:00:00Z");
  await transition(ws.workspaceId, last[0]!, "mql", "sal", "2026-02-24T12:00:00Z");
  await transition(ws.workspaceId, last[1]!, "mql", "sal", "2026-02-25T12:00:00Z");
  for (const [i, reason] of [[2, "student"], [3, "student"], [4, "student"], [5, "no_budget"]] as const) await transition(ws.workspaceId, last[i]!, "mql", "rejected", "2026-02-26T12:00:00Z", reason);
  await transition(ws.workspaceId, last[6]!, "mql", "sal", "2026-02-18T12:00:00Z");
  await transition(ws.workspaceId, last[7]!, "mql", "sal", "2026-02-19T12:00:00Z");
  // SLA: 3 accept breaches of the sales rep and 1 first-touch breach of the SDR last week; 1 the week before.
  for (const i of [0, 1, 2]) await breachedTimer(ws.workspaceId, last[i]!, ws.users.sales.userId, "accept", "2026-02-24T15:00:00Z");
  await breachedTimer(ws.workspaceId, last[3]!, ws.users.sdr.userId, "first_touch", "2026-02-27T15:00:00Z");
  await breachedTimer(ws.workspaceId, last[4]!, ws.users.sales.userId, "accept", "2026-02-20T15:00:00Z");
  // Field insights: 3 last week (votes 1, 4, 0; the 4-vote one first), 1 the week before, 1 on Monday of this week.
  const insight = async (workspaceId: string, by: string, text: string, votes: number, at: string) =>
    q("insert into insights (workspace_id, id, kind, text, submitted_by, votes, created_at, updated_at) values ($1, $2, 'objection', $3, $4, $5, $6, $6)", [workspaceId, randomUUID(), text, by, votes, at]);
  await insight(ws.workspaceId, ws.users.sales.userId, "Asked for per-team pricing", 1, "2026-02-24T10:00:00Z");
  await insight(ws.workspaceId, ws.users.sdr.userId, "A".repeat(130), 4, "2026-02-26T10:00:00Z");
  await insight(ws.workspaceId, ws.users.sales.userId, "Security review takes six weeks", 0, "2026-03-01T23:59:00Z");
  await insight(ws.workspaceId, ws.users.sales.userId, "Week before", 9, "2026-02-20T10:00:00Z");
  await insight(ws.workspaceId, ws.users.sales.userId, "This week", 2, "2026-03-02T08:00:00Z");
  await insight(other.workspaceId, other.users.sales.userId, "Elsewhere", 50, "2026-02-25T10:00:00Z");
  // Content requests: 2 last week (medium, then high: high listed first), 2 the week before (one delivered); 3 still open.
  const request = async (workspaceId: string, by: string, title: string, priority: string, status: string, at: string) =>
    q("insert into content_requests (workspace_id, id, title, priority, status, requested_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7)", [workspaceId, randomUUID(), title, priority, status, by, at]);
  await request(ws.workspaceId, ws.users.sales.userId, "Healthcare case study", "medium", "new", "2026-02-23T09:00:00Z");
  await request(ws.workspaceId, ws.users.sdr.userId, "Stackline comparison", "high", "accepted", "2026-02-25T09:00:00Z");
  await request(ws.workspaceId, ws.users.sales.userId, "ROI one-pager", "low", "in_progress", "2026-02-18T09:00:00Z");
  await request(ws.workspaceId, ws.users.sales.userId, "Security FAQ", "high", "delivered", "2026-02-19T09:00:00Z");
  await request(other.workspaceId, other.users.sales.userId, "Elsewhere", "high", "new", "2026-02-24T09:00:00Z");
  // Another workspace's data never shows.
  await transition(other.workspaceId, await contact(other.workspaceId, "2026-02-24T10:00:00Z"), "mql", "rejected", "2026-02-24T11:00:00Z", "student");
});

describe("weekly digest", () => {
  it("finds last week's Monday from any day of this week", () => {
    expect(lastWeekStart("2026-03-02")).toBe("2026-02-23");
    expect(lastWeekStart("2026-03-08")).toBe("2026-02-23");
    expect(lastWeekStart("2026-03-09")).toBe("2026-03-02");
  });

  it("waits for Monday 07:00 in the workspace's zone, then sends last week's digest once", async () => {
    h.clock.set("2026-03-02T06:30:00Z");
    expect(await h.modules.reports.digests.sendDue(ws.workspaceId)).toBe(false);
    h.clock.set("2026-03-02T07:05:00Z");
    expect(await h.modules.reports.digests.sendDue(ws.workspaceId)).toBe(true);
    expect(await h.modules.reports.digests.sendDue(ws.workspaceId)).toBe(false);
    h.clock.set("2026-03-02T09:00:00Z");
  });

  it("holds the week's numbers beside the week before, breaches, and rejection reasons", async () => {
    const list = json<{ items: { id: string; weekStart: string; recipients: number }[] }>(await h.as(ws.users.sdr).get("/api/v1/digests"));
    expect(list.items.map((d) => d.weekStart)).toEqual(["2026-02-23"]);
    // marketing, sales, sdr, manager — not the admin.
    expect(list.items[0]!.recipients).toBe(4);
    const d = json<Digest>(await h.as(ws.users.marketing).get(`/api/v1/digests/${list.items[0]!.id}`));
    const m = Object.fromEntries(d.content.metrics.map((x) => [x.key, x]));
    // 10 + the Sunday 23:59 MQL = 11 against 4: +175 %.
    expect(m.mqls).toMatchObject({ value: 11, previous: 4, change: 1.75, moved: true });
    expect(m.accepted).toMatchObject({ value: 2, previous: 2, change: 0, moved: false });
    // 4 against 0: moved, no relative change.
    expect(m.rejected).toMatchObject({ value: 4, previous: 0, change: null, moved: true });
    expect(d.content.slaBreaches).toEqual({
      total: 4,
      previous: 1,
      byKind: [{ kind: "accept", label: expect.any(String), count: 3 }, { kind: "first_touch", label: expect.any(String), count: 1 }],
      byRep: [{ repId: ws.users.sales.userId, name: "Digest Co sales", count: 3 }, { repId: ws.users.sdr.userId, name: "Digest Co sdr", count: 1 }],
    });
    expect(d.content.rejectionReasons).toEqual([
      { code: "student", label: "Student or job seeker", count: 3, share: 0.75 },
      { code: "no_budget", label: "No budget", count: 1, share: 0.25 },
    ]);
    expect(d.content.fieldInsights).toMatchObject({ total: 3, previous: 1 });
    expect(d.content.fieldInsights!.items.map((i) => [i.votes, i.submittedByName, i.label])).toEqual([
      [4, "Digest Co sdr", "Objection"],
      [1, "Digest Co sales", "Objection"],
      [0, "Digest Co sales", "Objection"],
    ]);
    expect(d.content.contentRequests).toMatchObject({ total: 2, previous: 2, open: 3 });
    expect(d.content.contentRequests!.items.map((r) => [r.title, r.priority, r.status, r.requestedByName])).toEqual([
      ["Stackline comparison", "high", "accepted", "Digest Co sdr"],
      ["Healthcare case study", "medium", "new", "Digest Co sales"],
    ]);
    const lines = digestSummaryLines(d.content);
    expect(lines[0]).toBe("New MQLs: 11 (up from 4)");
    // The 130-character insight is clipped to 100 characters with an ellipsis.
    expect(lines).toContain(`New field insights: 3 (week before: 1) — most voted: "${"A".repeat(99)}…" (4 votes)`);
    expect(lines).toContain("Content requests from sales: 2 (week before: 2); 3 waiting for marketing");
    expect(lines).toContain("Top rejection reasons: Student or job seeker (3), No budget (1)");
  });

  it("notifies both teams with a link to the digest", async () => {
    const feed = json<{ items: { kind: string; title: string; body: string; link: string }[] }>(await h.as(ws.users.sales).get("/api/v1/notifications"));
    const n = feed.items.find((x) => x.kind === "digest.weekly")!;
    expect(n.title).toBe("Weekly digest: 2026-02-23 to 2026-03-01");
    expect(n.link).toMatch(/^\/reports\/digests\/[0-9a-f-]{36}$/);
    expect(n.body).toContain("SLA breaches: 4 (week before: 1)");
    const adminFeed = json<{ items: { kind: string }[] }>(await h.as(ws.users.admin).get("/api/v1/notifications"));
    expect(adminFeed.items.some((x) => x.kind === "digest.weekly")).toBe(false);
  });

  it("sends a week on demand once, refuses a week not yet over, and keeps managers in charge", async () => {
    const manager = h.as(ws.users.manager);
    const res = await manager.post("/api/v1/digests", { weekStart: "2026-02-16" });
    expect(res.statusCode, res.body).toBe(201);
    // The week of Feb 16: 4 MQLs, against 0 the week before.
    expect(json<Digest>(res).content.metrics.find((x) => x.key === "mqls")).toMatchObject({ value: 4, previous: 0 });
    expect((await manager.post("/api/v1/digests", { weekStart: "2026-02-16" })).statusCode).toBe(409);
    const open = await manager.post("/api/v1/digests", { weekStart: "2026-03-02" });
    expect(open.statusCode).toBe(400);
    expect(json<{ details: { path: string }[] }>(open).details[0]!.path).toBe("body.weekStart");
    expect(json<{ details: { path: string }[] }>(await manager.post("/api/v1/digests", { weekStart: "2026-02-17" })).details[0]!.path).toBe("body.weekStart");
    expect((await h.as(ws.users.sales).post("/api/v1/digests", { weekStart: "2026-02-09" })).statusCode).toBe(403);
    const theirs = json<{ items: { id: string }[] }>(await h.as(ws.users.admin).get("/api/v1/digests")).items[0]!;
    expect((await h.as(other.users.admin).get(`/api/v1/digests/${theirs.id}`)).statusCode).toBe(404);
  });
});
