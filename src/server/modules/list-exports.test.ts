/**
 * CSV exports of the campaigns, activity, hand-offs, import history, members, audit log, inbox, rejections and
 * reason-code lists: all rows across pages (500 rows a page), the list's filters, formula neutralisation, the list's
 * permissions, and never another workspace's rows. (Contacts, accounts and deals: crm/crm.exports.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { csvRows, sqlRows } from "../../../test/csv-export.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const T0 = "2026-01-01T00:00:00Z";

async function contactIn(ws: TestWorkspace, email: string): Promise<string> {
  return json<{ id: string }>(await h.as(ws.users.admin).post("/api/v1/contacts", { email, lastName: email.split("@")[0] })).id;
}

describe("CSV exports of the other lists", () => {
  it("campaigns: 620 rows across two pages, the channel filter, formula cells neutralised, another workspace absent", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    // 600 e-mail campaigns and 20 webinars in A, 3 webinars in B.
    await sqlRows(h, `insert into campaigns (workspace_id, id, name, channel, created_at, updated_at)
      select $1, gen_random_uuid(), 'Campaign ' || i, case when i <= 600 then 'email' else 'webinar' end, $2, $2 from generate_series(1, 620) i`, [a.workspaceId, T0]);
    await sqlRows(h, `insert into campaigns (workspace_id, id, name, channel, created_at, updated_at)
      select $1, gen_random_uuid(), 'B campaign ' || i, 'webinar', $2, $2 from generate_series(1, 3) i`, [b.workspaceId, T0]);
    await h.as(a.users.marketing).post("/api/v1/campaigns", { name: '=HYPERLINK("http://evil.example","x")', channel: "event", targetPersonas: ["cto", "-vp"] });

    const all = await h.as(a.users.sales).get("/api/v1/campaigns/export.csv");
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers["content-disposition"]).toBe('attachment; filename="campaigns.csv"');
    const rows = csvRows(all.body);
    expect(rows).toHaveLength(621);
    expect(new Set(rows.map((r) => r.id)).size).toBe(621);
    expect(rows.filter((r) => r.name!.startsWith("B campaign"))).toEqual([]);
    expect(rows.find((r) => r.channel === "event")).toMatchObject({ name: `'=HYPERLINK("http://evil.example","x")`, "target personas": "cto; -vp" });
    const webinars = csvRows((await h.as(a.users.sdr).get("/api/v1/campaigns/export.csv?channel=webinar&limit=10")).body);
    expect(webinars).toHaveLength(20);
    expect(webinars.every((r) => r.channel === "webinar")).toBe(true);
  });

  it("activity: 1,050 touchpoints across three pages, the category filter, another workspace absent", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    const ca = await contactIn(a, "ada@a.example");
    const cb = await contactIn(b, "bob@b.example");
    // 1,000 marketing page views and 50 sales calls in A, one minute apart (call i at T0 + (1000 + i) minutes).
    await sqlRows(h, `insert into touchpoints (workspace_id, id, contact_id, type, category, occurred_at, received_at, properties)
      select $1, gen_random_uuid(), $2, case when i <= 1000 then 'page_view' else 'call' end, case when i <= 1000 then 'marketing' else 'sales' end,
             $3::timestamptz + i * interval '1 minute', $3, jsonb_build_object('url', '=cmd|' || i)
      from generate_series(1, 1050) i`, [a.workspaceId, ca, T0]);
    await sqlRows(h, `insert into touchpoints (workspace_id, id, contact_id, type, category, occurred_at, received_at)
      select $1, gen_random_uuid(), $2, 'call', 'sales', $3, $3 from generate_series(1, 2) i`, [b.workspaceId, cb, T0]);

    const rows = csvRows((await h.as(a.users.marketing).get("/api/v1/touchpoints/export.csv")).body);
    expect(rows).toHaveLength(1050);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1050);
    expect(rows.every((r) => r["contact id"] === ca)).toBe(true);
    // Newest first: the 50th call (T0 + 1,050 min = 2026-01-01T17:30Z), then the 49th.
    expect([rows[0]!["occurred at"], rows[1]!["occurred at"]]).toEqual(["2026-01-01T17:30:00.000Z", "2026-01-01T17:29:00.000Z"]);
    // A JSON cell starts with `{`: not a formula, written as is.
    expect(rows[0]!.properties).toBe('{"url":"=cmd|1050"}');
    const calls = csvRows((await h.as(a.users.sales).get("/api/v1/touchpoints/export.csv?category=sales&sort=occurredAt")).body);
    expect(calls).toHaveLength(50);
    expect(calls[0]!["occurred at"]).toBe("2026-01-01T16:41:00.000Z");
    const bad = await h.as(a.users.sales).get("/api/v1/touchpoints/export.csv?from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toContain("query.from");
  });

  it("audit log: 510 entries across two pages with the entity filter, admins and managers only", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    for (const [ws, n] of [[a, 510], [b, 3]] as const) {
      await sqlRows(h, `insert into audit_log (workspace_id, id, at, actor_user_id, action, entity, entity_id, changes)
        select $1, gen_random_uuid(), $2::timestamptz + i * interval '1 second', $3, 'widget.updated', 'widget', gen_random_uuid(), jsonb_build_object('note', '@SUM(A1)')
        from generate_series(1, $4::int) i`, [ws.workspaceId, T0, ws.users.admin.userId, n]);
    }
    expect((await h.as(a.users.sales).get("/api/v1/audit/export.csv")).statusCode).toBe(403);
    const denied = await h.as(a.users.marketing).get("/api/v1/audit/export.csv?entity=widget");
    expect(denied.statusCode).toBe(403);
    expect(json(denied).error).toBe("forbidden");
    const rows = csvRows((await h.as(a.users.manager).get("/api/v1/audit/export.csv?entity=widget")).body);
    expect(rows).toHaveLength(510);
    expect(new Set(rows.map((r) => r.id)).size).toBe(510);
    expect(rows[0]).toMatchObject({ action: "widget.updated", actor: "A Admin", at: "2026-01-01T00:08:30.000Z", changes: '{"note":"@SUM(A1)"}' });
  });

  it("import history: 505 imports across two pages with the entity filter; members with their filters", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    await sqlRows(h, `insert into import_jobs (workspace_id, id, entity, preset, file_name, file_path, file_bytes, delimiter, header, status, created_at)
      select $1, gen_random_uuid(), case when i <= 500 then 'contacts' else 'accounts' end, 'generic', case when i = 1 then '-rm.csv' else 'file' || i || '.csv' end, '/nowhere', 10, ',', '[]', 'succeeded', $2::timestamptz + i * interval '1 second'
      from generate_series(1, 505) i`, [a.workspaceId, T0]);
    await sqlRows(h, `insert into import_jobs (workspace_id, id, entity, preset, file_name, file_path, file_bytes, delimiter, header, status, created_at)
      values ($1, gen_random_uuid(), 'accounts', 'generic', 'b.csv', '/nowhere', 10, ',', '[]', 'succeeded', $2)`, [b.workspaceId, T0]);
    const imports = csvRows((await h.as(a.users.sdr).get("/api/v1/imports/export.csv")).body);
    expect(imports).toHaveLength(505);
    expect(imports.at(-1)!.file).toBe("'-rm.csv");
    const accounts = csvRows((await h.as(a.users.sdr).get("/api/v1/imports/export.csv?entity=accounts")).body);
    expect(accounts.map((r) => r.file)).toEqual(["file505.csv", "file504.csv", "file503.csv", "file502.csv", "file501.csv"]);

    await h.as(a.users.admin).post("/api/v1/users", { email: "eve@a.example", name: "=Eve", role: "sales", password: "correct horse battery" });
    const members = csvRows((await h.as(a.users.sdr).get("/api/v1/users/export.csv?role=sales")).body);
    expect(members.map((r) => [r.name, r.email, r.role])).toEqual([
      ["'=Eve", "eve@a.example", "sales"],
      ["A sales", a.users.sales.email, "sales"],
    ]);
    expect(csvRows((await h.as(b.users.sdr).get("/api/v1/users/export.csv")).body)).toHaveLength(5);
  });

  it("inbox, hand-offs, rejections and reason codes, each with its page's checks", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    const sales = h.as(a.users.sales);
    const lead = await contactIn(a, "lena@a.example");
    await h.as(a.users.admin).patch(`/api/v1/contacts/${lead}`, { title: "+VP" });
    await h.as(a.users.marketing).post(`/api/v1/contacts/${lead}/stage`, { stage: "mql" });
    expect((await h.as(a.users.sdr).post(`/api/v1/contacts/${lead}/assign`, { ownerId: a.users.sales.userId, note: "=knows them" })).statusCode).toBe(201);

    const inbox = csvRows((await sales.get("/api/v1/inbox/export.csv")).body);
    expect(inbox.map((r) => [r["contact id"], r.email, r.title, r.stage])).toEqual([[lead, "lena@a.example", "'+VP", "mql"]]);
    // Another rep's inbox needs a manager (as on the page); another workspace's rep is not found.
    expect((await sales.get(`/api/v1/inbox/export.csv?ownerId=${a.users.sdr.userId}`)).statusCode).toBe(403);
    expect((await h.as(a.users.manager).get(`/api/v1/inbox/export.csv?ownerId=${a.users.sales.userId}`)).body).toContain("lena@a.example");
    expect((await h.as(a.users.manager).get(`/api/v1/inbox/export.csv?ownerId=${b.users.sales.userId}`)).statusCode).toBe(404);

    const handoffs = csvRows((await h.as(a.users.sdr).get(`/api/v1/handoffs/export.csv?toUserId=${a.users.sales.userId}`)).body);
    const handoffCount = await sqlRows(h, "select count(*)::int as n from handoffs where workspace_id = $1 and to_user_id = $2", [a.workspaceId, a.users.sales.userId]);
    // The SDR's hand-off by hand: the one hand-off to the sales rep.
    expect(handoffCount[0]!.n).toBe(1);
    // No previous owner: the "from" cells are empty.
    expect(handoffs.map((r) => [r["contact id"], r["to user id"], r["from user id"]])).toEqual([[lead, a.users.sales.userId, ""]]);
    expect(csvRows((await h.as(b.users.admin).get("/api/v1/handoffs/export.csv")).body)).toEqual([]);

    await sales.post(`/api/v1/contacts/${lead}/stage`, { stage: "rejected", reasonCode: "student" });
    const rejections = csvRows((await h.as(a.users.marketing).get("/api/v1/feedback/rejections/export.csv?by=source")).body);
    expect(rejections.map((r) => [r.rejected, r["reason code"], r["reason count"], r["reason share"]])).toEqual([["1", "student", "1", "1"]]);
    expect(csvRows((await h.as(b.users.marketing).get("/api/v1/feedback/rejections/export.csv?by=source")).body)).toEqual([]);

    const reasons = csvRows((await sales.get("/api/v1/reason-codes/export.csv?kind=reject")).body);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => r.kind === "reject")).toBe(true);
    expect(reasons.map((r) => r.code)).toContain("student");
  });
});
