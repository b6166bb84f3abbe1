import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { reportData } from "../../../test/lead-report-data.js";
import type { VelocityRecords, VelocityReport } from "../../shared/contracts/reports/velocity.js";

const h = useHarness({ now: "2026-03-15T12:00:00Z" });
let ws: TestWorkspace;
const ids: Record<string, string> = {};
const Q = "from=2026-01-01&to=2026-02-28";

// A UTC workspace. MQL → SAL hours: Jan cohort 10, 24, 4, 72 (and v5 skipped straight to sql); Feb cohort 6.
beforeAll(async () => {
  ws = await h.workspace("Velocity");
  const d = reportData(h, ws.workspaceId);
  ids.v1 = await d.contact({ firstName: "V1", stage: "sal", at: { mql: "2026-01-01T00:00:00Z", sal: "2026-01-01T10:00:00Z" } });
  ids.v2 = await d.contact({ firstName: "V2", stage: "sal", at: { mql: "2026-01-05T00:00:00Z", sal: "2026-01-06T00:00:00Z" } });
  ids.v3 = await d.contact({ firstName: "V3", stage: "sal", at: { mql: "2026-01-10T00:00:00Z", sal: "2026-01-10T04:00:00Z" } });
  ids.v4 = await d.contact({ firstName: "V4", stage: "sql", ownerId: ws.users.sales.userId, at: { mql: "2026-01-20T00:00:00Z", sal: "2026-01-23T00:00:00Z", sql: "2026-01-23T12:00:00Z" } });
  ids.v5 = await d.contact({ firstName: "V5", stage: "sql", at: { mql: "2026-01-25T00:00:00Z", sql: "2026-01-26T00:00:00Z" } });
  ids.v6 = await d.contact({ firstName: "V6", stage: "mql", at: { mql: "2026-01-28T00:00:00Z" } });
  ids.v7 = await d.contact({ firstName: "V7", stage: "sal", ownerId: ws.users.sales.userId, at: { mql: "2026-02-02T00:00:00Z", sal: "2026-02-02T06:00:00Z" } });
});

const get = async <T>(url: string) => {
  const res = await h.as(ws.users.manager).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

describe("stage velocity", () => {
  it("gives median, p25 and p75 hours per pair and cohort, interpolated, with skipped stages counted apart", async () => {
    const r = await get<VelocityReport>(`/api/v1/reports/velocity?${Q}`);
    const mql = r.pairs.find((p) => p.from === "mql")!;
    // Jan sorted 4, 10, 24, 72: median (10+24)/2 = 17; p25 at rank 0.75 → 4 + 0.75·6 = 8.5; p75 at 2.25 → 24 + 0.25·48 = 36.
    expect(mql.cohorts).toEqual([
      { cohort: "2026-01", contacts: 4, skipped: 1, medianHours: 17, p25Hours: 8.5, p75Hours: 36 },
      { cohort: "2026-02", contacts: 1, skipped: 0, medianHours: 6, p25Hours: 6, p75Hours: 6 },
    ]);
    // The period: 4, 6, 10, 24, 72 → median 10, p25 (rank 1) 6, p75 (rank 3) 24. V6 has not reached sal: not counted.
    expect(mql).toMatchObject({ from: "mql", to: "sal", contacts: 5, skipped: 1, medianHours: 10, p25Hours: 6, p75Hours: 24 });
    // SAL → SQL: only V4, 12 hours; V5 never entered sal, so it is no SAL cohort member.
    expect(r.pairs.find((p) => p.from === "sal")).toMatchObject({ contacts: 1, skipped: 0, medianHours: 12, cohorts: [{ cohort: "2026-01", contacts: 1, medianHours: 12 }] });
    expect(r.pairs.find((p) => p.from === "lead")).toEqual({ from: "lead", to: "mql", contacts: 0, skipped: 0, medianHours: null, p25Hours: null, p75Hours: null, cohorts: [] });
  });

  it("applies the rep filter: the sales rep's V4 (72 h) and V7 (6 h)", async () => {
    const r = await get<VelocityReport>(`/api/v1/reports/velocity?${Q}&repId=${ws.users.sales.userId}`);
    expect(r.pairs.find((p) => p.from === "mql")).toMatchObject({ contacts: 2, skipped: 0, medianHours: 39, p25Hours: 22.5, p75Hours: 55.5 });
  });

  it("drills down to the contacts with their hours, fastest first and the skipped last", async () => {
    const r = await get<VelocityRecords>(`/api/v1/reports/velocity/records?${Q}&stage=mql&cohort=2026-01`);
    expect(r.total).toBe(5);
    expect(r.items.map((i) => [i.id, i.hours, i.skipped])).toEqual([
      [ids.v3, 4, false],
      [ids.v1, 10, false],
      [ids.v2, 24, false],
      [ids.v4, 72, false],
      [ids.v5, null, true],
    ]);
    expect(r.items[0]).toMatchObject({ name: "V3", enteredAt: "2026-01-10T00:00:00.000Z", reachedAt: "2026-01-10T04:00:00.000Z" });
  });
});
