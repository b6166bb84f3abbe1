import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { DecisionMakerCoverage, DecisionMakerCoverageRecords } from "../../shared/contracts/reports/decision-maker-coverage.js";

// Monday 2 March 2026, workspace in UTC; the period is January and February 2026.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-02-28";
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await h.workspace("Coverage");
  const r = alignmentRows(h, ws);
  const acc = await r.account();
  const person = (persona: string, name: string) => r.contact({ accountId: acc, persona, name });
  const deal = (name: string, outcome: "won" | "lost" | "no_decision", closedAt: string) => r.deal({ accountId: acc, name, amount: 1_000, createdAt: "2025-11-01T00:00:00Z", closedAt, outcome });
  // D1 won 20 Jan: its CTO had a webinar before the close → covered.
  const d1 = await deal("D1", "won", "2026-01-20T00:00:00Z");
  const a = await person("CTO", "Ann A");
  await r.dealContact(d1, a, "decision_maker");
  await r.touch(a, "webinar_attend", "2026-01-01T00:00:00Z");
  // D2 lost 10 Feb: its CFO was reached only after the close, its CTO never → not covered.
  const d2 = await deal("D2", "lost", "2026-02-10T00:00:00Z");
  const b = await person("CFO", "Bo B");
  const c = await person("CTO", "Cy C");
  await r.dealContact(d2, b, "decision_maker");
  await r.dealContact(d2, c, "decision_maker");
  await r.touch(b, "email_click", "2026-02-15T00:00:00Z");
  // D3 won 1 Feb: its CFO only had sales calls → not covered.
  const d3 = await deal("D3", "won", "2026-02-01T00:00:00Z");
  const d = await person("CFO", "Di D");
  await r.dealContact(d3, d, "decision_maker");
  await r.touch(d, "call", "2026-01-15T00:00:00Z");
  // D4 no decision 5 Feb: a champion only → no decision maker recorded.
  const d4 = await deal("D4", "no_decision", "2026-02-05T00:00:00Z");
  await r.dealContact(d4, await person("IT Manager", "Ed E"), "champion");
  // D5 won 5 Jan: its CTO downloaded an ebook in December (covered); its VP Engineering was never reached.
  const d5 = await deal("D5", "won", "2026-01-05T00:00:00Z");
  const e = await person("CTO", "Eve E");
  const f = await person("VP Engineering", "Fay F");
  await r.dealContact(d5, e, "decision_maker");
  await r.dealContact(d5, f, "decision_maker");
  await r.touch(e, "content_download", "2025-12-10T00:00:00Z");
  // D6 won in March: outside the period.
  const d6 = await deal("D6", "won", "2026-03-01T00:00:00Z");
  await r.dealContact(d6, a, "decision_maker");
});

describe("decision-maker coverage report", () => {
  it("counts the deals whose decision makers marketing reached before the close, worked out by hand", async () => {
    const res = await h.as(ws.users.sales).get(`/api/v1/reports/decision-maker-coverage?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = json<DecisionMakerCoverage>(res);
    // Closed: D1–D5; with decision makers D1, D2, D3, D5; covered D1, D5 → 2/4; D4 has none.
    expect(c.overall).toEqual({ closed: 5, deals: 4, covered: 2, share: 0.5, noDecisionMaker: 1 });
    // Won: D1, D3, D5 with decision makers, D1 and D5 covered → 2/3; lost: D2, uncovered. no decision: D4, none recorded.
    expect(c.byOutcome.map((o) => [o.outcome, o.deals, o.covered, o.share])).toEqual([["lost", 1, 0, 0], ["no_decision", 0, 0, null], ["won", 3, 2, 2 / 3]]);
    // Covered deals D1, D5 both won → 1; uncovered D2 (lost), D3 (won) → 1/2.
    expect(c.winRate).toEqual({ covered: 1, uncovered: 0.5 });
    // CTOs: Ann (reached), Cy (not), Eve (reached) → 2/3; CFOs: Bo, Di → 0/2; VP Engineering: Fay → 0/1.
    expect(c.byPersona).toEqual([
      { persona: "CTO", decisionMakers: 3, reached: 2, share: 2 / 3 },
      { persona: "CFO", decisionMakers: 2, reached: 0, share: 0 },
      { persona: "VP Engineering", decisionMakers: 1, reached: 0, share: 0 },
    ]);
  });

  it("drills down to the deals with and without coverage", async () => {
    const get = async (q: string) => json<DecisionMakerCoverageRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/decision-maker-coverage/records?${Q}&${q}`));
    expect((await get("coverage=uncovered")).items.map((i) => i.name)).toEqual(["D3", "D2"]);
    expect((await get("coverage=uncovered&persona=CFO")).items.map((i) => i.name)).toEqual(["D3", "D2"]);
    expect((await get("coverage=uncovered&persona=CTO")).items.map((i) => i.name)).toEqual(["D2"]);
    expect(await get("coverage=uncovered&offset=3")).toMatchObject({ items: [], total: 2 });
    const covered = await get("coverage=covered");
    expect(covered.items.map((i) => i.name)).toEqual(["D5", "D1"]);
    const d5 = covered.items[0]!.decisionMakers.map((m) => [m.name, m.firstMarketingTouchAt]).sort();
    expect(d5).toEqual([["Eve E", "2025-12-10T00:00:00.000Z"], ["Fay F", null]]);
    expect((await get("coverage=no_decision_maker")).items.map((i) => [i.name, i.decisionMakers])).toEqual([["D4", []]]);
    expect((await get("coverage=covered&outcome=lost")).total).toBe(0);
  });
});
