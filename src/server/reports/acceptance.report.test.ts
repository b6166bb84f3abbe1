import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { reportData } from "../../../test/lead-report-data.js";
import type { AcceptanceRecords, AcceptanceReport } from "../../shared/contracts/reports/acceptance.js";

const h = useHarness({ now: "2026-03-15T12:00:00Z" });
let ws: TestWorkspace;
const ids: Record<string, string> = {};
const k: Record<string, string> = {};
const team: Record<string, string> = {};
const Q = "from=2026-01-01&to=2026-01-31";
const day = (d: string) => (d.length > 5 ? `${d}T12:00:00Z` : `2026-${d}T12:00:00Z`);

// January's hand-overs (moves into mql): a1 accepted; a2, a3, a4 rejected; a5 pending; a6 recycled; a8 rejected then,
// handed over again, accepted; a9 rejected in February; a12 rejected with a code no longer in the taxonomy.
// a7 was handed over in December. a10 (recycled from sal) and a11 (disqualified from lead) only give reasons.
beforeAll(async () => {
  ws = await h.workspace("Acceptance");
  const d = reportData(h, ws.workspaceId);
  const q = (text: string, v: unknown[]) => h.tdb.ownerDb.pool.query(text, v);
  for (const [name, role] of [["East", "sales"], ["West", "sdr"]] as const) {
    team[name] = (await q("insert into teams (workspace_id, id, name, created_at) values ($1, gen_random_uuid(), $2, now()) returning id", [ws.workspaceId, name])).rows[0].id;
    await q("update memberships set team_id = $3 where workspace_id = $1 and user_id = $2", [ws.workspaceId, ws.users[role].userId, team[name]]);
  }
  k.k1 = await d.campaign("Webinar");
  k.k2 = await d.campaign("Ebook");
  const sales = ws.users.sales.userId;
  const sdr = ws.users.sdr.userId;
  const lead = async (key: string, stage: string, ownerId: string | null, campaignId: string | null, source: string, moves: [string | null, string, string, string?][]) => {
    ids[key] = await d.contact({ firstName: key.toUpperCase(), stage, ownerId, campaignId, source });
    for (const [from, to, at, reason] of moves) await d.move(ids[key], from, to, day(at), reason ?? null);
  };
  await lead("a1", "sal", sales, k.k1, "inbound", [["lead", "mql", "01-03"], ["mql", "sal", "01-04"]]);
  await lead("a2", "rejected", sales, k.k1, "inbound", [["lead", "mql", "01-05"], ["mql", "rejected", "01-06", "not_icp"]]);
  await lead("a3", "rejected", sdr, k.k2, "inbound", [["lead", "mql", "01-07"], ["mql", "rejected", "01-08", "student"]]);
  await lead("a4", "rejected", sdr, k.k2, "outbound", [["lead", "mql", "01-09"], ["mql", "rejected", "01-10", "student"]]);
  await lead("a5", "mql", sdr, k.k2, "outbound", [["lead", "mql", "01-11"]]);
  await lead("a6", "recycled", sales, null, "outbound", [["lead", "mql", "01-12"], ["mql", "recycled", "01-13", "no_response"]]);
  await lead("a7", "sal", sales, k.k1, "inbound", [["lead", "mql", "2025-12-28"], ["mql", "sal", "01-02"]]);
  await lead("a8", "sal", sdr, k.k1, "inbound", [["lead", "mql", "01-14"], ["mql", "rejected", "01-15", "bad_data"], ["rejected", "mql", "01-20"], ["mql", "sal", "01-21"]]);
  await lead("a9", "rejected", null, k.k2, "inbound", [["lead", "mql", "01-25"], ["mql", "rejected", "02-02", "not_icp"]]);
  await lead("a10", "recycled", sales, null, "inbound", [["mql", "sal", "2025-11-02"], ["sal", "recycled", "01-18", "bad_timing"]]);
  await lead("a11", "disqualified", null, null, "inbound", [["lead", "disqualified", "01-19", "spam"]]);
  await lead("a12", "rejected", sdr, k.k2, "inbound", [["lead", "mql", "01-26"], ["mql", "rejected", "01-27", "legacy_code"]]);
});

const get = async <T>(url: string) => {
  const res = await h.as(ws.users.marketing).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};
const counts = (r: { handedOver: number; accepted: number; rejected: number; pending: number; recycled: number; disqualified: number; rate: number | null }) => [r.handedOver, r.accepted, r.rejected, r.pending, r.recycled, r.disqualified, r.rate];

