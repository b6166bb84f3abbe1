import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { alignmentRows } from "../../../../test/alignment-rows.js";
import type { PassedLeads } from "../../../shared/contracts/team.js";

// Workspace in UTC; now is 1 July 2026. The period is January–March 2026.
const h = useHarness({ now: "2026-07-01T09:00:00Z" });
const Q = "from=2026-01&to=2026-03";
let ws: TestWorkspace;
let sdrA: string;
let sdrB: string;
const c: Record<string, string> = {};
const camp: Record<string, string> = {};

beforeAll(async () => {
  ws = await h.workspace("Leads");
  sdrA = ws.users.sdr.userId;
  sdrB = json<{ user: { id: string } }>(await h.as(ws.users.admin).post("/api/v1/users", { email: `zoe@${ws.slug}.test`, name: "Zoe Second", role: "sdr", password: "a long password" })).user.id;
  const r = alignmentRows(h, ws);
  const w = ws.workspaceId;
  const acct = await r.account({ name: "Acme" });
  camp.web = await r.campaign({ name: "Webinar" });
  camp.ebook = await r.campaign({ name: "Ebook" });
  const lead = async (name: string, o: { mql?: string; sal?: string; campaign?: string; sdr?: string }) => {
    const id = await r.contact({ accountId: acct, name, campaignId: o.campaign, ownerId: ws.users.sales.userId });
    await r.exec("update contacts set sdr_id = $3, mql_at = $4, sal_at = $5 where workspace_id = $1 and id = $2", [w, id, o.sdr ?? sdrA, o.mql ?? null, o.sal ?? null]);
    c[name.split(" ")[0]!] = id;
    return id;
  };
  const timer = (contactId: string, state: "met" | "breached" | "running", at: string) =>
    r.timer({ kind: "accept", contactId, startedAt: at, dueAt: at, state, metAt: state === "met" ? at : undefined, breachedAt: state === "breached" ? at : undefined });
  // Ann (Webinar): accepted, accept SLA met; her deal won 10,000 in March.
  await lead("Ann Archer", { mql: "2026-01-05T10:00:00Z", sal: "2026-01-06T10:00:00Z", campaign: camp.web });
  await timer(c.Ann!, "met", "2026-01-05T10:00:00Z");
  await r.deal({ accountId: acct, name: "Ann deal", sourceContactId: c.Ann, amount: 10_000, createdAt: "2026-01-20T00:00:00Z", closedAt: "2026-03-01T00:00:00Z", outcome: "won", reasonCode: "product_fit" });
  // Bo (Webinar): rejected for no budget, after the accept SLA breached.
  await lead("Bo Brown", { mql: "2026-01-10T10:00:00Z", campaign: camp.web });
  await r.transition(c.Bo!, "mql", "rejected", "2026-01-11T10:00:00Z", "no_budget");
  await timer(c.Bo!, "breached", "2026-01-10T10:00:00Z");
  // Cy (Ebook): accepted, an open new-business deal where he is the primary contact → opportunity.
  await lead("Cy Cole", { mql: "2026-02-01T10:00:00Z", sal: "2026-02-02T10:00:00Z", campaign: camp.ebook });
  await timer(c.Cy!, "met", "2026-02-01T10:00:00Z");
  await r.deal({ accountId: acct, name: "Cy deal", primaryContactId: c.Cy, amount: 8_000, createdAt: "2026-02-10T00:00:00Z" });
  // Di (Ebook): rejected as a student.
  await lead("Di Dunn", { mql: "2026-02-15T10:00:00Z", campaign: camp.ebook });
  await r.transition(c.Di!, "mql", "rejected", "2026-02-16T10:00:00Z", "student");
  // Ed (Ebook): accepted; his deal was lost on price.
  await lead("Ed Eve", { mql: "2026-03-01T10:00:00Z", sal: "2026-03-02T10:00:00Z", campaign: camp.ebook });
  await r.deal({ accountId: acct, name: "Ed deal", sourceContactId: c.Ed, amount: 6_000, createdAt: "2026-03-05T00:00:00Z", closedAt: "2026-03-20T00:00:00Z", outcome: "lost", reasonCode: "price" });
  // Flo (no campaign): waiting, the accept SLA still running. Jo: rejected in December, passed again in February → pending.
  await lead("Flo Fay", { mql: "2026-03-10T10:00:00Z" });
  await timer(c.Flo!, "running", "2026-03-10T10:00:00Z");
  await lead("Jo Jay", { mql: "2026-02-20T10:00:00Z" });
  await r.transition(c.Jo!, "mql", "rejected", "2025-12-01T10:00:00Z", "not_icp");
  // Gus: an outbound lead the SDR qualified straight to SAL at 31 March 23:00 → passed in March, accepted.
  await lead("Gus Gray", { sal: "2026-03-31T23:00:00Z" });
  // Outside: Hal passed in April; Ivy is the other SDR's; Kim was never passed.
  await lead("Hal Hart", { mql: "2026-04-02T10:00:00Z", campaign: camp.web });
  await lead("Ivy Ito", { mql: "2026-01-20T10:00:00Z", sdr: sdrB, campaign: camp.web });
  await lead("Kim Kay", {});
  // A renewal with Ann as primary contact is not her sourced deal.
  await r.deal({ accountId: acct, name: "Renewal", type: "renewal", primaryContactId: c.Ann, amount: 3_000, createdAt: "2026-03-01T00:00:00Z", closedAt: "2026-03-25T00:00:00Z", outcome: "lost", reasonCode: "price" });
});

