/**
 * Customer references and content requests in the demo (issue 7 parts 1 and 2). References are the largest
 * customers (a buyer who speaks for them, their products, a use case, quotes, a case study for the first five);
 * their uses are on deals — approved, waiting, one declined, and one reference at its quarterly cap this quarter.
 * Content requests are what the AEs asked marketing for, on the deals the rising competitor is in.
 */
import type { PoolClient } from "pg";
import { localQuarter, referenceSizeOf } from "../../shared/domain/references.js";
import { DAY, HOUR } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { dayAt, insertRows } from "./enablement-sql.js";
import { ID_KIND } from "./ids.js";
import { Rng, mixSeed } from "./prng.js";
import { RISING_COMPETITOR } from "./story.js";

export type ReferenceAccount = { id: string; name: string; industry: string | null; employees: number | null; region: string | null; products: string[]; speaker: string | null };

/** Per size band (SMB, mid-market, enterprise), how many of its largest customers speak for us. */
const PER_BAND = [2, 4, 6];

/** The customers that speak for us: the largest of each size band by owned value (ties by name), with a buyer as the speaker. */
export async function pickReferenceAccounts(client: PoolClient, ctx: DemoContext): Promise<ReferenceAccount[]> {
  const { rows } = await client.query<ReferenceAccount>(
    `with ranked as (
       select a.id, a.name, a.industry, a.employees, a.region, sum(ap.annual_value) as value,
         row_number() over (partition by case when a.employees < 200 then 0 when a.employees < 2000 then 1 else 2 end order by sum(ap.annual_value) desc, a.name, a.id) as rn,
         case when a.employees < 200 then 0 when a.employees < 2000 then 1 else 2 end as band
       from accounts a join account_products ap on ap.workspace_id = a.workspace_id and ap.account_id = a.id
       where a.workspace_id = $1 and a.customer_status = 'customer' group by a.workspace_id, a.id
     )
     select r.id, r.name, r.industry, r.employees, r.region,
       array(select p.name from account_products x join products p on p.workspace_id = x.workspace_id and p.id = x.product_id
             where x.workspace_id = $1 and x.account_id = r.id order by x.annual_value desc, p.name) as products,
       (select c.first_name || ' ' || c.last_name || ', ' || c.title from contacts c where c.workspace_id = $1 and c.account_id = r.id
          and c.persona in ('VP Engineering', 'CTO', 'Engineering Manager') order by c.created_at, c.id limit 1) as speaker
     from ranked r where r.rn <= ($2::int[])[r.band + 1] order by r.value desc, r.name, r.id`,
    [ctx.workspaceId, PER_BAND],
  );
  return rows;
}

/** The product a reference speaks about: the add-on it owns most, else the platform. */
export function mainProduct(products: readonly string[]): string {
  return products.find((p) => p !== "Northwind Platform") ?? products[0] ?? "Northwind Platform";
}

const USE_CASES: Record<string, string> = {
  "Northwind Platform": "Standardised cloud operations across product teams after a period of fast growth",
  "Cost Analytics": "Mapped cloud spend to teams and cut it by a quarter without slowing delivery",
  "Automation Studio": "Automated routine incident runbooks for an overloaded on-call rotation",
  "Security Guard": "Caught misconfigurations before release and passed the first SOC 2 audit",
  "Integrations Hub": "Connected the delivery toolchain without a dedicated platform team",
  "Data Pipeline": "Reliable operations dashboards fed from forty sources",
  "Premium Support": "A named support engineer through a major migration",
  "Mobile SDK": "Crash and performance telemetry for the mobile apps",
};
const QUOTES = [
  "We had the first team live in twelve days, and the second asked to go next.",
  "Finance finally trusts our cloud forecast.",
  "Our on-call engineers got a day a week back.",
  "It replaced three tools and a spreadsheet nobody owned.",
  "The ROI case was made in the first quarter.",
];