describe("lead acceptance", () => {
  it("rates accepted ÷ (accepted + rejected) of January's hand-overs, pending apart, broken down four ways", async () => {
    const r = await get<AcceptanceReport>(`/api/v1/reports/acceptance?${Q}`);
    // 10 hand-overs (a8 twice): accepted a1, a8#2; rejected a2, a3, a4, a8#1, a9, a12; pending a5; recycled a6 → 2 / 8.
    expect(counts(r.totals)).toEqual([10, 2, 6, 1, 1, 0, 0.25]);
    // sdr (West): a3, a4, a5, a8 ×2, a12 → 1 of 5 decided; sales (East): a1, a2, a6 → 1 of 2; no owner: a9 → 0 of 1.
    expect(r.byRep.map((x) => [x.key, x.label, ...counts(x)])).toEqual([
      [ws.users.sdr.userId, "Acceptance sdr", 6, 1, 4, 1, 0, 0, 0.2],
      [ws.users.sales.userId, "Acceptance sales", 3, 1, 1, 0, 1, 0, 0.5],
      [null, null, 1, 0, 1, 0, 0, 0, 0],
    ]);
    expect(r.byTeam.map((x) => [x.key, x.label, x.handedOver, x.rate])).toEqual([
      [team.West, "West", 6, 0.2],
      [team.East, "East", 3, 0.5],
      [null, null, 1, 0],
    ]);
    // Ebook: a3, a4, a5, a9, a12 → 0 of 4; Webinar: a1, a2, a8 ×2 → 2 of 4; no campaign: a6 recycled → nothing decided.
    expect(r.byCampaign.map((x) => [x.label, ...counts(x)])).toEqual([
      ["Ebook", 5, 0, 4, 1, 0, 0, 0],
      ["Webinar", 4, 2, 2, 0, 0, 0, 0.5],
      [null, 1, 0, 0, 0, 1, 0, null],
    ]);
    // inbound: a1, a2, a3, a8 ×2, a9, a12 → 2 of 7; outbound: a4, a5, a6 → 0 of 1.
    expect(r.bySource.map((x) => [x.key, x.handedOver, x.accepted, x.rejected, x.rate])).toEqual([
      ["inbound", 7, 2, 5, 2 / 7],
      ["outbound", 3, 0, 1, 0],
    ]);
  });

  it("lists the reasons of the moves made in January, with labels and shares", async () => {
    const r = await get<AcceptanceReport>(`/api/v1/reports/acceptance?${Q}`);
    // Rejections in January: a2 not_icp, a3 and a4 student, a8 bad_data, a12 legacy_code (a9's came in February) → 5.
    expect(r.reasons.reject).toEqual({
      total: 5,
      reasons: [
        { code: "student", label: "Student or job seeker", count: 2, share: 0.4 },
        { code: "bad_data", label: "Bad or fake contact data", count: 1, share: 0.2 },
        { code: "legacy_code", label: "legacy_code", count: 1, share: 0.2 },
        { code: "not_icp", label: "Not our ideal customer profile", count: 1, share: 0.2 },
      ],
    });
    expect(r.reasons.recycle).toEqual({
      total: 2,
      reasons: [
        { code: "bad_timing", label: "Bad timing, revisit later", count: 1, share: 0.5 },
        { code: "no_response", label: "No response after attempts", count: 1, share: 0.5 },
      ],
    });
    expect(r.reasons.disqualify).toEqual({ total: 1, reasons: [{ code: "spam", label: "Spam", count: 1, share: 1 }] });
  });

  it("filters by campaign: Webinar's four hand-overs, half accepted", async () => {
    const r = await get<AcceptanceReport>(`/api/v1/reports/acceptance?${Q}&campaignId=${k.k1}`);
    expect(counts(r.totals)).toEqual([4, 2, 2, 0, 0, 0, 0.5]);
    expect(r.reasons.reject.reasons.map((x) => [x.code, x.count])).toEqual([["bad_data", 1], ["not_icp", 1]]);
  });

  it("drills down to the leads behind a rate and behind a reason", async () => {
    const rej = await get<AcceptanceRecords>(`/api/v1/reports/acceptance/records?${Q}&outcome=rejected&repId=${ws.users.sdr.userId}`);
    expect(rej.total).toBe(4);
    expect(rej.items.map((i) => i.id)).toEqual([ids.a3, ids.a4, ids.a8, ids.a12]);
    expect(rej.items[2]).toMatchObject({ outcome: "rejected", handedOverAt: "2026-01-14T12:00:00.000Z", decidedAt: "2026-01-15T12:00:00.000Z", reasonCode: "bad_data", reasonLabel: "Bad or fake contact data", ownerName: "Acceptance sdr", campaignName: "Webinar" });
    const student = await get<AcceptanceRecords>(`/api/v1/reports/acceptance/records?${Q}&reasonKind=reject&reason=student`);
    expect([student.total, student.items.map((i) => i.id)]).toEqual([2, [ids.a3, ids.a4]]);
    expect(student.items[0]).toMatchObject({ handedOverAt: "2026-01-07T12:00:00.000Z", decidedAt: "2026-01-08T12:00:00.000Z", outcome: "rejected" });
    const recycled = await get<AcceptanceRecords>(`/api/v1/reports/acceptance/records?${Q}&reasonKind=recycle`);
    // a6 left mql (handed over on the 12th); a10 was recycled from sal, so it has no hand-over behind this move.
    expect(recycled.items.map((i) => [i.id, i.handedOverAt, i.reasonLabel])).toEqual([
      [ids.a6, "2026-01-12T12:00:00.000Z", "No response after attempts"],
      [ids.a10, null, "Bad timing, revisit later"],
    ]);
    const pending = await get<AcceptanceRecords>(`/api/v1/reports/acceptance/records?${Q}&outcome=pending`);
    expect(pending.items).toEqual([expect.objectContaining({ id: ids.a5, outcome: "pending", decidedAt: null, reasonLabel: null })]);
  });
});
