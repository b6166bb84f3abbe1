import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { reportData } from "../../../test/lead-report-data.js";
import type { FunnelRecords, FunnelReport } from "../../shared/contracts/reports/funnel.js";

const h = useHarness({ now: "2026-03-15T12:00:00Z" });
let ws: TestWorkspace;
const ids: Record<string, string> = {};

// The workspace lives in New York: 2026-02-01T03:00Z is still 31 January there.
beforeAll(async () => {
  ws = await h.workspace("Funnel");
  const d = reportData(h, ws.workspaceId);
  await d.timezone("America/New_York");
  const inbound = { source: "inbound" };
  ids.c1 = await d.contact({ ...inbound, firstName: "C1", stage: "sal", at: { lead: "2026-01-05T15:00:00Z", mql: "2026-01-10T15:00:00Z", sal: "2026-01-12T15:00:00Z" } });
  ids.c2 = await d.contact({ ...inbound, firstName: "C2", stage: "lead", at: { lead: "2026-01-20T15:00:00Z" } });
  // Skipped mql and sal: counts as having passed them, but never entered mql, so it is in no mql cohort.
  ids.c3 = await d.contact({ ...inbound, firstName: "C3", stage: "sql", at: { lead: "2026-02-01T03:00:00Z", sql: "2026-02-10T15:00:00Z" } });
  ids.c4 = await d.contact({ ...inbound, firstName: "C4", stage: "rejected", at: { lead: "2026-02-03T15:00:00Z", mql: "2026-02-04T15:00:00Z", rejected: "2026-02-05T15:00:00Z" } });
  // Became a lead before the period: only its later pairs count. Opportunity at 07:00 on 1 Feb in New York.
  ids.c5 = await d.contact({
    ...inbound,
    firstName: "C5",
    stage: "customer",
    at: { lead: "2025-12-15T15:00:00Z", mql: "2026-01-03T15:00:00Z", sal: "2026-01-04T15:00:00Z", sql: "2026-01-10T15:00:00Z", opportunity: "2026-02-01T12:00:00Z", customer: "2026-02-20T15:00:00Z" },
  });
  ids.c6 = await d.contact({ ...inbound, firstName: "C6", stage: "lead", at: { lead: "2026-03-05T15:00:00Z" } });
  ids.c7 = await d.contact({ source: "outbound", firstName: "C7", stage: "mql", at: { lead: "2026-01-07T15:00:00Z", mql: "2026-01-08T15:00:00Z" } });
  // Another workspace's contacts never count.
  const other = await h.workspace("Other");
  await reportData(h, other.workspaceId).contact({ stage: "mql", at: { lead: "2026-01-05T15:00:00Z", mql: "2026-01-06T15:00:00Z" } });
});