/** Inserts the references and their uses on deals; returns the row counts. */
export async function insertDemoReferences(client: PoolClient, ctx: DemoContext, accounts: readonly ReferenceAccount[], caseStudies: ReadonlyMap<string, string>): Promise<Record<string, number>> {
  const w = ctx.workspaceId;
  const rng = new Rng(mixSeed(ctx.seed, 0x7ef5));
  const owners = [ctx.staff.marketingIds[1], ctx.staff.marketingIds[0]].filter((x): x is string => !!x);
  const refs = accounts.map((a, i) => {
    const main = mainProduct(a.products);
    const created = new Date(ctx.now - (300 - i * 17) * DAY);
    const id = ctx.ids.next(ID_KIND.enablement);
    const owner = owners[i % owners.length] ?? ctx.staff.marketingManagerId;
    // The first reference is our most requested: its own cap of 2 per quarter is used up this quarter. The last is inactive.
    const cap = i === 0 ? 2 : i === 3 ? 4 : null;
    const active = i !== accounts.length - 1;
    const quotes = [QUOTES[i % QUOTES.length], ...(i % 3 === 0 ? [QUOTES[(i + 2) % QUOTES.length]] : [])];
    const row = [w, id, a.id, a.speaker, a.industry, referenceSizeOf(a.employees), a.region, a.products, USE_CASES[main] ?? "", quotes, caseStudies.has(a.id) ? [caseStudies.get(a.id)] : [], owner, cap, active, created, created];
    return { id, account: a, owner, active, row };
  });
  await insertRows(client, "customer_references", ["workspace_id", "id", "account_id", "contact_name", "industry", "size", "region", "products", "use_case", "quotes", "case_study_asset_ids", "owner_id", "quarterly_cap", "active", "created_at", "updated_at"], refs.map((r) => r.row));

  // Deals that ask for references: open late-stage new business (largest first) and recently won deals.
  const { rows: deals } = await client.query<{ id: string; owner_id: string; account_id: string; closed_at: Date | null; created_at: Date }>(
    `select id, owner_id, account_id, closed_at, created_at from deals
     where workspace_id = $1 and type = 'new' and owner_id is not null and stage in ('proposal', 'negotiation', 'closed_won')
       and (closed_at is null or closed_at > $2) order by closed_at is not null, amount desc, id limit 40`,
    [w, new Date(ctx.now - 200 * DAY)],
  );
  const zone = (await client.query<{ timezone: string }>("select timezone from workspaces where id = $1", [w])).rows[0]?.timezone ?? "UTC";
  const quarterStart = localQuarter(zone, new Date(ctx.now)).start.getTime();
  const uses: unknown[][] = [];
  const taken = new Set<string>();
  let d = 0;
  const nextDeal = (ref: (typeof refs)[number], open: boolean) => {
    for (let tries = 0; tries < deals.length; tries++) {
      const deal = deals[(d++) % deals.length]!;
      if (deal.account_id === ref.account.id || (deal.closed_at === null) !== open || taken.has(`${ref.id}|${deal.id}`)) continue;
      taken.add(`${ref.id}|${deal.id}`);
      return deal;
    }
    return null;
  };
  const use = (ref: (typeof refs)[number], open: boolean, status: "approved" | "requested" | "declined", requestedAt: number, decidedAt: number | null, note: string, decision: string | null) => {
    const deal = nextDeal(ref, open);
    if (!deal) return;
    uses.push([w, ctx.ids.next(ID_KIND.enablement), ref.id, deal.id, deal.owner_id, note, status, decidedAt === null ? null : ref.owner, decidedAt === null ? null : new Date(decidedAt), decision, new Date(requestedAt)]);
  };
  // This quarter, between its first day and now: two approvals take the first reference to its cap.
  const span = Math.max(2 * HOUR, ctx.now - quarterStart);
  const inQuarter = (f: number) => quarterStart + Math.floor(span * f);
  const first = refs[0];
  if (first) {
    use(first, true, "approved", inQuarter(0.1), inQuarter(0.2), "Their CFO wants to hear from a customer of the same size before the final round.", null);
    use(first, true, "approved", inQuarter(0.5), inQuarter(0.6), `Competing with ${RISING_COMPETITOR.name}; they want a customer who compared both.`, "Approved — keep it to 30 minutes, they are busy this month.");
    use(first, false, "approved", ctx.now - 150 * DAY, ctx.now - 149 * DAY, "Reference call before signature.", null);
  }
  for (const [i, ref] of refs.slice(1).entries()) {
    if (!ref.active) continue;
    const back = rng.int(100, 190);
    if (i % 2 === 0) use(ref, false, "approved", ctx.now - back * DAY, ctx.now - (back - 2) * DAY, "Reference call for the security review.", null);
    if (i < 3) use(ref, true, "requested", dayAt(ctx.now, i + 1, 10).getTime(), null, "Could we have a 30-minute call with their platform lead next week?", null);
    else if (i < 6) use(ref, true, "approved", dayAt(ctx.now, 20 + i * 3, 11).getTime(), dayAt(ctx.now, 19 + i * 3, 16).getTime(), "Same industry; they asked for a peer call.", null);
    else if (i === 6) use(ref, true, "declined", dayAt(ctx.now, 30, 9).getTime(), dayAt(ctx.now, 29, 15).getTime(), "Need a reference in their region.", "They are mid-renewal with us; not this month. Try the next one in the list.");
  }
  await insertRows(client, "reference_uses", ["workspace_id", "id", "reference_id", "deal_id", "requested_by", "note", "status", "decided_by", "decided_at", "decision_note", "created_at"], uses);
  return { customer_references: refs.length, reference_uses: uses.length };
}

