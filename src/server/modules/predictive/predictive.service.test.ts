import { describe, expect, it } from "vitest";
import { useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { insertRows, seedPredictiveWorkspace } from "../../../../test/predictive-data.js";
import { newId } from "../../platform/ids.js";
import { ModelMetricsSchema } from "../../../shared/contracts/predictive.js";
import { parsePredictiveModel } from "../../../shared/domain/predictive/index.js";
import { createPredictiveScanRepository } from "./predictive-scan.repository.js";
import type { RequestContext } from "../../platform/actor.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
const DAY = 86_400_000;
const t = (days: number) => new Date(Date.parse(NOW) - days * DAY);

function ctxOf(ws: TestWorkspace, role: "manager" | "sales" = "manager"): RequestContext {
  const u = ws.users[role];
  return { workspaceId: ws.workspaceId, sessionId: null, requestId: "test", actor: { kind: "user", userId: u.userId, name: role, role, tokenId: null, scopes: ["read", "write"] } };
}

async function modelRows(workspaceId: string) {
  const res = await h.tdb.ownerDb.pool.query("select id, version, status, model, metrics, auc, trained_on, trained_by from predictive_models where workspace_id = $1 order by version", [workspaceId]);
  return res.rows as { id: string; version: number; status: string; model: unknown; metrics: unknown; auc: number; trained_on: number; trained_by: string | null }[];
}

async function scoreOf(contactId: string): Promise<number | null> {
  const res = await h.tdb.ownerDb.pool.query("select predictive_score from contacts where id = $1", [contactId]);
  return res.rows[0].predictive_score as number | null;
}

describe("the workspace predictive model", () => {
  it("counts outcomes as documented, trains on them, activates version 1 and scores open contacts", async () => {
    const ws = await h.workspace();
    const seed = await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws.workspaceId, h.clock.now());
    const p = h.modules.predictive.predictive;
    const before = await p.getActiveModel(ctxOf(ws));
    expect(before).toEqual({ model: null, outcomes: { positives: 41, negatives: 40, minPerClass: 30, enough: true } });

    const job = await p.requestTraining(ctxOf(ws), {});
    expect(job).toMatchObject({ kind: "predictive_train", status: "queued", subjectId: ws.workspaceId, requestedBy: ws.users.manager.userId });
    // Asking again while it waits returns the same job.
    expect((await p.requestTraining(ctxOf(ws), {})).id).toBe(job.id);
    const [done] = await h.modules.jobs.jobs.drain(ws.workspaceId);
    expect(done!.status, done!.error ?? "").toBe("succeeded");
    // Open by stage: 2 leads, 8 rejected, and 18 imported contacts still at opportunity beside their closed deals.
    expect(done!).toMatchObject({ progressLabel: "scoring contacts", progressDone: 28, progressTotal: 28 });
    expect(done!.result).toMatchObject({ version: 1, positives: 41, negatives: 40, scored: 28 });

    const [v1] = await modelRows(ws.workspaceId);
    expect(v1).toMatchObject({ version: 1, status: "active", trained_on: 81, trained_by: ws.users.manager.userId });
    const metrics = ModelMetricsSchema.parse(v1!.metrics);
    // 80/20 stratified: round(0.2 × 41) = 8 and round(0.2 × 40) = 8 held out.
    expect(metrics.test).toEqual({ rows: 16, positives: 8 });
    expect(metrics.train).toEqual({ rows: 65, positives: 33 });
    expect(metrics.auc).toBeGreaterThanOrEqual(0.85);
    expect(metrics.brier).toBeLessThan(0.15);
    expect(metrics.calibration).toHaveLength(10);
    expect(metrics.calibration.reduce((n, b) => n + b.count, 0)).toBe(16);
    expect(metrics.topFeatures[0]!.feature).toMatch(/^account\.industry=(software|education)$/);
    const weight = (f: string) => metrics.topFeatures.find((w) => w.feature === f)?.coefficient;
    expect(weight("account.industry=software")).toBeGreaterThan(0.5);
    expect(weight("account.industry=education")).toBeLessThan(-0.5);

    // The leakage guard: meetings after the hand-off and today's "customer" status never reach the model.
    const model = parsePredictiveModel(v1!.model);
    const statusColumn = model.spec.columns.find((c) => c.name === "account.customer_status");
    expect(statusColumn).toEqual({ kind: "categorical", name: "account.customer_status", categories: ["prospect"] });
    const names = model.spec.columns.flatMap((c) => (c.kind === "categorical" ? c.categories.map((k) => `${c.name}=${k}`) : [c.name]));
    expect(model.weights[names.indexOf("touches.sales")]).toBe(0);

    const software = await scoreOf(seed.openSoftwareLeadId);
    const education = await scoreOf(seed.openEducationLeadId);
    expect(software).toBeGreaterThan(0.7);
    expect(education).toBeLessThan(0.3);
    // Closed contacts keep no score from training.
    expect(await scoreOf(seed.rejectedThenWonId)).toBeNull();

    const explained = await p.explainContact(ctxOf(ws, "sales"), seed.openEducationLeadId);
    expect(explained.probability).toBeCloseTo(education!, 12);
    expect(explained.factors[0]).toMatchObject({ feature: "account.industry=education", label: "Industry", value: "education", direction: "down" });
    expect(explained.cutoff).toEqual(h.clock.now());
    expect(explained.logOdds).toBeCloseTo(Math.log(education! / (1 - education!)), 9);
  });

  it("supersedes the active version on retrain and audits the request and the activation", async () => {
    const ws = await h.workspace();
    await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws.workspaceId, h.clock.now());
    const p = h.modules.predictive.predictive;
    await p.requestTraining(ctxOf(ws), {});
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const second = await p.requestTraining(ctxOf(ws), { lambda: 5 });
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const rows = await modelRows(ws.workspaceId);
    expect(rows.map((r) => `${r.version}:${r.status}`)).toEqual(["1:superseded", "2:active"]);
    expect(ModelMetricsSchema.parse(rows[1]!.metrics).lambda).toBe(5);
    const list = await p.listModels(ctxOf(ws, "sales"), { limit: 50 });
    expect(list.items.map((m) => m.version)).toEqual([2, 1]);
    const audit = await h.tdb.ownerDb.pool.query("select action, entity_id, changes from audit_log where workspace_id = $1 and action like 'predictive_model.%' order by at, action", [ws.workspaceId]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(["predictive_model.activated", "predictive_model.activated", "predictive_model.training_requested", "predictive_model.training_requested"]);
    const activation = audit.rows.find((r) => r.action === "predictive_model.activated" && r.changes.version === 2);
    expect(activation).toMatchObject({ entity_id: rows[1]!.id, changes: { version: 2, supersedes: 1, jobId: second.id } });
  });

  it("refuses to train below the minimum, naming both counts", async () => {
    const ws = await h.workspace();
    await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws.workspaceId, h.clock.now(), { won: 29, lost: 50, flip: 2 });
    const p = h.modules.predictive.predictive;
    // 29 seeded winners plus the contact rejected and then won.
    await expect(p.requestTraining(ctxOf(ws), {})).resolves.toMatchObject({ kind: "predictive_train" });
    const ws2 = await h.workspace();
    await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws2.workspaceId, h.clock.now(), { won: 28, lost: 12, flip: 2 });
    await expect(p.requestTraining(ctxOf(ws2), {})).rejects.toMatchObject({
      code: "conflict",
      message: "Not enough closed-loop outcomes to train: 29 won and 12 lost, no-decision, rejected or disqualified contacts; at least 30 of each are needed",
    });
    await expect(p.requestTraining(ctxOf(ws2, "sales"), {})).rejects.toMatchObject({ code: "forbidden" });
    expect(await p.retrainIfDue(ws2.workspaceId)).toBeNull();
  });

  it("retrains on schedule only when the model is older than 7 days", async () => {
    const ws = await h.workspace();
    await seedPredictiveWorkspace(h.tdb.ownerDb.pool, ws.workspaceId, h.clock.now());
    const p = h.modules.predictive.predictive;
    const first = await p.retrainIfDue(ws.workspaceId);
    expect(first).toMatchObject({ kind: "predictive_train", requestedBy: null });
    // One is already waiting.
    expect(await p.retrainIfDue(ws.workspaceId)).toBeNull();
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    expect(await p.retrainIfDue(ws.workspaceId)).toBeNull();
    try {
      h.clock.advance(7 * DAY - 1);
      expect(await p.retrainIfDue(ws.workspaceId)).toBeNull();
      h.clock.advance(1);
      expect(await p.retrainIfDue(ws.workspaceId)).toMatchObject({ kind: "predictive_train" });
      await h.modules.jobs.jobs.drain(ws.workspaceId);
      expect((await modelRows(ws.workspaceId)).map((r) => `${r.version}:${r.status}:${r.trained_by}`)).toEqual(["1:superseded:null", "2:active:null"]);
      const schedule = h.modules.schedules.find((s) => s.name === "tandem-predictive-retrain");
      expect(schedule?.cron).toBe("30 3 * * *");
    } finally {
      h.clock.set(NOW);
    }
  });

  it("counts engagement only before the first hand-off, found in the stamps or the stage history", async () => {
    const ws = await h.workspace();
    const pool = h.tdb.ownerDb.pool;
    const id = newId();
    // Recycled after MQL: the mql stamp was cleared, the transition remembers it.
    await insertRows(pool, "contacts", [{ workspace_id: ws.workspaceId, id, email: "kim@gmail.com", stage: "recycled", stage_entered_at: t(20), recycled_at: t(20), created_at: t(200), updated_at: t(20) }]);
    await insertRows(pool, "stage_transitions", [{ workspace_id: ws.workspaceId, id: newId(), contact_id: id, from_stage: "lead", to_stage: "mql", at: t(40), actor_kind: "automation" }]);
    const touch = (type: string, category: string, days: number) => ({ workspace_id: ws.workspaceId, id: newId(), contact_id: id, type, category, occurred_at: t(days), received_at: t(days) });
    await insertRows(pool, "touchpoints", [touch("page_view", "marketing", 45), touch("form_submit", "marketing", 41), touch("page_view", "marketing", 200), touch("meeting", "sales", 30), touch("call", "sales", 39)]);
    const scan = createPredictiveScanRepository();
    const [c] = await h.tdb.db.inWorkspace(ws.workspaceId, (tx) => scan.loadContacts(tx, ws.workspaceId, [id], h.clock.now(), 90));
    expect(c).toMatchObject({ label: null, decidedAt: t(40), cutoff: t(40), touches: { page_view: 1, form_submit: 1 } });
    expect(await h.tdb.db.inWorkspace(ws.workspaceId, (tx) => scan.countOutcomes(tx, ws.workspaceId))).toEqual({ positives: 0, negatives: 0 });
  });
});
