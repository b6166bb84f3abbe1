import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import type { Review, ReviewAction } from "../../../shared/contracts/reviews.js";
import type { Job } from "../../../shared/contracts/jobs.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });
let ws: TestWorkspace;
let accountId: string;

async function closedDeal(name: string, amount: number, at: string, close: { outcome: string; reasonCode: string; competitor?: string }) {
  const manager = h.as(ws.users.manager);
  h.clock.set(at);
  const deal = json<{ id: string }>(await manager.post("/api/v1/deals", { accountId, name, amount }));
  const res = await manager.post(`/api/v1/deals/${deal.id}/close`, close);
  expect(res.statusCode, res.body).toBe(200);
}

/** Runs the queued review job `jobId` and returns the review it generated, as the API shows it. */
async function generated(jobId: string): Promise<Review> {
  await h.modules.jobs.jobs.drain(ws.workspaceId);
  const job = json<Job>(await h.as(ws.users.sdr).get(`/api/v1/jobs/${jobId}`));
  expect(job.status, job.error ?? "").toBe("succeeded");
  // Every section and the outcomes are one step each: ten steps, all done.
  expect([job.progressDone, job.progressTotal]).toEqual([10, 10]);
  return json<Review>(await h.as(ws.users.sdr).get(`/api/v1/reviews/${String(job.result!.reviewId)}`));
}

beforeAll(async () => {
  ws = await h.workspace("Review Co");
  accountId = json<{ id: string }>(await h.as(ws.users.admin).post("/api/v1/accounts", { name: "Globex" })).id;
  // 2025-Q4 (UTC workspace): 3 lost (2 price, 1 competitor with Rivalry), 1 no decision, 1 won; one lost deal in Q3 does not count.
  await closedDeal("Q4 lost A", 10_000, "2025-10-05T10:00:00Z", { outcome: "lost", reasonCode: "price" });
  await closedDeal("Q4 lost B", 20_000, "2025-11-05T10:00:00Z", { outcome: "lost", reasonCode: "price" });
  await closedDeal("Q4 lost C <script>", 30_000, "2025-12-31T23:30:00Z", { outcome: "lost", reasonCode: "competitor", competitor: "Rivalry <b>Inc</b>" });
  await closedDeal("Q4 stalled", 5_000, "2025-12-01T10:00:00Z", { outcome: "no_decision", reasonCode: "status_quo" });
  await closedDeal("Q4 won", 40_000, "2025-11-20T10:00:00Z", { outcome: "won", reasonCode: "product_fit", competitor: "Rivalry <b>Inc</b>" });
  await closedDeal("Q3 lost", 99_000, "2025-09-30T23:59:00Z", { outcome: "lost", reasonCode: "price" });
  h.clock.set("2026-03-02T09:00:00Z");
});

