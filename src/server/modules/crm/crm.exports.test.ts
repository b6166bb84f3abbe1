import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { csvRows, sqlRows } from "../../../../test/csv-export.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

describe("CSV exports of the contacts, accounts and deals lists", () => {
  it("streams every contact matching the list's filters across pages, neutralises formulas and never shows another workspace", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    // 1,100 MQLs and 103 leads in A (1,203 rows: three 500-row pages); 5 MQLs in B that must never appear.
    await sqlRows(h, `insert into contacts (workspace_id, id, email, last_name, stage, stage_entered_at, created_at, updated_at)
      select $1, gen_random_uuid(), 'p' || i || '@a.example', 'Person ' || i, case when i <= 1100 then 'mql' else 'lead' end, $2, $2::timestamptz + i * interval '1 second', $2
      from generate_series(1, 1203) i`, [a.workspaceId, "2026-01-01T00:00:00Z"]);
    await sqlRows(h, `insert into contacts (workspace_id, id, email, stage, stage_entered_at, created_at, updated_at)
      select $1, gen_random_uuid(), 'b' || i || '@b.example', 'mql', now(), now(), now() from generate_series(1, 5) i`, [b.workspaceId]);
    const evil = json<{ id: string }>(await h.as(a.users.marketing).post("/api/v1/contacts", { email: "x@evil.example", lastName: '=HYPERLINK("http://evil.example","click")', firstName: "+1 555", title: "@ceo" }));

    const all = await h.as(a.users.sales).get("/api/v1/contacts/export.csv");
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(all.headers["content-disposition"]).toBe('attachment; filename="contacts.csv"');
    expect(all.body.startsWith("\uFEFFid,email,first name,last name,")).toBe(true);
    const rows = csvRows(all.body);
    // 1,203 + the one created through the API; each id once.
    expect(rows).toHaveLength(1204);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1204);
    expect(rows.some((r) => r.email!.endsWith("@b.example"))).toBe(false);
    // The list's default order (-createdAt): the API-created contact (now, 2026-03-02) first, then p1203 … p1.
    expect(rows[0]!.id).toBe(evil.id);
    expect([rows[1]!.email, rows[1203]!.email]).toEqual(["p1203@a.example", "p1@a.example"]);
    expect(rows[0]).toMatchObject({ "last name": `'=HYPERLINK("http://evil.example","click")`, "first name": "'+1 555", title: "'@ceo", stage: "lead" });

    // The list's filters and sort: MQLs only, by last name ascending.
    const mql = csvRows((await h.as(a.users.sales).get("/api/v1/contacts/export.csv?stage=mql&sort=lastName&limit=50")).body);
    expect(mql).toHaveLength(1100);
    expect(mql.every((r) => r.stage === "mql")).toBe(true);
    // Text order: "Person 1" < "Person 10" < "Person 100" < "Person 1000".
    expect(mql.slice(0, 4).map((r) => r["last name"])).toEqual(["Person 1", "Person 10", "Person 100", "Person 1000"]);
    const searched = csvRows((await h.as(a.users.sdr).get("/api/v1/contacts/export.csv?q=p1100%40")).body);
    expect(searched.map((r) => r.email)).toEqual(["p1100@a.example"]);

    // B sees only its own five.
    expect(csvRows((await h.as(b.users.admin).get("/api/v1/contacts/export.csv")).body)).toHaveLength(5);
    const bad = await h.as(a.users.admin).get("/api/v1/contacts/export.csv?stage=nope");
    expect(bad.statusCode).toBe(400);
    expect(json(bad).message).toContain("query.stage");
  });

  it("exports accounts and deals with their filters", async () => {
    const a = await h.workspace("A");
    const admin = h.as(a.users.admin);
    const acme = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Acme", industry: "software", customerStatus: "customer" }));
    await admin.post("/api/v1/accounts", { name: "-Minus Corp", industry: "retail" });
    await admin.post("/api/v1/deals", { name: "Big one", accountId: acme.id, amount: 1200.5 });
    await admin.post("/api/v1/deals", { name: "Small one", accountId: acme.id, amount: 10 });

    const accounts = csvRows((await admin.get("/api/v1/accounts/export.csv?industry=software")).body);
    expect(accounts.map((r) => [r.name, r.industry, r["customer status"]])).toEqual([["Acme", "software", "customer"]]);
    const allAccounts = csvRows((await admin.get("/api/v1/accounts/export.csv")).body);
    // Default sort by name: "-Minus Corp" sorts before "Acme" and its leading minus is neutralised.
    expect(allAccounts.map((r) => r.name)).toEqual(["'-Minus Corp", "Acme"]);

    const deals = csvRows((await h.as(a.users.sales).get("/api/v1/deals/export.csv?sort=amount")).body);
    expect(deals.map((r) => [r.name, r.amount, r.account])).toEqual([
      ["Small one", "10", "Acme"],
      ["Big one", "1200.5", "Acme"],
    ]);
  });
});