const get = async <T>(url: string) => {
  const res = await h.as(ws.users.sdr).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

const pair = (r: FunnelReport, from: string) => r.pairs.find((p) => p.from === from)!;

describe("funnel conversion by cohort", () => {
  it("counts each cohort by the month (workspace zone) it entered the first stage, later stages counting as passed", async () => {
    const r = await get<FunnelReport & { period: unknown }>("/api/v1/reports/funnel?from=2026-01-01&to=2026-02-28");
    expect(r.period).toEqual({ from: "2026-01-01", to: "2026-02-28", timezone: "America/New_York" });
    expect(r.pairs.map((p) => `${p.from}>${p.to}`)).toEqual(["subscriber>lead", "lead>mql", "mql>sal", "sal>sql", "sql>opportunity", "opportunity>customer"]);
    // No subscriber in the period: nothing to divide by.
    expect(pair(r, "subscriber")).toEqual({ from: "subscriber", to: "lead", entered: 0, converted: 0, rate: null, cohorts: [] });
    // Jan leads: C1 (reached mql), C2 (did not), C3 (31 Jan locally; skipped to sql), C7 (mql) → 3 of 4 = 0.75.
    // Feb: C4 (mql) → 1 of 1. C5 became a lead in December and C6 in March: outside. Total 4 of 5 = 0.8.
    expect(pair(r, "lead")).toEqual({
      from: "lead",
      to: "mql",
      entered: 5,
      converted: 4,
      rate: 0.8,
      cohorts: [
        { cohort: "2026-01", entered: 4, converted: 3, rate: 0.75 },
        { cohort: "2026-02", entered: 1, converted: 1, rate: 1 },
      ],
    });
    // Jan MQLs: C5 (sal), C1 (sal), C7 (still mql) → 2 of 3; Feb: C4 rejected → 0 of 1. Total 2 of 4.
    expect(pair(r, "mql")).toMatchObject({ entered: 4, converted: 2, rate: 0.5, cohorts: [{ cohort: "2026-01", entered: 3, converted: 2 }, { cohort: "2026-02", entered: 1, converted: 0, rate: 0 }] });
    // Jan SALs: C5 (reached sql), C1 (did not) → 1 of 2.
    expect(pair(r, "sal")).toMatchObject({ entered: 2, converted: 1, rate: 0.5, cohorts: [{ cohort: "2026-01", entered: 2, converted: 1 }] });
    // SQLs: C5 in Jan (opportunity), C3 in Feb (not yet).
    expect(pair(r, "sql").cohorts).toEqual([
      { cohort: "2026-01", entered: 1, converted: 1, rate: 1 },
      { cohort: "2026-02", entered: 1, converted: 0, rate: 0 },
    ]);
    expect(pair(r, "opportunity").cohorts).toEqual([{ cohort: "2026-02", entered: 1, converted: 1, rate: 1 }]);
  });

  it("applies the lead filters: source inbound leaves C7 out", async () => {
    const r = await get<FunnelReport>("/api/v1/reports/funnel?from=2026-01-01&to=2026-02-28&source=inbound");
    // Jan: C1, C2, C3 → 2 of 3; Feb: C4 → 1 of 1; total 3 of 4.
    expect(pair(r, "lead")).toMatchObject({ entered: 4, converted: 3, rate: 0.75, cohorts: [{ cohort: "2026-01", entered: 3, converted: 2 }, { cohort: "2026-02", entered: 1, converted: 1 }] });
    expect(pair(r, "mql")).toMatchObject({ entered: 3, converted: 2 });
  });

  it("drills down to the contacts that did or did not convert", async () => {
    const no = await get<FunnelRecords>("/api/v1/reports/funnel/records?from=2026-01-01&to=2026-02-28&stage=lead&cohort=2026-01&converted=false");
    expect(no.total).toBe(1);
    expect(no.items).toEqual([expect.objectContaining({ id: ids.c2, name: "C2", stage: "lead", cohort: "2026-01", converted: false, reachedAt: null })]);
    const yes = await get<FunnelRecords>("/api/v1/reports/funnel/records?from=2026-01-01&to=2026-02-28&stage=lead&cohort=2026-01&converted=true");
    expect(yes.total).toBe(3);
    expect(yes.items.map((i) => i.id)).toEqual([ids.c1, ids.c7, ids.c3]);
    // C3 passed mql when it reached sql.
    expect(yes.items[2]).toMatchObject({ enteredAt: "2026-02-01T03:00:00.000Z", reachedAt: "2026-02-10T15:00:00.000Z", converted: true });
    const page = await get<FunnelRecords>("/api/v1/reports/funnel/records?from=2026-01-01&to=2026-02-28&stage=mql&limit=2&offset=2");
    // All four MQLs of the period by entry: C5, C7, C1, C4 → the second page holds C1 and C4.
    expect([page.total, page.items.map((i) => i.id)]).toEqual([4, [ids.c1, ids.c4]]);
  });

  it("refuses a malformed cohort or stage, naming the field", async () => {
    const bad = await h.as(ws.users.sdr).get("/api/v1/reports/funnel/records?stage=customer");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("query.stage");
    const month = await h.as(ws.users.sdr).get("/api/v1/reports/funnel/records?stage=lead&cohort=2026-13");
    expect(month.statusCode).toBe(400);
    expect(month.json().message).toContain("query.cohort");
  });
});