describe("quarterly joint review", () => {
  let q4: Review;

  it("generates a quarter's review with the deals closed in it, reasons ranked and shares per outcome", async () => {
    const res = await h.as(ws.users.manager).post("/api/v1/reviews", { quarter: "2025-Q4" });
    expect(res.statusCode, res.body).toBe(202);
    expect(json<Job>(res)).toMatchObject({ kind: "review_generate", status: "queued", params: { quarter: "2025-Q4" } });
    q4 = await generated(json<Job>(res).id);
    expect(q4.title).toBe("Joint review 2025 Q4");
    expect(q4.createdByName).toBe("Review Co manager");
    expect(q4.snapshot.period).toEqual({ from: "2025-10-01", to: "2025-12-31", timezone: "UTC" });
    expect(q4.snapshot.previousPeriod).toMatchObject({ from: "2025-07-01", to: "2025-09-30" });
    const o = q4.snapshot.outcomeReasons;
    // The Q3 loss (Sep 30 23:59) stays out; the Dec 31 23:30 loss is in.
    expect(o.closed).toEqual({ won: 1, lost: 3, noDecision: 1 });
    const lost = o.reasons.filter((r) => r.outcome === "lost");
    // price 2 of 3 lost deals → 0.667, first; competitor 1 of 3.
    expect(lost.map((r) => [r.code, r.label, r.deals, r.amount, Number(r.share.toFixed(3))])).toEqual([
      ["price", "Price", 2, 30_000, 0.667],
      ["competitor", "Lost to a competitor", 1, 30_000, 0.333],
    ]);
    expect(o.competitors).toEqual([{ competitor: "Rivalry <b>Inc</b>", won: 1, lost: 1, noDecision: 0, lostAmount: 30_000 }]);
    // The report sections run for the quarter and the one before: 1 won of 5 closed in Q4; in Q3 0 of 1.
    const kpis = q4.snapshot.sections.kpis as { current: { overall: { revenue: number; winRate: number } }; previous: { overall: { revenue: number; winRate: number } } };
    expect(kpis.current.overall).toMatchObject({ revenue: 40_000, winRate: 0.2 });
    expect(kpis.previous.overall).toMatchObject({ revenue: 0, winRate: 0 });
    expect(Object.keys(q4.snapshot.sections).sort()).toEqual(["acceptance", "alignment-health", "attribution", "funnel", "kpis", "lead-quality", "persona-drift", "revenue-by-channel", "sla-attainment"]);
  });

  it("refuses a second review of the same quarter, a quarter not yet started, and non-managers", async () => {
    expect((await h.as(ws.users.manager).post("/api/v1/reviews", { quarter: "2025-Q4" })).statusCode).toBe(409);
    // A quarter whose review is still being generated is refused too, until its job has run.
    expect((await h.as(ws.users.manager).post("/api/v1/reviews", { quarter: "2025-Q3" })).statusCode).toBe(202);
    expect((await h.as(ws.users.manager).post("/api/v1/reviews", { quarter: "2025-Q3" })).statusCode).toBe(409);
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const future = await h.as(ws.users.manager).post("/api/v1/reviews", { quarter: "2026-Q2" });
    expect(future.statusCode).toBe(400);
    expect(json<{ details: { path: string }[] }>(future).details[0]!.path).toBe("body.quarter");
    expect((await h.as(ws.users.sales).post("/api/v1/reviews", { quarter: "2026-Q1" })).statusCode).toBe(403);
    expect(json<{ items: unknown[] }>(await h.as(ws.users.sdr).get("/api/v1/reviews")).items).toHaveLength(2);
  });

  it("records actions with owners and due dates, carries the open ones into the next quarter's review", async () => {
    const manager = h.as(ws.users.manager);
    const add = (title: string, owner: string, dueOn: string) => manager.post(`/api/v1/reviews/${q4.id}/actions`, { title, ownerId: owner, dueOn });
    const a = json<ReviewAction>(await add("Price-objection battlecard", ws.users.marketing.userId, "2026-01-31"));
    const b = json<ReviewAction>(await add("Win/loss interviews on every loss over 20k", ws.users.sales.userId, "2026-04-30"));
    expect(a).toMatchObject({ agreedIn: "2025-Q4", ownerName: "Review Co marketing", status: "open", overdue: true });
    expect(b.overdue).toBe(false);
    // The owner records the outcome of their own action; they may not move its due date.
    expect((await h.as(ws.users.marketing).patch(`/api/v1/review-actions/${a.id}`, { dueOn: "2026-06-30" })).statusCode).toBe(403);
    const done = await h.as(ws.users.marketing).patch(`/api/v1/review-actions/${a.id}`, { status: "done", outcome: "Published Feb 10" });
    expect(json<ReviewAction>(done)).toMatchObject({ status: "done", outcome: "Published Feb 10", overdue: false });
    // An owner outside the workspace is refused naming the field.
    const stranger = await manager.post(`/api/v1/reviews/${q4.id}/actions`, { title: "x", ownerId: "0190f0a0-0000-7000-8000-000000000000", dueOn: "2026-04-30" });
    expect(json<{ details: { path: string }[] }>(stranger).details[0]!.path).toBe("body.ownerId");

    const q1 = await generated(json<Job>(await manager.post("/api/v1/reviews", { quarter: "2026-Q1" })).id);
    // Only b is still open: a was closed before the Q1 review was generated.
    expect(q1.carriedActions.map((x) => x.title)).toEqual(["Win/loss interviews on every loss over 20k"]);
    expect(q1.agreedActions).toEqual([]);
    const open = json<{ items: ReviewAction[] }>(await h.as(ws.users.sdr).get("/api/v1/review-actions?status=open"));
    expect(open.items.map((x) => x.id)).toEqual([b.id]);
    // The list counts each review's actions: Q4 agreed two, one still open; Q1 and Q3 none.
    const list = json<{ items: { quarter: string; actions: number; openActions: number }[] }>(await h.as(ws.users.sdr).get("/api/v1/reviews"));
    expect(list.items.map((r) => [r.quarter, r.actions, r.openActions])).toEqual([["2026-Q1", 0, 0], ["2025-Q4", 2, 1], ["2025-Q3", 0, 0]]);
    // Q4 itself lists both actions it agreed.
    expect(json<Review>(await h.as(ws.users.sales).get(`/api/v1/reviews/${q4.id}`)).agreedActions.map((x) => x.status)).toEqual(["done", "open"]);
  });

  it("freezes a final review: no regeneration, no new notes", async () => {
    const manager = h.as(ws.users.manager);
    expect((await manager.patch(`/api/v1/reviews/${q4.id}`, { notes: "Price objections: battlecard by January. <script>alert(1)</script>" })).statusCode).toBe(200);
    const refresh = await manager.post(`/api/v1/reviews/${q4.id}/regenerate`);
    expect(refresh.statusCode, refresh.body).toBe(202);
    expect((await manager.post(`/api/v1/reviews/${q4.id}/regenerate`)).statusCode).toBe(409);
    h.clock.set("2026-03-02T10:00:00Z");
    const refreshed = await generated(json<Job>(refresh).id);
    expect(refreshed).toMatchObject({ id: q4.id, status: "draft", notes: expect.stringContaining("Price objections") });
    expect(new Date(refreshed.generatedAt).toISOString()).toBe("2026-03-02T10:00:00.000Z");
    expect(json<Review>(await manager.patch(`/api/v1/reviews/${q4.id}`, { status: "final" })).status).toBe("final");
    expect((await manager.post(`/api/v1/reviews/${q4.id}/regenerate`)).statusCode).toBe(409);
    expect((await manager.patch(`/api/v1/reviews/${q4.id}`, { notes: "rewritten" })).statusCode).toBe(409);
  });

  it("exports a self-contained HTML page with every stored string escaped, and a PDF print of it", async () => {
    const html = await h.as(ws.users.sdr).get(`/api/v1/reviews/${q4.id}/export?format=html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.headers["content-disposition"]).toBe('attachment; filename="tandem-review-2025-Q4.html"');
    expect(html.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(html.body).toContain("Rivalry &lt;b&gt;Inc&lt;/b&gt;");
    expect(html.body).not.toContain("<b>Inc</b>");
    // The notes are rendered: their script tag arrives as text.
    expect(html.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.body).not.toMatch(/<script/i);
    expect(html.body).toContain("Price-objection battlecard");
    expect(html.body).toContain("Price objections: battlecard by January.");
    expect(html.body).toMatch(/Revenue won<\/span><b>\$40,000<\/b><span class="muted">previous quarter \$0/);
    expect(html.body).toContain("Alignment health");
    const pdf = await h.as(ws.users.sdr).get(`/api/v1/reviews/${q4.id}/export?format=pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.rawPayload.length).toBeGreaterThan(5_000);
  }, 60_000);
});
