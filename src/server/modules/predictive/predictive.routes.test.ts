import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { seedPredictiveWorkspace } from "../../../../test/predictive-data.js";
import type { ActiveModelResponse, ContactPrediction, PredictiveModelSummary } from "../../../shared/contracts/predictive.js";
import type { Job } from "../../../shared/contracts/jobs.js";

const h = useHarness();

describe("predictive model routes", () => {
  it("trains on request as a job with progress, then serves the metrics, the history and contact explanations", async () => {
    const ws = await h.workspace();
    const seed = await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws.workspaceId, h.clock.now());
    const manager = h.as(ws.users.manager);
    const sales = h.as(ws.users.sales);

    const empty = json<ActiveModelResponse>(await sales.get("/api/v1/predictive/models/active"));
    expect(empty).toEqual({ model: null, outcomes: { positives: 41, negatives: 40, minPerClass: 30, enough: true } });
    const none = json<ContactPrediction>(await h.as(ws.users.sdr).get(`/api/v1/contacts/${seed.openSoftwareLeadId}/predictive`));
    expect(none).toMatchObject({ contactId: seed.openSoftwareLeadId, model: null, probability: null, factors: [] });

    const res = await manager.post("/api/v1/predictive/models", {});
    expect(res.statusCode, res.body).toBe(202);
    const job = json<Job>(res);
    expect(job).toMatchObject({ kind: "predictive_train", status: "queued" });
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const finished = json<Job>(await manager.get(`/api/v1/jobs/${job.id}`));
    expect(finished).toMatchObject({ status: "succeeded", progressLabel: "scoring contacts", result: { version: 1 } });

    const active = json<ActiveModelResponse>(await h.as(ws.users.marketing).get("/api/v1/predictive/models/active"));
    expect(active.model).toMatchObject({ version: 1, status: "active", positives: 41, negatives: 40, trainedOn: 81, jobId: job.id, trainedBy: ws.users.manager.userId });
    expect(active.model!.auc).toBeGreaterThan(0.85);
    expect(active.model!.metrics.calibration).toHaveLength(10);
    expect(active.model!.metrics.topFeatures.map((f) => f.feature).sort()).toEqual(["account.industry=education", "account.industry=software"]);
    // The stored JSON is not part of the response: the allow-list names only what the page shows.
    expect(Object.keys(active.model!)).not.toContain("model");

    // The body may be left out.
    const again = await h.app.inject({ method: "POST", url: "/api/v1/predictive/models", headers: { authorization: `Bearer ${ws.users.manager.token}` } });
    expect(again.statusCode, again.body).toBe(202);
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const list = json<{ items: PredictiveModelSummary[] }>(await sales.get("/api/v1/predictive/models?limit=5"));
    expect(list.items.map((m) => `${m.version}:${m.status}`)).toEqual(["2:active", "1:superseded"]);

    const explained = json<ContactPrediction>(await h.as(ws.users.sdr).get(`/api/v1/contacts/${seed.openSoftwareLeadId}/predictive`));
    expect(explained.model).toMatchObject({ id: list.items[0]!.id, version: 2 });
    expect(explained.probability).toBeGreaterThan(0.6);
    expect(explained.factors[0]).toMatchObject({ feature: "account.industry=software", column: "account.industry", label: "Industry", value: "software", direction: "up" });
    expect(explained.factors[0]!.contribution).toBeGreaterThan(0);
    const contact = json<{ predictiveScore: number }>(await sales.get(`/api/v1/contacts/${seed.openSoftwareLeadId}`));
    expect(contact.predictiveScore).toBeCloseTo(explained.probability!, 12);
  });

  it("explains a contact created after training without writing on read; the next training stores its score", async () => {
    const ws = await h.workspace();
    await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws.workspaceId, h.clock.now());
    const admin = h.as(ws.users.admin);
    await h.as(ws.users.manager).post("/api/v1/predictive/models", {});
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Campus", industry: "education" }));
    const c = json<{ id: string; predictiveScore: number | null }>(await admin.post("/api/v1/contacts", { email: "dean@campus.example", accountId: account.id }));
    expect(c.predictiveScore).toBeNull();
    const explained = json<ContactPrediction>(await admin.get(`/api/v1/contacts/${c.id}/predictive`));
    expect(explained.probability).toBeLessThan(0.4);
    expect(explained.factors[0]).toMatchObject({ value: "education", direction: "down" });
    expect(json<{ predictiveScore: number | null }>(await admin.get(`/api/v1/contacts/${c.id}`)).predictiveScore).toBeNull();
    await h.as(ws.users.manager).post("/api/v1/predictive/models", {});
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const retrained = json<ContactPrediction>(await admin.get(`/api/v1/contacts/${c.id}/predictive`));
    expect(json<{ predictiveScore: number }>(await admin.get(`/api/v1/contacts/${c.id}`)).predictiveScore).toBeCloseTo(retrained.probability!, 12);
  });

  it("refuses below the minimum (409 naming the counts), bad input (400 naming the field), other roles (403) and other workspaces' contacts (404)", async () => {
    const ws = await h.workspace();
    const other = await h.workspace("Other");
    const manager = h.as(ws.users.manager);
    const refused = await manager.post("/api/v1/predictive/models", {});
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ error: "conflict", message: expect.stringContaining("0 won and 0 lost") });

    const bad = await manager.post("/api/v1/predictive/models", { lambda: -1 });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toContain("body.lambda");
    expect(json((await manager.get("/api/v1/predictive/models?limit=0"))).message).toContain("query.limit");
    expect(json(await manager.get("/api/v1/contacts/nope/predictive")).message).toContain("params.id");

    for (const role of ["sales", "marketing", "sdr"] as const) expect((await h.as(ws.users[role]).post("/api/v1/predictive/models", {})).statusCode).toBe(403);
    expect((await h.as(ws.users.sdr).get("/api/v1/predictive/models")).statusCode).toBe(403);
    expect((await h.as(ws.users.sdr).get("/api/v1/predictive/models/active")).statusCode).toBe(403);

    const foreign = json<{ id: string }>(await h.as(other.users.admin).post("/api/v1/contacts", { email: "x@other.example" }));
    const cross = await h.as(ws.users.admin).get(`/api/v1/contacts/${foreign.id}/predictive`);
    expect(cross.statusCode).toBe(404);
    expect(json(cross)).toMatchObject({ error: "not_found", message: "Contact not found" });
  });
});
