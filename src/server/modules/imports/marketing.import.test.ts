import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { countRows, importFile, reportLines } from "../../../../test/imports.js";

const h = useHarness();
const HEADERS = "/work/shared/data/crm-export-formats/salesforce_headers/weekly_data_export_headers";
const HEADER_DIR = fs.existsSync(HEADERS) ? HEADERS : path.resolve("../shared/data/crm-export-formats/salesforce_headers/weekly_data_export_headers");

/** A file in the weekly export's exact Campaign.csv format: its header, and rows filling the named columns. */
function campaignExport(rows: Record<string, string | undefined>[]): string {
  const header = fs.readFileSync(path.join(HEADER_DIR, "Campaign.header.csv"), "utf8").trim();
  const names = header.split(",").map((c) => c.replace(/"/g, ""));
  return [header, ...rows.map((r) => names.map((n) => `"${r[n] ?? ""}"`).join(","))].join("\n") + "\n";
}

// The starter lead definition, agreed by both sides: touches score engagement from then on.
async function activateStarter(ws: TestWorkspace) {
  const def = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
  await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${def.id}/propose`);
  await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${def.id}/approve`, { side: "marketing" });
  expect((await h.as(ws.users.sales).post(`/api/v1/lead-definitions/${def.id}/approve`, { side: "sales" })).statusCode).toBe(200);
}

describe("CSV import of campaigns and touchpoints", () => {
  it("imports a Salesforce campaign export: channels from types, statuses, the actual cost as a replaceable cost line; dedupe by id, then name", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const existing = json<{ id: string }>(await admin.post("/api/v1/campaigns", { name: "Existing one", channel: "email" }));
    expect((await admin.post(`/api/v1/campaigns/${existing.id}/costs`, { incurredOn: "2026-01-15", amount: 100, description: "Design" })).statusCode).toBe(201);
    const rows = (webinarCost: string): Record<string, string | undefined>[] => [
      { Id: "701A", Name: "Spring Webinar", Type: "Webinar", Status: "Completed", StartDate: "2026-03-01", EndDate: "2026-03-31", BudgetedCost: "5000", ActualCost: webinarCost, OwnerId: ws.users.marketing.email },
      { Id: "701B", Name: "Trade Show Berlin", Type: "Trade Show", Status: "In Progress", StartDate: "2026-04-10", EndDate: "2026-04-12", BudgetedCost: "20000" },
      { Id: "701C", Name: "Banner Q2", Type: "Banner Ads", Status: "Planned", StartDate: "2026-04-01" },
      { Id: "701D", Name: "Mystery", Type: "Other", Status: "Planned" }, // failed: channel
      { Id: "701E", Name: "Backwards", Type: "Email", Status: "Planned", StartDate: "2026-05-10", EndDate: "2026-05-01" }, // failed: dates
      { Id: "701F", Name: "Spring Webinar", Type: "Email", Status: "Planned" }, // skipped: same name as row 1
      { Id: "701G", Name: "Strange status", Type: "Email", Status: "Paused" }, // failed: status
      { Id: "701H", Name: "Existing one", Type: "Email", Status: "Aborted", ActualCost: "300", EndDate: "2026-02-28" }, // updated by name
    ];
    const first = await importFile(h, ws, "campaigns", "salesforce", "Campaign.csv", campaignExport(rows("4200.50")), {}, "marketing");
    expect(first.upload.proposedMapping).toEqual({ externalId: "Id", name: "Name", channel: "Type", status: "Status", startsOn: "StartDate", endsOn: "EndDate", budget: "BudgetedCost", actualCost: "ActualCost", owner: "OwnerId" });
    // 8 rows = 3 created + 1 updated + 3 failed + 1 skipped.
    expect(first.done).toMatchObject({ status: "succeeded", created: 3, updated: 1, failed: 3, skipped: 1, cursor: 8 });
    const campaigns = async () =>
      (await h.tdb.ownerDb.pool.query("select name, channel, vehicle, status, starts_on::text, ends_on::text, budget::float, actual_cost::float, owner_id, external_ids from campaigns where workspace_id = $1 order by name", [ws.workspaceId])).rows;
    expect(await campaigns()).toEqual([
      { name: "Banner Q2", channel: "paid_social", vehicle: "Banner Ads", status: "planned", starts_on: "2026-04-01", ends_on: null, budget: 0, actual_cost: 0, owner_id: null, external_ids: { salesforce: "701C" } },
      // The API's 100 plus the imported 300.
      { name: "Existing one", channel: "email", vehicle: "Email", status: "cancelled", starts_on: null, ends_on: "2026-02-28", budget: 0, actual_cost: 400, owner_id: ws.users.admin.userId, external_ids: { salesforce: "701H" } },
      { name: "Spring Webinar", channel: "webinar", vehicle: "Webinar", status: "completed", starts_on: "2026-03-01", ends_on: "2026-03-31", budget: 5000, actual_cost: 4200.5, owner_id: ws.users.marketing.userId, external_ids: { salesforce: "701A" } },
      { name: "Trade Show Berlin", channel: "event", vehicle: "Trade Show", status: "active", starts_on: "2026-04-10", ends_on: "2026-04-12", budget: 20000, actual_cost: 0, owner_id: null, external_ids: { salesforce: "701B" } },
    ]);
    const report = await reportLines(h, ws, first.upload.id);
    expect(report.map((l) => l.slice(l.indexOf("row "))).slice(1)).toEqual([
      `row 4: Channel / type ""Other"" is not a channel we know (Salesforce's campaign types, or email, paid_search, paid_social, organic_search, social, webinar, event, content, direct, referral, partner, outbound)"`,
      "row 5: the end date 2026-05-01 is before the start date 2026-05-10",
      "row 6: duplicate of row 1 of this file",
      'row 7: Status ""Paused"" is not a campaign status we know (Planned, In Progress, Completed, Aborted)"',
    ]);

    // The next export: the webinar's actual cost replaces the imported line instead of adding to it.
    const again = await importFile(h, ws, "campaigns", "salesforce", "Campaign.csv", campaignExport(rows("5000")), {}, "marketing");
    expect(again.done).toMatchObject({ created: 0, updated: 4, failed: 3, skipped: 1 });
    expect(await countRows(h, "campaigns", ws)).toBe(4);
    // Spring Webinar's imported line and Existing one's two lines (Design, imported).
    expect(await countRows(h, "campaign_costs", ws)).toBe(3);
    expect((await campaigns()).find((c) => c.name === "Spring Webinar")).toMatchObject({ actual_cost: 5000 });
  });

  it("imports touchpoints through the ingest pipeline: contacts by e-mail (new ones created), campaigns by name, bad rows reported, re-import skips", async () => {
    const ws = await h.workspace();
    await activateStarter(ws);
    const admin = h.as(ws.users.admin);
    const known = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "known@globex.example", lastName: "Known" }));
    const webinar = json<{ id: string }>(await admin.post("/api/v1/campaigns", { name: "Spring Webinar", channel: "webinar" }));
    const gone = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "gone@erased.example", lastName: "Gone" }));
    expect((await admin.post(`/api/v1/contacts/${gone.id}/erase`, { confirm: "ERASE" })).statusCode).toBe(200);
    const csv = [
      "External id,Email,Type,Occurred at,Channel,Campaign name",
      "e1,known@globex.example,webinar_attend,2026-03-05T15:00:00Z,webinar,Spring Webinar",
      "e2,New.Person@initech.example,Page View,2026-03-06 09:00:00,Organic Search,",
      ",known@globex.example,email_click,2026-03-07,email,", // no id: stored under a hash of the row
      "e4,bad-email,page_view,2026-03-07,,", // failed
      "e5,known@globex.example,teleportation,2026-03-07,,", // failed
      "e6,known@globex.example,page_view,yesterday,,", // failed
      "e7,known@globex.example,page_view,2026-03-08,,No Such Campaign", // failed
      "e1,known@globex.example,webinar_attend,2026-03-05T15:00:00Z,webinar,Spring Webinar", // skipped
      "e9,,call,2026-03-09,,", // failed: nobody
      "e10,known@globex.example,Call,2026-03-09 10:30:00,,", // a sales activity: the admin may import it
      "e11,gone@erased.example,page_view,2026-03-09,,", // skipped: erased
    ].join("\n");
    const first = await importFile(h, ws, "touchpoints", "generic", "events.csv", csv);
    expect(first.upload.proposedMapping).toEqual({ externalId: "External id", email: "Email", type: "Type", occurredAt: "Occurred at", channel: "Channel", campaign: "Campaign name" });
    // 11 rows = 4 created (e1, e2, the unnamed click, e10) + 5 failed (e4, e5, e6, e7, e9) + 2 skipped (e1 again, e11).
    expect(first.done).toMatchObject({ status: "succeeded", created: 4, updated: 0, failed: 5, skipped: 2, cursor: 11 });
    const touches = async () =>
      (
        await h.tdb.ownerDb.pool.query(
          "select t.type, t.category, t.channel, t.source, t.client_event_id, t.campaign_id, c.email from touchpoints t join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id where t.workspace_id = $1 order by t.occurred_at",
          [ws.workspaceId],
        )
      ).rows;
    expect(await touches()).toEqual([
      { type: "webinar_attend", category: "marketing", channel: "webinar", source: "import", client_event_id: "e1", campaign_id: webinar.id, email: "known@globex.example" },
      { type: "page_view", category: "marketing", channel: "organic_search", source: "import", client_event_id: "e2", campaign_id: null, email: "new.person@initech.example" },
      { type: "email_click", category: "marketing", channel: "email", source: "import", client_event_id: expect.stringMatching(/^import:csv:[0-9a-f]{32}$/), campaign_id: null, email: "known@globex.example" },
      { type: "call", category: "sales", channel: null, source: "import", client_event_id: "e10", campaign_id: null, email: "known@globex.example" },
    ]);
    // Identity resolution created the unknown person as a lead; scoring ran on the known contact's touches.
    const people = (await h.tdb.ownerDb.pool.query("select email, stage, engagement_score from contacts where workspace_id = $1 order by email", [ws.workspaceId])).rows;
    expect(people.map((p) => [p.email, p.stage])).toEqual([
      ["known@globex.example", "lead"],
      ["new.person@initech.example", "lead"],
    ]);
    expect(people[0].engagement_score).toBeGreaterThan(0);
    expect(known.id).toBeTruthy();
    const reasons = (await reportLines(h, ws, first.upload.id)).slice(1).map((l) => l.slice(l.indexOf("row ")));
    expect(reasons).toEqual([
      'row 4: Contact e-mail ""bad-email"" is not an e-mail address"',
      'row 5: Type ""teleportation"" is not a touchpoint type we know (call, meeting, email, or one of ours: page_view, form_submit, …)"',
      'row 6: Occurred at ""yesterday"" is not a date (YYYY-MM-DD or ISO 8601)"',
      "row 7: no campaign named No Such Campaign (import the campaigns first)",
      "row 8: duplicate of row 1 of this file",
      "row 9: a touchpoint needs a contact e-mail or a contact external id",
      "row 11: this person was erased (GDPR); the touch is not stored and the contact not recreated",
    ]);

    // The same file again stores nothing twice: the stored events are skipped by their client event ids.
    const again = await importFile(h, ws, "touchpoints", "generic", "events.csv", csv);
    expect(again.done).toMatchObject({ created: 0, updated: 0, failed: 5, skipped: 6 });
    expect(await countRows(h, "touchpoints", ws)).toBe(4);

    // Marketing imports marketing touches; a call in its file fails with the reason.
    const mkt = await importFile(h, ws, "touchpoints", "generic", "mkt.csv", "Email,Type,Occurred at\nknown@globex.example,page_view,2026-03-10\nknown@globex.example,call,2026-03-10\n", {}, "marketing");
    expect(mkt.done).toMatchObject({ created: 1, failed: 1, skipped: 0 });
    expect((await reportLines(h, ws, mkt.upload.id))[1]).toContain("row 2: a call is a sales activity; your role (marketing) imports marketing touches only");
  });
});