type Req = { title: string; details: string; persona?: string; rival?: boolean; stage?: "engage" | "convert"; priority: "low" | "medium" | "high"; status: "new" | "accepted" | "in_progress" | "delivered" | "declined"; daysAgo: number; result?: string; decline?: string; by: "ae" | "sdr" };

const REQUESTS: readonly Req[] = [
  { title: `Pilot-to-paid comparison against ${RISING_COMPETITOR.name}`, details: "Prospects keep asking why they should pay when the pilot is free. Need a one-pager with the 3-year cost of one and two teams.", rival: true, stage: "convert", priority: "high", status: "delivered", daysAgo: 48, result: "Northwind vs Stackline: pilot-to-paid comparison", by: "ae" },
  { title: "Payback one-pager for CFOs", details: "CFOs join late and only ask about payback. Something shorter than the ROI calculator to send after the call.", persona: "CFO", stage: "convert", priority: "high", status: "in_progress", daysAgo: 11, by: "ae" },
  { title: `Migration guide from ${RISING_COMPETITOR.name}`, details: "Two prospects are ending their pilot and want to know how hard it is to move.", rival: true, stage: "convert", priority: "high", status: "in_progress", daysAgo: 17, by: "ae" },
  { title: "Case study in healthcare", details: "Healthcare prospects ask for a peer in their industry; we have none in the library.", stage: "convert", priority: "medium", status: "accepted", daysAgo: 9, by: "ae" },
  { title: "Short video for developers on the API", details: "Developers at the evaluation want to see the API and SDKs, not slides.", persona: "Developer", stage: "engage", priority: "medium", status: "new", daysAgo: 2, by: "sdr" },
  { title: "Per-team pricing explained", details: "Buyers think we price per seat like the competition. A simple page on team plans.", persona: "CFO", stage: "convert", priority: "medium", status: "delivered", daysAgo: 80, result: "Team plans pricing one-pager", by: "ae" },
  { title: "German translation of the overview deck", details: "Two DACH prospects asked for it.", stage: "convert", priority: "low", status: "declined", daysAgo: 35, decline: "Not this quarter: localisation is planned with the EMEA launch; the English deck with a German voice-over is available.", by: "ae" },
  { title: "Talk track for Operations Directors who block", details: "Ops directors worry about change risk; we lose momentum when they join.", persona: "Operations Director", stage: "engage", priority: "low", status: "new", daysAgo: 1, by: "ae" },
];

/** Inserts the content requests, on the open deals the rising competitor is in where they name it; returns the count. */
export async function insertDemoContentRequests(client: PoolClient, ctx: DemoContext, assetIds: ReadonlyMap<string, string>, rivalId: string | undefined): Promise<Record<string, number>> {
  const w = ctx.workspaceId;
  const { rows: deals } = await client.query<{ id: string; owner_id: string }>(
    `select d.id, d.owner_id from deals d where d.workspace_id = $1 and d.closed_at is null and d.type = 'new' and d.owner_id is not null
       and exists (select 1 from deal_competitors dc where dc.workspace_id = d.workspace_id and dc.deal_id = d.id and dc.competitor_id = $2)
     order by d.amount desc, d.id limit 8`,
    [w, rivalId ?? null],
  );
  const aes = Object.values(ctx.staff.ae).flat();
  const marketers = ctx.staff.marketingIds;
  const rows = REQUESTS.map((r, i) => {
    const deal = r.rival || i % 2 === 0 ? deals[i % Math.max(1, deals.length)] : undefined;
    const by = r.by === "sdr" ? ctx.staff.sdr.quality : (deal?.owner_id ?? aes[i % aes.length]!);
    const created = dayAt(ctx.now, r.daysAgo, 10);
    const moved = r.status === "new" ? created : new Date(Math.min(ctx.now, created.getTime() + (r.status === "delivered" ? 9 : 2) * DAY));
    return [w, ctx.ids.next(ID_KIND.enablement), r.title, r.details, deal?.id ?? null, r.persona ?? null, r.rival ? RISING_COMPETITOR.name : null, r.stage ?? null, r.priority, r.status, by,
      r.status === "new" || r.status === "declined" ? null : (marketers[i % marketers.length] ?? null), r.result ? (assetIds.get(r.result) ?? null) : null, r.decline ?? null, created, moved];
  });
  await insertRows(client, "content_requests", ["workspace_id", "id", "title", "details", "deal_id", "persona", "competitor", "buying_stage", "priority", "status", "requested_by", "assignee_id", "result_asset_id", "decline_reason", "created_at", "updated_at"], rows);
  return { content_requests: rows.length };
}
