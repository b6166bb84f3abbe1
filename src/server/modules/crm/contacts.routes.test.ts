import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

type Detail = { id: string; stage: string; mqlAt: string | null; salAt: string | null; recycledAt: string | null; allowedStages: string[]; stageEnteredAt: string };

describe("contacts and the lifecycle", () => {
  it("walks a lead through the funnel, stamping each stage once and recording who, when and why", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const sales = h.as(ws.users.sales);
    const created = json<Detail>(await mkt.post("/api/v1/contacts", { email: "Ada@Example.com", firstName: "Ada", lastName: "Byron" }));
    expect(created.stage).toBe("lead");

    h.clock.advance(3_600_000);
    const mql = json<Detail>(await mkt.post(`/api/v1/contacts/${created.id}/stage`, { stage: "mql" }));
    expect(mql.mqlAt).toBe("2026-03-02T10:00:00.000Z");
    expect(mql.allowedStages).toEqual(["sal", "rejected", "recycled", "disqualified"]);

    // Marketing may not accept on sales' behalf.
    expect((await mkt.post(`/api/v1/contacts/${created.id}/stage`, { stage: "sal" })).statusCode).toBe(403);
    // Skipping acceptance is refused with the allowed moves named.
    const skip = await sales.post(`/api/v1/contacts/${created.id}/stage`, { stage: "sql" });
    expect(skip.statusCode).toBe(422);
    expect(json(skip).message).toBe("cannot move from mql to sql; allowed: sal, rejected, recycled, disqualified");

    h.clock.advance(2 * 3_600_000);
    const rejectedNoReason = await sales.post(`/api/v1/contacts/${created.id}/stage`, { stage: "rejected" });
    expect(rejectedNoReason.statusCode).toBe(400);
    expect(json(rejectedNoReason).details).toEqual([{ path: "body.reasonCode", message: "moving to rejected requires a reason code" }]);
    const wrongKind = await sales.post(`/api/v1/contacts/${created.id}/stage`, { stage: "rejected", reasonCode: "price" });
    expect(wrongKind.statusCode).toBe(400);
    expect(json(wrongKind).message).toContain("'price' is not a reject reason");

    const rejected = json<Detail>(await sales.post(`/api/v1/contacts/${created.id}/stage`, { stage: "rejected", reasonCode: "student", note: "University address" }));
    expect(rejected.stage).toBe("rejected");

    h.clock.advance(86_400_000);
    const recycled = json<Detail>(await mkt.post(`/api/v1/contacts/${created.id}/stage`, { stage: "recycled", reasonCode: "bad_timing" }));
    // A new cycle: the MQL stamp is cleared so re-qualifying stamps it afresh.
    expect(recycled.mqlAt).toBeNull();
    expect(recycled.recycledAt).toBe("2026-03-03T12:00:00.000Z");
    h.clock.advance(3_600_000);
    const again = json<Detail>(await mkt.post(`/api/v1/contacts/${created.id}/stage`, { stage: "mql" }));
    expect(again.mqlAt).toBe("2026-03-03T13:00:00.000Z");

    const timeline = json<{ items: { kind: string; toStage?: string; reasonCode?: string | null; actorName?: string | null }[] }>(
      await sales.get(`/api/v1/contacts/${created.id}/timeline`),
    );
    const moves = timeline.items.filter((i) => i.kind === "stage_change").map((i) => `${i.toStage}:${i.reasonCode ?? ""}`);
    expect(moves).toEqual(["mql:", "recycled:bad_timing", "rejected:student", "mql:", "lead:"]);
  });

  it("pages a contact's timeline newest first across touchpoints and stage changes", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const c = json<Detail>(await admin.post("/api/v1/contacts", { email: "tl@example.com" }));
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60_000);
      await admin.post("/api/v1/touchpoints", { contactId: c.id, type: "page_view", properties: { path: `/p${i}` } });
    }
    const first = json<{ items: { kind: string; properties?: { path: string } }[]; nextBefore: string }>(await admin.get(`/api/v1/contacts/${c.id}/timeline?limit=3`));
    expect(first.items.map((i) => i.properties?.path)).toEqual(["/p4", "/p3", "/p2"]);
    const second = json<{ items: { kind: string; properties?: { path: string } }[]; nextBefore: string | null }>(
      await admin.get(`/api/v1/contacts/${c.id}/timeline?limit=3&before=${encodeURIComponent(first.nextBefore)}`),
    );
    expect(second.items.map((i) => i.properties?.path ?? i.kind)).toEqual(["/p1", "/p0", "stage_change"]);
    expect(second.nextBefore).toBeNull();
  });

  it("lists with filters, search and stable cursor pages", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    for (let i = 0; i < 7; i++) {
      h.clock.advance(1000);
      await admin.post("/api/v1/contacts", { email: `person${i}@list.example`, lastName: `Person ${i}`, persona: i % 2 ? "CTO" : "IT Manager" });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { lastName: string }[]; nextCursor: string | null } = json(await admin.get(`/api/v1/contacts?limit=3&sort=lastName${cursor ? `&cursor=${cursor}` : ""}`));
      seen.push(...page.items.map((c) => c.lastName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Person ${i}`));
    const ctos = json<{ items: unknown[] }>(await admin.get("/api/v1/contacts?persona=CTO"));
    expect(ctos.items).toHaveLength(3);
    const search = json<{ items: { email: string }[] }>(await admin.get("/api/v1/contacts?q=person4"));
    expect(search.items.map((c) => c.email)).toEqual(["person4@list.example"]);
  });

  it("refuses a duplicate e-mail with 409 naming the field, and an unknown account with 400", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    await admin.post("/api/v1/contacts", { email: "dup@example.com" });
    const dup = await admin.post("/api/v1/contacts", { email: "DUP@example.com" });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).details).toEqual([{ path: "body.email", message: "already exists" }]);
    const other = await h.workspace();
    const foreign = json<{ id: string }>(await h.as(other.users.admin).post("/api/v1/accounts", { name: "Elsewhere" }));
    const bad = await admin.post("/api/v1/contacts", { email: "x@example.com", accountId: foreign.id });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).details).toEqual([{ path: "body.accountId", message: "no such record in this workspace" }]);
  });

  it("records every write in the audit log with the actor and the changed fields", async () => {
    const ws = await h.workspace();
    const sdr = h.as(ws.users.sdr);
    const c = json<Detail>(await sdr.post("/api/v1/contacts", { email: "audit@example.com", title: "Engineer" }));
    await sdr.patch(`/api/v1/contacts/${c.id}`, { title: "Staff Engineer" });
    const log = json<{ items: { action: string; actorUserId: string; changes: Record<string, unknown> }[] }>(
      await h.as(ws.users.admin).get(`/api/v1/audit?entityId=${c.id}`),
    );
    expect(log.items.map((e) => e.action)).toEqual(["contact.updated", "contact.created"]);
    expect(log.items[0]!.actorUserId).toBe(ws.users.sdr.userId);
    expect(log.items[0]!.changes).toEqual({ title: { from: "Engineer", to: "Staff Engineer" } });
  });
});
