import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { multipartFile } from "../../../../test/multipart.js";
import { spawnTsChild } from "../../../../test/child.js";

const h = useHarness();
const SF = "/work/shared/data/crm-export-formats/salesforce_dataloader_samples";
const SF_DIR = fs.existsSync(SF) ? SF : path.resolve("../shared/data/crm-export-formats/salesforce_dataloader_samples");

type Imp = { id: string; status: string; created: number; updated: number; skipped: number; failed: number; cursor: number; totalRows: number; mapping: Record<string, string>; proposedMapping: Record<string, string>; jobId: string; sample: string[][] };

async function upload(ws: TestWorkspace, entity: string, preset: string, name: string, content: string, as: keyof TestWorkspace["users"] = "admin") {
  const { payload, headers } = multipartFile(name, content);
  const res = await h.app.inject({ method: "POST", url: `/api/v1/imports?entity=${entity}&preset=${preset}`, payload, headers: { ...headers, authorization: `Bearer ${ws.users[as].token}` } });
  expect(res.statusCode, res.body).toBe(201);
  return json<Imp>(res);
}

async function run(ws: TestWorkspace, id: string, body: Record<string, unknown> = {}) {
  const res = await h.as(ws.users.admin).post(`/api/v1/imports/${id}/start`, body);
  expect(res.statusCode, res.body).toBe(202);
  await h.modules.jobs.jobs.drain(ws.workspaceId);
  return json<Imp>(await h.as(ws.users.admin).get(`/api/v1/imports/${id}`));
}

const count = async (table: string, ws: TestWorkspace) => (await h.tdb.ownerDb.pool.query(`select count(*)::int as n from ${table} where workspace_id = $1`, [ws.workspaceId])).rows[0].n as number;

