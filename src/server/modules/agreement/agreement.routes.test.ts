import { describe, expect, it } from "vitest";
import { STARTER_DEFINITION } from "../../../shared/domain/definition-diff.js";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

type Def = { id: string; version: number; status: string; marketingApprovedBy: string | null; salesApprovedBy: string | null };

describe("the lead agreement", () => {
  it("activates a version only when a marketing-side and a different sales-side approver approve it", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const sales = h.as(ws.users.sales);
    const manager = h.as(ws.users.manager);
    const v1 = json<Def>(await mkt.post("/api/v1/lead-definitions", {}));
    expect(v1).toMatchObject({ version: 1, status: "draft" });
    // Approving a draft is refused: it must be proposed first.
    expect((await mkt.post(`/api/v1/lead-definitions/${v1.id}/approve`, { side: "marketing" })).statusCode).toBe(409);
    await mkt.post(`/api/v1/lead-definitions/${v1.id}/propose`);
    const oneSide = json<Def>(await mkt.post(`/api/v1/lead-definitions/${v1.id}/approve`, { side: "marketing" }));
    expect(oneSide.status).toBe("proposed");
    // Marketing cannot approve for sales; the same person cannot approve both sides even as a manager.
    expect((await mkt.post(`/api/v1/lead-definitions/${v1.id}/approve`, { side: "sales" })).statusCode).toBe(403);
    const v2 = json<Def>(await manager.post("/api/v1/lead-definitions", { basedOn: "starter" }));
    await manager.post(`/api/v1/lead-definitions/${v2.id}/propose`);
    await manager.post(`/api/v1/lead-definitions/${v2.id}/approve`, { side: "marketing" });
    const same = await manager.post(`/api/v1/lead-definitions/${v2.id}/approve`, { side: "sales" });
    expect(same.statusCode).toBe(409);
    expect(json(same).message).toBe("The two approvals must come from two different people");
    expect(json<Def>(await manager.get(`/api/v1/lead-definitions/${v2.id}`)).status).toBe("proposed");

    const active = json<Def & { activatedAt: string }>(await sales.post(`/api/v1/lead-definitions/${v1.id}/approve`, { side: "sales" }));
    expect(active.status).toBe("active");
    expect(active.activatedAt).toBeTruthy();

    // The next agreement supersedes it.
    await sales.post(`/api/v1/lead-definitions/${v2.id}/approve`, { side: "sales" });
    const list = json<{ items: Def[] }>(await sales.get("/api/v1/lead-definitions")).items;
    expect(list.map((d) => `${d.version}:${d.status}`)).toEqual(["2:active", "1:superseded"]);
    // An active or superseded version is final.
    expect((await mkt.put(`/api/v1/lead-definitions/${v1.id}`, STARTER_DEFINITION)).statusCode).toBe(409);
  });

  it("resets both approvals when a proposal is edited, and shows what changed", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const v = json<Def>(await mkt.post("/api/v1/lead-definitions", {}));
    await mkt.post(`/api/v1/lead-definitions/${v.id}/propose`);
    const approved = json<Def>(await mkt.post(`/api/v1/lead-definitions/${v.id}/approve`, { side: "marketing" }));
    expect(approved.marketingApprovedBy).toBe(ws.users.marketing.userId);
    const edited = json<Def>(await h.as(ws.users.sales).put(`/api/v1/lead-definitions/${v.id}`, { ...STARTER_DEFINITION, mqlRule: { grades: ["A"], engagementThreshold: 60 } }));
    expect(edited).toMatchObject({ status: "proposed", marketingApprovedBy: null, salesApprovedBy: null });
    const draft2 = json<Def>(await mkt.post("/api/v1/lead-definitions", { basedOn: "starter" }));
    const diff = json<{ from: { version: number }; lines: { area: string; text: string }[] }>(await mkt.get(`/api/v1/lead-definitions/${draft2.id}/diff?against=${v.id}`));
    expect(diff.from.version).toBe(1);
    expect(diff.lines).toEqual([{ kind: "changed", area: "mql", text: "MQL when grade in (A) and engagement ≥ 60  ⟶  grade in (A, B) and engagement ≥ 40" }]);
    const audit = json<{ items: { action: string; changes: { approvalsReset?: boolean } }[] }>(await h.as(ws.users.admin).get(`/api/v1/audit?entityId=${v.id}`));
    expect(audit.items.map((a) => a.action)).toEqual(["lead_definition.edited", "lead_definition.approved", "lead_definition.proposed", "lead_definition.drafted"]);
    expect(audit.items[0]!.changes.approvalsReset).toBe(true);
  });

  it("shows a first version, with nothing active, as every rule added", async () => {
    const ws = await h.workspace();
    const v = json<Def>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", {}));
    const diff = json<{ from: unknown; lines: { kind: string; area: string }[] }>(await h.as(ws.users.marketing).get(`/api/v1/lead-definitions/${v.id}/diff`));
    expect(diff.from).toBeNull();
    expect(diff.lines).toHaveLength(STARTER_DEFINITION.fitRules.length + STARTER_DEFINITION.engagementRules.length);
    expect(new Set(diff.lines.map((l) => l.kind))).toEqual(new Set(["added"]));
  });

  it("refuses rules that do not make sense, naming the field", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const v = json<Def>(await mkt.post("/api/v1/lead-definitions", {}));
    const bad = await mkt.put(`/api/v1/lead-definitions/${v.id}`, { ...STARTER_DEFINITION, gradeThresholds: { A: 10, B: 20, C: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toContain("body.gradeThresholds.A");
    const noValue = await mkt.put(`/api/v1/lead-definitions/${v.id}`, {
      ...STARTER_DEFINITION,
      fitRules: [{ id: "x", label: "X", conditions: [{ field: "account.employees", op: "gte" }], points: 5 }],
    });
    expect(json(noValue).message).toContain("body.fitRules.0.conditions.0.value");
  });
});