const leads = async (q: string, as = ws.users.sdr) => json<PassedLeads>(await h.as(as).get(`/api/v1/sdr-leads?${Q}${q}`));

describe("an SDR's passed leads", () => {
  it("what became of each lead, newest first, with the counts per status", async () => {
    const res = await leads("");
    expect(res.sdr).toEqual({ userId: sdrA, name: "Leads sdr" });
    // 8 passed in Jan–Mar: Gus (31 Mar 23:00), Flo, Ed, Jo, Di, Cy, Bo, Ann.
    expect(res.total).toBe(8);
    expect(res.counts).toEqual({ pending: 2, rejected: 2, accepted: 1, opportunity: 1, won: 1, lost: 1, no_decision: 0 });
    expect(res.leads.map((l) => [l.name, l.status, l.sla, l.campaignName])).toEqual([
      ["Gus Gray", "accepted", null, null],
      ["Flo Fay", "pending", "open", null],
      ["Ed Eve", "lost", null, "Ebook"],
      ["Jo Jay", "pending", null, null],
      ["Di Dunn", "rejected", null, "Ebook"],
      ["Cy Cole", "opportunity", "met", "Ebook"],
      ["Bo Brown", "rejected", "breached", "Webinar"],
      ["Ann Archer", "won", "met", "Webinar"],
    ]);
    const by = Object.fromEntries(res.leads.map((l) => [l.name.split(" ")[0], l]));
    expect(by.Bo).toMatchObject({ rejectReasonCode: "no_budget", rejectReasonLabel: "No budget", dealId: null, wonRevenue: 0, ownerName: "Leads sales", accountName: "Acme" });
    expect(by.Ed).toMatchObject({ dealName: "Ed deal", dealAmount: 6_000, lossReasonCode: "price", lossReasonLabel: "Price", rejectReasonCode: null });
    expect(by.Ann).toMatchObject({ dealName: "Ann deal", wonRevenue: 10_000, lossReasonCode: null, passedAt: "2026-01-05T10:00:00.000Z" });
    expect(by.Cy).toMatchObject({ dealName: "Cy deal", dealAmount: 8_000, wonRevenue: 0 });
  });

  it("ranks the campaigns by accepted rate, then won revenue", async () => {
    const res = await leads("");
    // No campaign: Flo, Jo (pending), Gus (accepted) → 1 / (1 + 0) = 1. Ebook: Cy, Ed accepted, Di rejected → 2/3.
    // Webinar: Ann accepted (won 10,000), Bo rejected → 1/2.
    expect(res.campaigns).toEqual([
      { campaignId: null, name: "No campaign", passed: 3, accepted: 1, rejected: 0, acceptedRate: 1, won: 0, wonRevenue: 0 },
      { campaignId: camp.ebook, name: "Ebook", passed: 3, accepted: 2, rejected: 1, acceptedRate: 2 / 3, won: 0, wonRevenue: 0 },
      { campaignId: camp.web, name: "Webinar", passed: 2, accepted: 1, rejected: 1, acceptedRate: 0.5, won: 1, wonRevenue: 10_000 },
    ]);
  });

  it("filters by status, campaign and SLA, and pages", async () => {
    const rejected = await leads("&status=rejected");
    expect(rejected.leads.map((l) => [l.name, l.rejectReasonLabel])).toEqual([["Di Dunn", "Student or job seeker"], ["Bo Brown", "No budget"]]);
    expect(rejected.total).toBe(2);
    expect(rejected.counts.pending).toBe(2);
    expect((await leads(`&campaignId=${camp.ebook}`)).leads.map((l) => l.name)).toEqual(["Ed Eve", "Di Dunn", "Cy Cole"]);
    expect((await leads("&sla=breached")).leads.map((l) => l.name)).toEqual(["Bo Brown"]);
    const page = await leads("&limit=3&offset=3");
    expect([page.total, page.leads.map((l) => l.name)]).toEqual([8, ["Jo Jay", "Di Dunn", "Cy Cole"]]);
    const none = await leads("&status=no_decision");
    expect([none.total, none.leads, none.counts.won]).toEqual([0, [], 1]);
  });

  it("an SDR sees their own; managers pick any SDR; others none", async () => {
    expect((await h.as(ws.users.sdr).get(`/api/v1/sdr-leads?${Q}&sdrId=${sdrB}`)).statusCode).toBe(403);
    expect((await h.as(ws.users.sdr).get(`/api/v1/sdr-leads?${Q}&sdrId=${randomUUID()}`)).statusCode).toBe(404);
    const other = await leads(`&sdrId=${sdrB}`, ws.users.manager);
    expect([other.sdr.name, other.leads.map((l) => l.name)]).toEqual(["Zoe Second", ["Ivy Ito"]]);
    const unnamed = await h.as(ws.users.manager).get(`/api/v1/sdr-leads?${Q}`);
    expect(unnamed.statusCode).toBe(400);
    expect(json<{ message: string }>(unnamed).message).toContain("query.sdrId");
    expect((await h.as(ws.users.sales).get(`/api/v1/sdr-leads?${Q}`)).statusCode).toBe(403);
    expect((await h.as(ws.users.sdr).get(`/api/v1/sdr-leads?${Q}&campaignId=${randomUUID()}`)).statusCode).toBe(404);
  });
});