describe("CSV import", () => {
  it("imports Salesforce's Data Loader account sample with the preset, deduping on the 18-character id when it comes again", async () => {
    const ws = await h.workspace();
    const csv = fs.readFileSync(path.join(SF_DIR, "accountData.csv"), "utf8");
    const imp = await upload(ws, "accounts", "salesforce", "accountData.csv", csv);
    // 424 lines: the header and 423 accounts.
    expect(imp.totalRows).toBe(423);
    expect(imp.proposedMapping).toMatchObject({ externalId: "ID", name: "NAME", industry: "INDUSTRY", employees: "NUMBEROFEMPLOYEES", country: "BILLINGCOUNTRY", region: "BILLINGSTATE", owner: "OWNERID" });
    const done = await run(ws, imp.id);
    expect(done).toMatchObject({ status: "succeeded", created: 423, updated: 0, skipped: 0, failed: 0, cursor: 423 });
    const gravity = await h.tdb.ownerDb.pool.query("select name, country, region, owner_id, external_ids from accounts where workspace_id = $1 and external_ids->>'salesforce' = '001x0000002xLCVAA2'", [ws.workspaceId]);
    // Owners are Salesforce user ids (005…), which match no member: the accounts come in unassigned.
    expect(gravity.rows).toEqual([{ name: "Gravity Investments", country: "US", region: "CO", owner_id: null, external_ids: { salesforce: "001x0000002xLCVAA2" } }]);

    const again = await upload(ws, "accounts", "salesforce", "accountData.csv", csv);
    expect(await run(ws, again.id)).toMatchObject({ status: "succeeded", created: 0, updated: 423, skipped: 0, failed: 0 });
    expect(await count("accounts", ws)).toBe(423);
  });

  it("imports a HubSpot contact export with lifecycle stages and owners, accounts for every row, and re-imports as updates", async () => {
    const ws = await h.workspace();
    await h.as(ws.users.admin).post("/api/v1/accounts", { name: "Globex", domain: "globex.example" });
    const header = '"Record ID","First Name","Last Name","Email","Lifecycle Stage","Contact owner","Phone Number","Job Title"';
    const rows = [
      `"101","Ada","Lovelace","ada@globex.example","Marketing Qualified Lead","${ws.users.sales.email}","+44 1","CTO"`,
      `"102","Bob","Byte","BOB@initech.example","customer","Acme sdr","",""`, // owner by name, e-mail lower-cased
      `"103","Cy","Sales","cy@initech.example","salesqualifiedlead","nobody@else.example","",""`, // unknown owner: unassigned
      `"104","Dee","Vang","dee@initech.example","Evangelist","","",""`,
      `"105","Eve","Bad","not-an-email","lead","","",""`, // failed
      `"106","Fay","Odd","fay@initech.example","Champion","","",""`, // failed: unknown stage
      `"","","","","","","",""`, // skipped: empty
      `"107","Ada","Again","ada@globex.example","lead","","",""`, // skipped: duplicate of row 1
      `"108","=cmd|' /C calc'!A0","Evil","evil@initech.example","subscriber","","",""`,
    ];
    const csv = [header, ...rows].join("\r\n") + "\r\n";
    const imp = await upload(ws, "contacts", "hubspot", "hubspot-contacts.csv", csv);
    expect(imp.proposedMapping).toMatchObject({ externalId: "Record ID", email: "Email", stage: "Lifecycle Stage", owner: "Contact owner", phone: "Phone Number", title: "Job Title" });
    const done = await run(ws, imp.id);
    // 9 rows = 5 created (101–104, 108) + 2 failed (105, 106) + 2 skipped (empty, duplicate).
    expect(done).toMatchObject({ status: "succeeded", created: 5, updated: 0, failed: 2, skipped: 2, cursor: 9 });
    const people = await h.tdb.ownerDb.pool.query(
      "select email, stage, owner_id, account_id is not null as has_account, mql_at is not null as mql_stamped, external_ids from contacts where workspace_id = $1 order by email",
      [ws.workspaceId],
    );
    expect(people.rows).toEqual([
      { email: "ada@globex.example", stage: "mql", owner_id: ws.users.sales.userId, has_account: true, mql_stamped: true, external_ids: { hubspot: "101" } },
      { email: "bob@initech.example", stage: "customer", owner_id: ws.users.sdr.userId, has_account: false, mql_stamped: false, external_ids: { hubspot: "102" } },
      { email: "cy@initech.example", stage: "sql", owner_id: null, has_account: false, mql_stamped: false, external_ids: { hubspot: "103" } },
      { email: "dee@initech.example", stage: "customer", owner_id: null, has_account: false, mql_stamped: false, external_ids: { hubspot: "104" } },
      { email: "evil@initech.example", stage: "subscriber", owner_id: null, has_account: false, mql_stamped: false, external_ids: { hubspot: "108" } },
    ]);
    expect(await count("stage_transitions", ws)).toBe(5);

    const report = await h.as(ws.users.admin).get(`/api/v1/imports/${imp.id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("text/csv");
    const lines = report.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Record ID,First Name,Last Name,Email,Lifecycle Stage,Contact owner,Phone Number,Job Title,Tandem outcome,Tandem error");
    expect(lines.slice(1)).toEqual([
      '105,Eve,Bad,not-an-email,lead,,,,failed,"row 5: E-mail ""not-an-email"" is not an e-mail address"',
      '106,Fay,Odd,fay@initech.example,Champion,,,,failed,"row 6: Lifecycle stage ""Champion"" is not a lifecycle stage we know"',
      ",,,,,,,,skipped,row 7: empty row",
      "107,Ada,Again,ada@globex.example,lead,,,,skipped,row 8: duplicate of row 1 of this file",
    ]);

    // The same file again: every valid row finds its contact by HubSpot id; nothing new, stages kept.
    const again = await upload(ws, "contacts", "hubspot", "hubspot-contacts.csv", csv);
    expect(await run(ws, again.id)).toMatchObject({ created: 0, updated: 5, failed: 2, skipped: 2 });
    expect(await count("contacts", ws)).toBe(5);
  });

  it("changes nothing in a dry run but counts what the import would do, then runs for real", async () => {
    const ws = await h.workspace();
    await h.as(ws.users.admin).post("/api/v1/contacts", { email: "old@x.example", lastName: "Old" });
    const csv = "email,first name,last name\nold@x.example,Olga,Old\nnew@x.example,Ned,New\nbad,B,B\n";
    const imp = await upload(ws, "contacts", "generic", "people.csv", csv);
    expect(imp.proposedMapping).toEqual({ email: "email", firstName: "first name", lastName: "last name" });
    const dry = await run(ws, imp.id, { dryRun: true });
    expect(dry).toMatchObject({ status: "succeeded", created: 1, updated: 1, failed: 1, skipped: 0 });
    const names = await h.tdb.ownerDb.pool.query("select email, first_name from contacts where workspace_id = $1 order by email", [ws.workspaceId]);
    expect(names.rows).toEqual([{ email: "old@x.example", first_name: null }]);
    const real = await run(ws, imp.id, { dryRun: false });
    expect(real).toMatchObject({ created: 1, updated: 1, failed: 1, dryRun: false });
    expect(await count("contacts", ws)).toBe(2);
    // A finished real import cannot be started again.
    expect((await h.as(ws.users.admin).post(`/api/v1/imports/${imp.id}/start`, {})).statusCode).toBe(409);
  });

  it("refuses a mapping to a missing column, and sales may not import contacts", async () => {
    const ws = await h.workspace();
    const imp = await upload(ws, "accounts", "generic", "a.csv", "name,domain\nA,a.example\n");
    const res = await h.as(ws.users.admin).post(`/api/v1/imports/${imp.id}/start`, { mapping: { name: "Company" } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "validation_failed", details: [{ path: "body.mapping" }] });
    const { payload, headers } = multipartFile("c.csv", "email\na@b.example\n");
    const denied = await h.app.inject({ method: "POST", url: "/api/v1/imports?entity=contacts", payload, headers: { ...headers, authorization: `Bearer ${ws.users.sales.token}` } });
    expect(denied.statusCode).toBe(403);
  });

  it("resumes after the importing process is killed (SIGKILL) and ends with every row exactly once", async () => {
    const ws = await h.workspace();
    const n = 6_000;
    let csv = "email,last name\n";
    for (let i = 0; i < n; i++) csv += `p${i}@crash.example,P${i}\n`;
    const imp = await upload(ws, "contacts", "generic", "big.csv", csv);
    const res = await h.as(ws.users.admin).post(`/api/v1/imports/${imp.id}/start`, {});
    const { jobId } = json<Imp>(res);
    const child = spawnTsChild("test/import-child.ts", { CHILD_DB_URL: h.tdb.appUrl, CHILD_WORKSPACE_ID: ws.workspaceId, CHILD_JOB_ID: jobId, CHILD_DATA_DIR: path.join(os.tmpdir(), "tandem-data"), CHILD_CHUNK: "100" });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve) => lines.on("line", (l) => l === "running" && resolve()));
    const cursor = async () => (await h.tdb.ownerDb.pool.query("select cursor from import_jobs where id = $1", [imp.id])).rows[0].cursor as number;
    while ((await cursor()) < 1_000) await new Promise((r) => setTimeout(r, 10));
    child.kill("SIGKILL");
    await exited;
    const at = await cursor();
    expect(at).toBeGreaterThanOrEqual(1_000);
    expect(at).toBeLessThan(n);
    // The rows written are exactly the rows before the cursor: chunk and cursor commit together.
    expect(await count("contacts", ws)).toBe(at);
    // What the worker's sweep does to a job whose process died; the re-run continues after the cursor.
    await h.tdb.ownerDb.pool.query("update jobs set status = 'queued' where id = $1", [jobId]);
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const done = json<Imp>(await h.as(ws.users.admin).get(`/api/v1/imports/${imp.id}`));
    expect(done).toMatchObject({ status: "succeeded", created: n, updated: 0, failed: 0, skipped: 0, cursor: n });
    const distinct = await h.tdb.ownerDb.pool.query("select count(*)::int as n, count(distinct email)::int as d from contacts where workspace_id = $1", [ws.workspaceId]);
    expect(distinct.rows[0]).toEqual({ n, d: n });
  }, 60_000);
});
