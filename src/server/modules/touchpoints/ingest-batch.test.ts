import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";

// Batch-level behaviour of the set-based ingest path (docs/INGEST.md, "Batch ingest"): each affected contact is
// scored once per batch with its touches applied in time order, exactly as if they had arrived one by one.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const NOW = Date.parse("2026-03-02T09:00:00Z");
const at = (minutesBefore: number) => new Date(NOW - minutesBefore * 60_000).toISOString();

type Result = { created: number; duplicates: number; contactsCreated: number; items: { index: number; status: string; id: string | null; contactId: string | null }[] };
type Contact = { id: string; stage: string; fitGrade: string; engagementScore: number };

async function activateStarter(ws: TestWorkspace) {
  const def = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
  await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${def.id}/propose`);
  await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${def.id}/approve`, { side: "marketing" });
  expect((await h.as(ws.users.sales).post(`/api/v1/lead-definitions/${def.id}/approve`, { side: "sales" })).statusCode).toBe(200);
}

const q = async <T>(text: string, params: unknown[]) => (await h.tdb.ownerDb.pool.query(text, params)).rows as T[];

describe("set-based batch ingest", () => {
  it("scores each contact of a batch once, in time order, with caps and the MQL gate as one touch at a time would", async () => {
    const ws = await h.workspace();
    await activateStarter(ws);
    const admin = h.as(ws.users.admin);
    // Starter fit: 200+ employees 20 + VP 25 = 45 ≥ 40 → grade A, so 40 engagement points qualify.
    const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Initech", domain: "initech.example", employees: 500 }));
    const ada = json<Contact>(await admin.post("/api/v1/contacts", { email: "ada@initech.example", seniority: "vp", accountId: account.id, stage: "lead" }));
    const bob = json<Contact>(await admin.post("/api/v1/contacts", { email: "bob@initech.example", seniority: "vp", accountId: account.id, stage: "lead" }));
    expect([ada.fitGrade, bob.fitGrade]).toEqual(["A", "A"]);

    const events = [
      // Ada: four content downloads (capped at 3 a week: 3 × 8 = 24) and two e-mail clicks (2 × 3 = 6) → 30 < 40.
      ...[20, 19, 18, 17].map((m, i) => ({ clientEventId: `ada-dl-${i}`, type: "content_download", email: "ada@initech.example", occurredAt: at(m) })),
      { clientEventId: "ada-click-0", type: "email_click", email: "ada@initech.example", occurredAt: at(16) },
      { clientEventId: "ada-click-1", type: "email_click", email: "ada@initech.example", occurredAt: at(15) },
      // The same client event id again: a duplicate, stored and scored once.
      { clientEventId: "ada-click-1", type: "email_click", email: "ada@initech.example", occurredAt: at(15) },
      // Bob, sent newest first: webinar 15, download 8, webinar 15 = 38; the second download (−7 min) makes 46 ≥ 40
      // and qualifies him; the page view after it (+1) makes 47.
      { clientEventId: "bob-pv", type: "page_view", email: "bob@initech.example", occurredAt: at(6) },
      { clientEventId: "bob-dl-2", type: "content_download", email: "bob@initech.example", occurredAt: at(7) },
      { clientEventId: "bob-web-2", type: "webinar_attend", email: "bob@initech.example", occurredAt: at(8) },
      { clientEventId: "bob-dl-1", type: "content_download", email: "bob@initech.example", occurredAt: at(9) },
      { clientEventId: "bob-web-1", type: "webinar_attend", email: "bob@initech.example", occurredAt: at(10) },
      // A new person named twice in the batch: one contact, two page views (1 + 1 = 2), no account, grade D.
      { clientEventId: "cy-0", type: "page_view", email: "cy@nowhere-co.example", occurredAt: at(5) },
      { clientEventId: "cy-1", type: "page_view", email: "Cy@Nowhere-Co.example", occurredAt: at(4) },
    ];
    const res = await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", { events });
    expect(res.statusCode, res.body).toBe(200);
    const r = json<Result>(res);
    expect(r).toMatchObject({ created: 13, duplicates: 1, contactsCreated: 1 });
    expect(r.items[6]).toMatchObject({ status: "duplicate", id: r.items[5]!.id });
    const cy = r.items[12]!.contactId!;
    expect(r.items[13]!.contactId).toBe(cy);
    expect((await q<{ n: number }>("select count(*)::int as n from contacts where workspace_id = $1 and email = 'cy@nowhere-co.example'", [ws.workspaceId]))[0]!.n).toBe(1);

    // Decay is 2^(−Δ/30 days): a few minutes cost under 0.01 point, so the sums are exact to one decimal.
    const get = async (id: string) => json<Contact>(await admin.get(`/api/v1/contacts/${id}`));
    expect((await get(ada.id)).engagementScore).toBeCloseTo(30, 1);
    expect((await get(ada.id)).stage).toBe("lead");
    expect((await get(bob.id)).engagementScore).toBeCloseTo(47, 1);
    expect((await get(bob.id)).stage).toBe("mql");
    expect(await get(cy)).toMatchObject({ fitGrade: "D", stage: "lead" });
    expect((await get(cy)).engagementScore).toBeCloseTo(2, 1);

    // Points history: Ada 3 downloads + 2 clicks, Bob 5 touches, Cy 2 page views — each touch once.
    const history = await q<{ contact_id: string; n: number }>("select contact_id, count(*)::int as n from score_events where workspace_id = $1 group by contact_id", [ws.workspaceId]);
    expect(Object.fromEntries(history.map((x) => [x.contact_id, x.n]))).toEqual({ [ada.id]: 5, [bob.id]: 5, [cy]: 2 });
    // Bob qualified once, at the touch that lifted him over 40 (engagement read at 09:00: 45.99 → "46.0").
    const moves = await q<{ note: string }>("select note from stage_transitions where workspace_id = $1 and contact_id = $2 and to_stage = 'mql'", [ws.workspaceId, bob.id]);
    expect(moves.map((m) => m.note)).toEqual(['v1: grade A, engagement 46.0 ≥ 40 after "Content download"']);

    // A second batch: Ada's download cap is full (3 in the last 7 days) → 0; a click is her third of 5 → +3 = 33.
    const again = json<Result>(
      await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", {
        events: [
          { clientEventId: "ada-dl-4", type: "content_download", email: "ada@initech.example", occurredAt: at(1) },
          { clientEventId: "ada-click-2", type: "email_click", email: "ada@initech.example", occurredAt: at(0) },
        ],
      }),
    );
    expect(again.created).toBe(2);
    expect((await get(ada.id)).engagementScore).toBeCloseTo(33, 1);
    expect((await q<{ n: number }>("select count(*)::int as n from score_events where workspace_id = $1 and contact_id = $2", [ws.workspaceId, ada.id]))[0]!.n).toBe(6);
  });

  it("gives the new contacts of a batch their persona and fit at once, as creating them one by one does", async () => {
    const ws = await h.workspace();
    await activateStarter(ws);
    const mkt = h.as(ws.users.marketing);
    const none = { titleKeywords: [], seniorities: [], departments: [], industries: [], maxEmployees: null };
    expect((await mkt.post("/api/v1/personas", { name: "Mid-market buyer", criteria: { ...none, minEmployees: 200 } })).statusCode).toBe(201);
    const account = json<{ id: string }>(await h.as(ws.users.admin).post("/api/v1/accounts", { name: "Initech", domain: "initech.example", employees: 500 }));
    // One by one: the contact create path (contactChanged hooks). Starter fit: 200+ employees → 20 → grade C.
    const single = json<{ persona: string | null; personaSource: string | null; fitPoints: number; fitGrade: string }>(
      await h.as(ws.users.admin).post("/api/v1/contacts", { email: "single@initech.example", accountId: account.id }),
    );
    expect(single).toMatchObject({ persona: "Mid-market buyer", personaSource: "matched", fitPoints: 20, fitGrade: "C" });

    const r = json<Result>(
      await mkt.post("/api/v1/touchpoints/batch", {
        events: [
          // E-mail opens score nothing under the starter rules, so the fit below is the new-contact hooks' alone.
          ...[0, 1, 2].map((i) => ({ clientEventId: `new-${i}`, type: "email_open", email: `new${i}@initech.example`, occurredAt: at(5) })),
          // Free mail, no account: −30 → grade D, no persona.
          { clientEventId: "new-gmail", type: "email_open", email: "someone@gmail.com", occurredAt: at(5) },
        ],
      }),
    );
    expect(r).toMatchObject({ created: 4, contactsCreated: 4 });
    // The batch's contacts join Initech by their e-mail domain and get what the single one got.
    const rows = await q<{ email: string; persona: string | null; persona_source: string | null; fit_points: number; fit_grade: string; engagement_score: number; stage: string }>(
      "select email, persona, persona_source, fit_points, fit_grade, engagement_score, stage from contacts where workspace_id = $1 and email <> 'single@initech.example' order by email",
      [ws.workspaceId],
    );
    expect(rows).toEqual([
      { email: "new0@initech.example", persona: "Mid-market buyer", persona_source: "matched", fit_points: 20, fit_grade: "C", engagement_score: 0, stage: "lead" },
      { email: "new1@initech.example", persona: "Mid-market buyer", persona_source: "matched", fit_points: 20, fit_grade: "C", engagement_score: 0, stage: "lead" },
      { email: "new2@initech.example", persona: "Mid-market buyer", persona_source: "matched", fit_points: 20, fit_grade: "C", engagement_score: 0, stage: "lead" },
      { email: "someone@gmail.com", persona: null, persona_source: null, fit_points: -30, fit_grade: "D", engagement_score: 0, stage: "lead" },
    ]);
  });
});
