import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, json, useHarness, type TestWorkspace } from "../../../../test/harness.js";

const h = useHarness();

type Pod = { id: string; name: string; sdrId: string; sdrName: string | null; members: { userId: string; name: string }[]; aeCount: number; ratio: { status: string; label: string } };
type ErrorBody = { error: string; message: string; details: { path: string }[] };

let n = 0;
/** Adds members with a role to the workspace; returns their ids. */
async function addMembers(ws: TestWorkspace, role: "sales" | "sdr", count: number, prefix = "AE"): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    n++;
    ids.push(await h.modules.identity.workspaces.addMember(ws.workspaceId, { email: `${prefix.toLowerCase()}${n}@${ws.slug}.test`, name: `${prefix} ${String(n).padStart(2, "0")}`, role, password: TEST_PASSWORD }));
  }
  return ids;
}

describe("SDR pods", () => {
  it("shows each pod's SDR, AEs and ratio, flagged outside 3–6 AEs, and audits every change", async () => {
    const ws = await h.workspace();
    const manager = h.as(ws.users.manager);
    const aes = [ws.users.sales.userId, ...(await addMembers(ws, "sales", 6))];
    const created = await manager.post("/api/v1/pods", { name: "Pod East", sdrId: ws.users.sdr.userId, memberIds: aes.slice(0, 2) });
    expect(created.statusCode, created.body).toBe(201);
    const pod = json<Pod>(created);
    expect(pod).toMatchObject({ name: "Pod East", sdrId: ws.users.sdr.userId, sdrName: "Acme sdr", aeCount: 2, ratio: { status: "understaffed", label: "1:2 — below 3 AEs" } });

    const four = json<Pod>(await manager.put(`/api/v1/pods/${pod.id}/members`, { memberIds: aes.slice(0, 4) }));
    expect(four).toMatchObject({ aeCount: 4, ratio: { status: "ok", label: "1:4" } });
    expect(four.members.map((m) => m.userId).sort()).toEqual(aes.slice(0, 4).sort());
    const seven = json<Pod>(await manager.put(`/api/v1/pods/${pod.id}/members`, { memberIds: aes }));
    expect(seven.ratio).toEqual({ status: "overloaded", label: "1:7 — above 6 AEs" });

    const [sdr2] = await addMembers(ws, "sdr", 1, "SDR");
    const renamed = json<Pod>(await manager.patch(`/api/v1/pods/${pod.id}`, { name: "Pod North", sdrId: sdr2 }));
    expect(renamed).toMatchObject({ name: "Pod North", sdrId: sdr2, aeCount: 7 });

    // A deactivated AE stops counting: 6 AEs is back inside the band. Everyone may read.
    expect((await h.as(ws.users.admin).patch(`/api/v1/users/${aes[6]}`, { active: false })).statusCode).toBe(200);
    const list = json<{ items: Pod[] }>(await h.as(ws.users.marketing).get("/api/v1/pods")).items;
    expect(list.map((p) => [p.name, p.aeCount, p.ratio.status])).toEqual([["Pod North", 6, "ok"]]);

    expect((await manager.delete(`/api/v1/pods/${pod.id}`)).statusCode).toBe(204);
    expect(json<{ items: Pod[] }>(await manager.get("/api/v1/pods")).items).toEqual([]);
    const audit = json<{ items: { action: string }[] }>(await manager.get("/api/v1/audit?entity=pod")).items.map((a) => a.action);
    expect(audit.sort()).toEqual(["pod.created", "pod.deleted", "pod.members_set", "pod.members_set", "pod.updated"]);
  });

  it("names the field of bad input and refuses an SDR or AE who already has a pod (409)", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const other = await h.workspace("Other");
    const [ae2] = await addMembers(ws, "sales", 1);
    const cases: [unknown, string][] = [
      [{ name: "Pod", sdrId: ws.users.marketing.userId }, "body.sdrId"],
      [{ name: "Pod", sdrId: other.users.sdr.userId }, "body.sdrId"],
      [{ name: "Pod", sdrId: "not-an-id" }, "body.sdrId"],
      [{ name: "", sdrId: ws.users.sdr.userId }, "body.name"],
      [{ name: "Pod", sdrId: ws.users.sdr.userId, memberIds: [ws.users.sales.userId, ws.users.sdr.userId] }, "body.memberIds.1"],
      [{ name: "Pod", sdrId: ws.users.sdr.userId, memberIds: [other.users.sales.userId] }, "body.memberIds.0"],
      [{ name: "Pod", sdrId: ws.users.sdr.userId, memberIds: [ws.users.sales.userId, ws.users.sales.userId] }, "body.memberIds.1"],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post("/api/v1/pods", body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(json<ErrorBody>(res).details.map((d) => d.path)).toContain(field);
    }
    const pod = json<Pod>(await admin.post("/api/v1/pods", { name: "Pod A", sdrId: ws.users.sdr.userId, memberIds: [ws.users.sales.userId] }));
    const [sdr2] = await addMembers(ws, "sdr", 1, "SDR");
    const sameSdr = await admin.post("/api/v1/pods", { name: "Pod B", sdrId: ws.users.sdr.userId });
    expect(sameSdr.statusCode).toBe(409);
    expect(json<ErrorBody>(sameSdr).details[0]!.path).toBe("body.sdrId");
    const takenAe = await admin.post("/api/v1/pods", { name: "Pod B", sdrId: sdr2, memberIds: [ae2, ws.users.sales.userId] });
    expect(takenAe.statusCode).toBe(409);
    expect(json<ErrorBody>(takenAe).message).toBe('body.memberIds.1: already serves the pod "Pod A"');
    const sameName = await admin.post("/api/v1/pods", { name: "Pod A", sdrId: sdr2 });
    expect(sameName.statusCode).toBe(409);
    expect(json<ErrorBody>(sameName).details[0]!.path).toBe("body.name");
    // Re-setting a pod's own members is no conflict.
    expect((await admin.put(`/api/v1/pods/${pod.id}/members`, { memberIds: [ws.users.sales.userId, ae2] })).statusCode).toBe(200);
  });

  it("hides other workspaces' pods (404) and refuses roles other than admin and manager (403)", async () => {
    const ws = await h.workspace();
    const other = await h.workspace("Other");
    const theirs = json<Pod>(await h.as(other.users.admin).post("/api/v1/pods", { name: "Theirs", sdrId: other.users.sdr.userId }));
    const admin = h.as(ws.users.admin);
    expect((await admin.patch(`/api/v1/pods/${theirs.id}`, { name: "Mine" })).statusCode).toBe(404);
    expect((await admin.put(`/api/v1/pods/${theirs.id}/members`, { memberIds: [] })).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/pods/${theirs.id}`)).statusCode).toBe(404);
    expect(json<{ items: Pod[] }>(await admin.get("/api/v1/pods")).items).toEqual([]);

    const mine = json<Pod>(await admin.post("/api/v1/pods", { name: "Mine", sdrId: ws.users.sdr.userId }));
    for (const role of ["sales", "sdr", "marketing"] as const) {
      const as = h.as(ws.users[role]);
      expect((await as.post("/api/v1/pods", { name: "Nope", sdrId: ws.users.sdr.userId })).statusCode).toBe(403);
      expect((await as.patch(`/api/v1/pods/${mine.id}`, { name: "Nope" })).statusCode).toBe(403);
      expect((await as.put(`/api/v1/pods/${mine.id}/members`, { memberIds: [] })).statusCode).toBe(403);
      expect((await as.delete(`/api/v1/pods/${mine.id}`)).statusCode).toBe(403);
    }
  });
});
