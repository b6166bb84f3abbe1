import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

type Rule = { id: string; position: number; name: string; kind: string; assigneeId: string | null; assigneeName: string | null; teamId: string | null; teamName: string | null; capacity: number | null; enabled: boolean; conditions: unknown[] };
type ErrorBody = { error: string; message: string; details: { path: string }[] };

const EMEA = [{ field: "account.region", op: "in", value: ["EMEA"] }];

async function setup() {
  const ws = await h.workspace();
  const admin = h.as(ws.users.admin);
  const team = json<{ id: string }>(await admin.post("/api/v1/teams", { name: "AE East" }));
  return { ws, admin, manager: h.as(ws.users.manager), sales: h.as(ws.users.sales), teamId: team.id };
}

describe("routing rules", () => {
  it("creates rules at the end of the order, lists them in order, changes, reorders and deletes them, auditing each write", async () => {
    const { ws, manager, sales, teamId } = await setup();
    const owner = await manager.post("/api/v1/routing-rules", { kind: "account_owner", name: "Account owner first" });
    expect(owner.statusCode, owner.body).toBe(201);
    const territory = json<Rule>(await manager.post("/api/v1/routing-rules", { kind: "territory", name: "EMEA", conditions: EMEA, assigneeId: ws.users.sales.userId, teamId }));
    expect(territory).toMatchObject({ position: 1, kind: "territory", assigneeId: ws.users.sales.userId, assigneeName: "Acme sales", teamId: null, capacity: null, enabled: true, conditions: EMEA });
    const rr = json<Rule>(await manager.post("/api/v1/routing-rules", { kind: "round_robin", name: "East round-robin", teamId, capacity: 25, assigneeId: ws.users.sdr.userId }));
    expect(rr).toMatchObject({ position: 2, teamId, teamName: "AE East", capacity: 25, assigneeId: null });

    // Everyone may read the rules.
    const list = json<{ items: Rule[] }>(await sales.get("/api/v1/routing-rules")).items;
    expect(list.map((r) => r.name)).toEqual(["Account owner first", "EMEA", "East round-robin"]);

    const changed = json<Rule>(await manager.patch(`/api/v1/routing-rules/${rr.id}`, { capacity: null, enabled: false, name: "East RR" }));
    expect(changed).toMatchObject({ name: "East RR", capacity: null, enabled: false, teamId });
    // Changing the kind keeps only what the new kind uses.
    const asTerritory = json<Rule>(await manager.patch(`/api/v1/routing-rules/${rr.id}`, { kind: "territory", assigneeId: ws.users.sdr.userId }));
    expect(asTerritory).toMatchObject({ kind: "territory", assigneeId: ws.users.sdr.userId, teamId: null });

    const ids = list.map((r) => r.id);
    const reordered = await manager.put("/api/v1/routing-rules/order", { ids: [ids[2], ids[0], ids[1]] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(json<{ items: Rule[] }>(reordered).items.map((r) => [r.name, r.position])).toEqual([
      ["East RR", 0],
      ["Account owner first", 1],
      ["EMEA", 2],
    ]);

    expect((await manager.delete(`/api/v1/routing-rules/${territory.id}`)).statusCode).toBe(204);
    expect(json<{ items: Rule[] }>(await sales.get("/api/v1/routing-rules")).items.map((r) => r.name)).toEqual(["East RR", "Account owner first"]);

    const audit = json<{ items: { action: string }[] }>(await manager.get("/api/v1/audit?entity=routing_rule&limit=50")).items.map((a) => a.action);
    expect(audit.sort()).toEqual(["routing_rule.created", "routing_rule.created", "routing_rule.created", "routing_rule.deleted", "routing_rule.reordered", "routing_rule.updated", "routing_rule.updated"]);
  });

  it("names the field of bad input", async () => {
    const { ws, admin, teamId } = await setup();
    const other = await h.workspace("Other");
    const otherTeam = json<{ id: string }>(await h.as(other.users.admin).post("/api/v1/teams", { name: "Elsewhere" }));
    const cases: [unknown, string][] = [
      [{ kind: "round_robin", name: "No team" }, "body.teamId"],
      [{ kind: "territory", name: "Nobody" }, "body.assigneeId"],
      [{ kind: "territory", name: "Marketer", assigneeId: ws.users.marketing.userId }, "body.assigneeId"],
      [{ kind: "territory", name: "Foreign", assigneeId: other.users.sales.userId }, "body.assigneeId"],
      [{ kind: "round_robin", name: "Foreign team", teamId: otherTeam.id }, "body.teamId"],
      [{ kind: "round_robin", name: "Zero cap", teamId, capacity: 0 }, "body.capacity"],
      [{ kind: "territory", name: "Bad field", assigneeId: ws.users.sales.userId, conditions: [{ field: "contact.shoe_size", op: "eq", value: 9 }] }, "body.conditions.0.field"],
      [{ kind: "lottery", name: "Luck" }, "body.kind"],
      [{ kind: "account_owner", name: "" }, "body.name"],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post("/api/v1/routing-rules", body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(json<ErrorBody>(res).details.map((d) => d.path)).toContain(field);
    }
    const rule = json<Rule>(await admin.post("/api/v1/routing-rules", { kind: "round_robin", name: "RR", teamId }));
    const res = await admin.patch(`/api/v1/routing-rules/${rule.id}`, { teamId: null });
    expect(json<ErrorBody>(res).details[0]!.path).toBe("body.teamId");
    const second = json<Rule>(await admin.post("/api/v1/routing-rules", { kind: "account_owner", name: "Owner" }));
    for (const [ids, field] of [
      [[rule.id], "body.ids"],
      [[rule.id, rule.id], "body.ids"],
      [[rule.id, second.id, "0190f5b2-0000-7000-8000-000000000000"], "body.ids.2"],
    ] as const) {
      const r = await admin.put("/api/v1/routing-rules/order", { ids });
      expect(r.statusCode).toBe(400);
      expect(json<ErrorBody>(r).details[0]!.path).toBe(field);
    }
  });

  it("hides other workspaces' rules (404) and refuses roles other than admin and manager (403)", async () => {
    const { admin, sales, teamId, ws } = await setup();
    const other = await h.workspace("Other");
    const theirs = json<Rule>(await h.as(other.users.admin).post("/api/v1/routing-rules", { kind: "account_owner", name: "Theirs" }));
    expect((await admin.patch(`/api/v1/routing-rules/${theirs.id}`, { name: "Mine" })).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/routing-rules/${theirs.id}`)).statusCode).toBe(404);
    expect((await admin.put("/api/v1/routing-rules/order", { ids: [theirs.id] })).statusCode).toBe(400);
    expect(json<{ items: Rule[] }>(await admin.get("/api/v1/routing-rules")).items).toEqual([]);

    const mine = json<Rule>(await admin.post("/api/v1/routing-rules", { kind: "round_robin", name: "RR", teamId }));
    for (const role of ["sales", "sdr", "marketing"] as const) {
      const as = h.as(ws.users[role]);
      expect((await as.post("/api/v1/routing-rules", { kind: "account_owner", name: "Nope" })).statusCode).toBe(403);
      expect((await as.patch(`/api/v1/routing-rules/${mine.id}`, { name: "Nope" })).statusCode).toBe(403);
      expect((await as.put("/api/v1/routing-rules/order", { ids: [mine.id] })).statusCode).toBe(403);
      expect((await as.delete(`/api/v1/routing-rules/${mine.id}`)).statusCode).toBe(403);
    }
    expect(json<{ items: Rule[] }>(await sales.get("/api/v1/routing-rules")).items.map((r) => r.name)).toEqual(["RR"]);
  });
});
