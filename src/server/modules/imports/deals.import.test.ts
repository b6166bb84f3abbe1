import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useHarness } from "../../../../test/harness.js";
import { countRows, importFile, reportLines, uploadImport, runImport } from "../../../../test/imports.js";

const h = useHarness();
const SF = "/work/shared/data/crm-export-formats/salesforce_dataloader_samples";
const SF_DIR = fs.existsSync(SF) ? SF : path.resolve("../shared/data/crm-export-formats/salesforce_dataloader_samples");

describe("CSV import of deals", () => {
  it("imports Salesforce's Data Loader opportunity sample with the preset, after its accounts, and re-imports as updates", async () => {
    const ws = await h.workspace();
    await importFile(h, ws, "accounts", "salesforce", "accountData.csv", fs.readFileSync(path.join(SF_DIR, "accountData.csv"), "utf8"));
    const csv = fs.readFileSync(path.join(SF_DIR, "opportunityData.csv"), "utf8");
    const imp = await uploadImport(h, ws, "deals", "salesforce", "opportunityData.csv", csv);
    expect(imp.totalRows).toBe(38);
    expect(imp.proposedMapping).toEqual({
      externalId: "ID",
      name: "NAME",
      accountExternalId: "ACCOUNTID",
      stageName: "STAGENAME",
      amount: "AMOUNT",
      closeDate: "CLOSEDATE",
      isClosed: "ISCLOSED",
      isWon: "ISWON",
      type: "TYPE",
      owner: "OWNERID",
      createdAt: "CREATEDDATE",
    });
    const done = await runImport(h, ws, imp.id);
    expect(done).toMatchObject({ status: "succeeded", created: 38, updated: 0, skipped: 0, failed: 0, cursor: 38 });
    const q = (text: string) => h.tdb.ownerDb.pool.query(text, [ws.workspaceId]).then((r) => r.rows);
    // Prospecting 9 → discovery; Needs Analysis 1 → qualification; Value Proposition 8 + Id. Decision Makers 4 +
    // Proposal/Price Quote 4 → proposal 16; Negotiation/Review 4 → negotiation; Closed Won 8 (no reason column).
    expect(await q("select stage, outcome, count(*)::int as n, sum(amount)::float as amount from deals where workspace_id = $1 group by 1, 2 order by 1")).toEqual([
      { stage: "closed_won", outcome: "won", n: 8, amount: 2_200_000 },
      { stage: "discovery", outcome: null, n: 9, amount: expect.any(Number) },
      { stage: "negotiation", outcome: null, n: 4, amount: expect.any(Number) },
      { stage: "proposal", outcome: null, n: 16, amount: expect.any(Number) },
      { stage: "qualification", outcome: null, n: 1, amount: expect.any(Number) },
    ]);
    // All 38 amounts add up to 6,270,000 (the empty ones are 0).
    expect((await q("select sum(amount)::float as s from deals where workspace_id = $1"))[0].s).toBe(6_270_000);
    // Closed 2005-11-09, created in Salesforce 2006-06-15 (data loaded later): the deal starts at its close.
    expect(await q("select d.name, d.type, d.reason_code, d.closed_at, d.created_at, d.expected_close_at, d.owner_id, d.external_ids, a.name as account from deals d join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id where d.workspace_id = $1 and d.external_ids ->> 'salesforce' = '006x0000001YtCrAAK'")).toEqual([
      {
        name: "George Foundation - 5000 Widgets",
        type: "new",
        reason_code: null,
        closed_at: new Date("2005-11-09T00:00:00Z"),
        created_at: new Date("2005-11-09T00:00:00Z"),
        expected_close_at: null,
        owner_id: null,
        external_ids: { salesforce: "006x0000001YtCrAAK" },
        account: expect.any(String),
      },
    ]);
    expect(await countRows(h, "deal_stage_history", ws)).toBe(38);
    // crm's dealChanged hooks ran for every deal: the 8 closed ones have their deal facts.
    expect(await countRows(h, "deal_facts", ws)).toBe(8);

    const again = await importFile(h, ws, "deals", "salesforce", "opportunityData.csv", csv);
    expect(again.done).toMatchObject({ status: "succeeded", created: 0, updated: 38, skipped: 0, failed: 0 });
    expect(await countRows(h, "deals", ws)).toBe(38);
    expect(await countRows(h, "deal_stage_history", ws)).toBe(38);
    // Four imports (423 accounts, 38 deals, each twice): 8–12 s alone, past 30 s on the shared machine.
  }, 120_000);

  it("imports a HubSpot deal export: stages, outcomes with reasons from the taxonomy, owners, accounts by id or name; every row accounted for", async () => {
    const ws = await h.workspace();
    await importFile(h, ws, "accounts", "hubspot", "companies.csv", '"Record ID","Company name","Company Domain Name"\n"501","Globex","globex.example"\n"502","Initech","initech.example"\n');
    const header = '"Record ID","Deal Name","Deal Stage","Amount","Close Date","Deal owner","Create Date","Deal Type","Associated Company IDs","Associated Company","Closed Lost Reason","Closed Won Reason","Pipeline"';
    const rows = (platformStage: string, platformAmount: string) => [
      `"9001","Globex platform","${platformStage}","${platformAmount}","2026-03-31","${ws.users.sales.email}","2026-01-05 10:00:00","newbusiness","501","Globex","","","default"`,
      `"9002","Globex expansion","Closed Won","40000","2026-02-10","Acme sales","2026-01-02","existingbusiness","","Initech","","Relationship and trust","default"`, // account by name, reason by label
      `"9003","Initech lost","closedlost","8000","2026-02-20","","2026-01-10","","502;501","","price","","default"`, // first company id counts
      `"9004","Initech stalled","Closed Lost","5000","2026-02-21","","2026-01-11","","502","","Budget frozen","","default"`, // a no-decision reason
      `"9005","Bad reason","closedlost","1","2026-02-22","","","","502","","Too expensive","","default"`, // failed
      `"9006","No account","contractsent","1","2026-02-22","","","","999","","","","default"`, // failed
      `"9007","Odd stage","Champagne","1","2026-02-22","","","","501","","","","default"`, // failed
      `"9008","Closed no date","closedwon","100","","","","","501","","","","default"`, // failed
      `"9001","Globex platform again","appointmentscheduled","1","","","","","501","","","","default"`, // skipped
      `"9009","Globex renewal","Contract Sent","2,000.50","2026-04-30","","2026-01-20","Renewal","501","","","","default"`,
    ];
    const file = (stage: string, amount: string, closedAmount = "40000") => [header, ...rows(stage, amount).map((r) => r.replace('"40000"', `"${closedAmount}"`))].join("\r\n") + "\r\n";
    const first = await importFile(h, ws, "deals", "hubspot", "hubspot-deals.csv", file("appointmentscheduled", "12,500"));
    expect(first.upload.proposedMapping).toMatchObject({ externalId: "Record ID", name: "Deal Name", stageName: "Deal Stage", owner: "Deal owner", accountExternalId: "Associated Company IDs", accountName: "Associated Company", lossReason: "Closed Lost Reason", winReason: "Closed Won Reason", type: "Deal Type", createdAt: "Create Date" });
    // 10 rows = 5 created (9001–9004, 9009) + 4 failed (9005–9008) + 1 skipped (9001 again).
    expect(first.done).toMatchObject({ status: "succeeded", created: 5, updated: 0, failed: 4, skipped: 1, cursor: 10 });
    const deals = async () =>
      (
        await h.tdb.ownerDb.pool.query(
          "select d.name, d.stage, d.outcome, d.reason_code, d.amount::float, d.type, d.owner_id, a.name as account from deals d join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id where d.workspace_id = $1 order by d.name",
          [ws.workspaceId],
        )
      ).rows;
    expect(await deals()).toEqual([
      { name: "Globex expansion", stage: "closed_won", outcome: "won", reason_code: "relationship", amount: 40_000, type: "expansion", owner_id: ws.users.sales.userId, account: "Initech" },
      { name: "Globex platform", stage: "discovery", outcome: null, reason_code: null, amount: 12_500, type: "new", owner_id: ws.users.sales.userId, account: "Globex" },
      { name: "Globex renewal", stage: "negotiation", outcome: null, reason_code: null, amount: 2_000.5, type: "renewal", owner_id: null, account: "Globex" },
      { name: "Initech lost", stage: "closed_lost", outcome: "lost", reason_code: "price", amount: 8_000, type: "new", owner_id: null, account: "Initech" },
      { name: "Initech stalled", stage: "closed_lost", outcome: "no_decision", reason_code: "budget_frozen", amount: 5_000, type: "new", owner_id: null, account: "Initech" },
    ]);
    expect(await countRows(h, "deal_facts", ws)).toBe(3);
    expect((await reportLines(h, ws, first.upload.id)).slice(1)).toEqual([
      '9005,Bad reason,closedlost,1,2026-02-22,,,,502,,Too expensive,,default,failed,"row 5: Loss reason ""Too expensive"" is not in the loss or no_decision reasons; use one of: competitor, price, missing_feature, timing, champion_left, status_quo, budget_frozen, priorities_changed"',
      "9006,No account,contractsent,1,2026-02-22,,,,999,,,,default,failed,row 6: no account with hubspot id 999 (import the accounts first)",
      '9007,Odd stage,Champagne,1,2026-02-22,,,,501,,,,default,failed,"row 7: Stage ""Champagne"" is not a deal stage we know (Salesforce\'s and HubSpot\'s default stages, or discovery, qualification, proposal, negotiation, closed_won, closed_lost)"',
      "9008,Closed no date,closedwon,100,,,,,501,,,,default,failed,row 8: a closed deal needs a close date",
      "9001,Globex platform again,appointmentscheduled,1,,,,,501,,,,default,skipped,row 9: duplicate of row 1 of this file",
    ]);

    // The next export: the open deal moved on and grew (one more history row); the won deal's amount is final.
    const second = await importFile(h, ws, "deals", "hubspot", "hubspot-deals.csv", file("contractsent", "15000", "99999"));
    expect(second.done).toMatchObject({ created: 0, updated: 5, failed: 4, skipped: 1 });
    expect(await countRows(h, "deals", ws)).toBe(5);
    // 5 first rows + the move discovery → negotiation of "Globex platform".
    expect(await countRows(h, "deal_stage_history", ws)).toBe(6);
    const after = await deals();
    expect(after.find((d) => d.name === "Globex platform")).toMatchObject({ stage: "negotiation", amount: 15_000 });
    expect(after.find((d) => d.name === "Globex expansion")).toMatchObject({ stage: "closed_won", amount: 40_000 });
  });
});
