import { beforeAll, describe, expect, it } from "vitest";
import { useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";

// deal_contacts carries each person's persona and first marketing touch (migration 0020) for persona drift's buyer
// mix and decision-maker coverage, and deals the keys of the lead that sourced them and their account's segment
// (migration 0022); triggers keep them as contacts, accounts, deal memberships and touches change.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
let ws: TestWorkspace;
let r: ReturnType<typeof alignmentRows>;
let deal = "";
let ann = "";
let bo = "";

const row = async (contactId: string) =>
  (await h.tdb.ownerDb.pool.query("select persona, first_marketing_at::text as first from deal_contacts where deal_id = $1 and contact_id = $2", [deal, contactId])).rows[0] as { persona: string | null; first: string | null };
const q = (text: string, v: unknown[]) => h.tdb.ownerDb.pool.query(text, v);

beforeAll(async () => {
  ws = await h.workspace("Deal people");
  r = alignmentRows(h, ws);
  const acc = await r.account();
  ann = await r.contact({ accountId: acc, persona: "CTO", name: "Ann A" });
  bo = await r.contact({ accountId: acc, persona: null, name: "Bo B" });
  // Ann was reached before she joined the deal; Bo not yet.
  await r.touch(ann, "webinar_attend", "2026-01-10T00:00:00Z");
  await r.touch(ann, "call", "2026-01-05T00:00:00Z", { category: "sales" });
  deal = await r.deal({ accountId: acc, name: "D", amount: 1_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-02-01T00:00:00Z", outcome: "won" });
  await r.dealContact(deal, ann, "decision_maker");
  await r.dealContact(deal, bo, "champion");
});

describe("deal people", () => {
  it("copies the persona and the first marketing touch (sales touches aside) when a contact joins a deal", async () => {
    expect(await row(ann)).toEqual({ persona: "CTO", first: "2026-01-10 00:00:00+00" });
    expect(await row(bo)).toEqual({ persona: null, first: null });
  });

  it("follows new touches (only an earlier one moves the first), persona changes and removed touches", async () => {
    await r.touch(bo, "email_click", "2026-01-20T00:00:00Z");
    await r.touch(bo, "ebook_download", "2026-01-25T00:00:00Z");
    expect((await row(bo)).first).toBe("2026-01-20 00:00:00+00");
    await r.touch(ann, "ebook_download", "2025-12-24T00:00:00Z");
    expect((await row(ann)).first).toBe("2025-12-24 00:00:00+00");
    await q("update contacts set persona = 'CFO' where id = $1", [bo]);
    expect((await row(bo)).persona).toBe("CFO");
    await q("delete from touchpoints where contact_id = $1 and occurred_at = '2025-12-24T00:00:00Z'", [ann]);
    expect((await row(ann)).first).toBe("2026-01-10 00:00:00+00");
  });

  it("follows anonymous touches given to the contact when the visitor is identified", async () => {
    const cy = await r.contact({ persona: "CTO", name: "Cy C" });
    await r.dealContact(deal, cy, "decision_maker");
    await q(
      `insert into touchpoints (workspace_id, id, contact_id, visitor_id, type, category, channel, occurred_at, received_at)
       values ($1, gen_random_uuid(), null, 'v-1', 'page_view', 'marketing', 'web', '2026-01-02T00:00:00Z', now())`,
      [ws.workspaceId],
    );
    expect((await row(cy)).first).toBeNull();
    await q("update touchpoints set contact_id = $2 where workspace_id = $1 and visitor_id = 'v-1'", [ws.workspaceId, cy]);
    expect((await row(cy)).first).toBe("2026-01-02 00:00:00+00");
  });

  it("copies the sourcing lead's keys and the account's segment onto the deal, and follows their changes", async () => {
    const keys = async (id: string) =>
      (await q("select lead_source, lead_channel, lead_persona, lead_owner_id, lead_segment, lead_partner, segment from deals where id = $1", [id])).rows[0];
    const partner = await r.account({ segment: "smb" });
    const lead = await r.contact({ accountId: partner, persona: "CTO", source: "inbound", channel: "email", ownerId: ws.users.sales.userId, name: "Lee L" });
    const acc = await r.account({ segment: "enterprise" });
    const d = await r.deal({ accountId: acc, name: "Sourced", amount: 500, createdAt: "2026-01-01T00:00:00Z", sourceContactId: lead });
    expect(await keys(d)).toEqual({ lead_source: "inbound", lead_channel: "email", lead_persona: "CTO", lead_owner_id: ws.users.sales.userId, lead_segment: "smb", lead_partner: false, segment: "enterprise" });
    await q("update contacts set source = 'outbound', channel = null, persona = 'CFO', owner_id = null where id = $1", [lead]);
    await q("update accounts set customer_status = 'partner', segment = 'mid' where id = $1", [partner]);
    await q("update accounts set segment = 'mid' where id = $1", [acc]);
    expect(await keys(d)).toEqual({ lead_source: "outbound", lead_channel: null, lead_persona: "CFO", lead_owner_id: null, lead_segment: "mid", lead_partner: true, segment: "mid" });
    // Another sourcing contact: the deal takes its keys; none at all: no lead keys.
    await q("update deals set source_contact_id = $2 where id = $1", [d, ann]);
    expect((await keys(d)).lead_persona).toBe("CTO");
    await q("update deals set source_contact_id = null, primary_contact_id = null where id = $1", [d]);
    expect(await keys(d)).toEqual({ lead_source: null, lead_channel: null, lead_persona: null, lead_owner_id: null, lead_segment: null, lead_partner: false, segment: "mid" });
  });

  it("equals a refresh from scratch", async () => {
    const all = async () => (await q("select contact_id, persona, first_marketing_at from deal_contacts where workspace_id = $1 order by contact_id", [ws.workspaceId])).rows;
    const before = await all();
    await q("update deal_contacts set persona = null, first_marketing_at = null where workspace_id = $1", [ws.workspaceId]);
    await q("select tandem_refresh_deal_people($1, null)", [ws.workspaceId]);
    expect(await all()).toEqual(before);
    const deals = async () => (await q("select id, lead_source, lead_channel, lead_campaign_id, lead_persona, lead_owner_id, lead_segment, lead_partner, segment from deals where workspace_id = $1 order by id", [ws.workspaceId])).rows;
    const dealsBefore = await deals();
    await q("update deals set lead_source = null, lead_persona = null, lead_partner = false, segment = null where workspace_id = $1", [ws.workspaceId]);
    await q("select tandem_refresh_deal_keys($1, null)", [ws.workspaceId]);
    expect(await deals()).toEqual(dealsBefore);
  });
});
