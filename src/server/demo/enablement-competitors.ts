/**
 * Competitors and battlecards in the demo (issue 7 part 3): a profile and a published battlecard for each competitor
 * the deals name (story.ts COMPETITORS), and the deals tagged with them (`deal_competitors`, the truth for "which
 * competitors"). Tags come from three places: the competitor named at close (as migration 0012 backfilled and the CRM
 * hook keeps), won deals where a competitor was in the running, and open deals — mostly the rising competitor now.
 */
import type { PoolClient } from "pg";
import { DAY } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { insertRows } from "./enablement-sql.js";
import { ID_KIND } from "./ids.js";
import { Rng, mixSeed } from "./prng.js";
import { COMPETITORS, RISING_COMPETITOR } from "./story.js";

type Card = {
  website: string; positioning: string; pricing: string; strengths: string[]; weaknesses: string[];
  whyWeWin: string[]; objections: { objection: string; response: string }[]; landmines: string[]; proofPoints: string[];
};

const CARDS: Record<(typeof COMPETITORS)[number], Card> = {
  Stackline: {
    website: "https://stackline.example", positioning: "Developer-first cloud operations, land with a free 90-day pilot and expand per seat.",
    pricing: "Free 90-day pilot; then $45 per seat per month; SSO and audit logs only on Enterprise (+30 %).",
    strengths: ["Free pilot lowers the first yes", "Slick developer onboarding", "Aggressive first-year discounts (up to 30 %)"],
    weaknesses: ["Per-seat pricing climbs fast with a second team", "No cost analytics: spend reporting is an export", "SSO and audit logs cost extra", "Thin support outside US hours"],
    whyWeWin: ["Cost of two teams over three years is 35–45 % lower with team plans", "Cost Analytics answers the CFO's payback question; they have nothing to show", "Guardrails and audit trails included, not an upsell", "24/5 support in EMEA and APAC"],
    objections: [
      { objection: "Stackline gives us a free pilot — why pay for yours?", response: "Offer our 30-day proof of value with agreed success criteria; then show the cost of the second team on both sides. Their pilot converts at list price." },
      { objection: "Their developers love the CLI.", response: "Ours has a CLI and typed SDKs too; let their lead engineer run the sandbox for a day. Ask who will own the bill." },
      { objection: "They came in 30 % cheaper.", response: "First year only. Put year two and three side by side, with SSO and audit logs priced in." },
    ],
    landmines: ["Ask how they will report cloud spend per team to finance", "Ask what SSO and audit logs cost after the pilot", "Ask for their support hours in your region"],
    proofPoints: ["Three customers moved from Stackline last year after their pilot ended", "Median payback 8.5 months (Cost Analytics customers)", "G2 leader in cloud cost management, three quarters running"],
  },
  Cloudvane: {
    website: "https://cloudvane.example", positioning: "Enterprise suite for large IT departments; sells top-down to the CIO.",
    pricing: "Annual enterprise licence from $120k; professional services usually 30–50 % on top.",
    strengths: ["Brand trust with large enterprises", "Broad suite (ITSM, assets, cost)", "Large partner ecosystem"],
    weaknesses: ["Six-month implementations", "Engineering teams find it heavy", "Pricing opaque; services-heavy"],
    whyWeWin: ["Live in two weeks, not two quarters", "Engineering adopts it: self-serve, API-first", "Transparent pricing without mandatory services"],
    objections: [{ objection: "Cloudvane is already our ITSM vendor.", response: "We integrate with their ITSM (Integrations Hub); keep tickets there and give engineering a tool it will use." }],
    landmines: ["Ask for the implementation plan and who delivers it", "Ask how engineering teams self-serve"],
    proofPoints: ["Platform live for the first team in 12 days at a 9,000-employee insurer", "Net revenue retention 118 %"],
  },
  Byteforge: {
    website: "https://byteforge.example", positioning: "Open-source core with a paid cloud; appeals to teams that like to build.",
    pricing: "Free open-source core; hosted plan by usage; support contracts from $20k.",
    strengths: ["Open source, no lock-in story", "Strong community", "Cheap to start"],
    weaknesses: ["You run and upgrade it yourselves", "Few guardrails or policy features", "Enterprise features are roadmap"],
    whyWeWin: ["No platform team needed to run it", "Policy, audit and cost in the box", "Predictable cost of ownership"],
    objections: [{ objection: "We can run Byteforge ourselves for free.", response: "Cost the engineer-weeks of running, upgrading and securing it; compare with our team plan." }],
    landmines: ["Ask who patches it at 2 a.m.", "Ask how they prove compliance to auditors"],
    proofPoints: ["Two customers replaced self-run Byteforge and freed a half-time engineer each"],
  },
  OpsPilot: {
    website: "https://opspilot.example", positioning: "AI-assisted incident response for SRE teams.",
    pricing: "Per responder per month ($60); AI features in the top tier.",
    strengths: ["Strong incident response and paging", "AI summaries of incidents"],
    weaknesses: ["Narrow: no cost or platform management", "Gets expensive with many responders"],
    whyWeWin: ["One platform instead of a point tool", "Automation Studio fixes the incident, not only summarises it"],
    objections: [{ objection: "OpsPilot's AI summaries are impressive.", response: "Summaries tell you what broke; our automations fix the routine ones. Show a runbook automated end to end." }],
    landmines: ["Ask what share of their incidents repeat", "Ask how they will see cost per service"],
    proofPoints: ["Customers cut repeat incidents by 40 % with Automation Studio"],
  },
};

type DealRow = { id: string; outcome: string | null; stage: string; created_at: Date; closed_at: Date | null; updated_at: Date };

/** Inserts the profiles, battlecards and deal tags; returns the competitor ids by name and the row counts. */
export async function insertDemoCompetitors(client: PoolClient, ctx: DemoContext): Promise<{ competitorIds: Map<string, string>; counts: Record<string, number> }> {
  const w = ctx.workspaceId;
  const rng = new Rng(mixSeed(ctx.seed, 0xc0b7));
  const owner = ctx.staff.marketingIds[1] ?? ctx.staff.marketingManagerId;
  const competitorIds = new Map<string, string>();
  const profiles: unknown[][] = [];
  const cards: unknown[][] = [];
  for (const name of COMPETITORS) {
    const c = CARDS[name];
    const id = ctx.ids.next(ID_KIND.enablement);
    competitorIds.set(name, id);
    const created = new Date(ctx.windowStart + 20 * DAY);
    // The rising competitor's card was reworked as it started taking deals; the others are older.
    const saved = new Date(ctx.now - (name === RISING_COMPETITOR.name ? 12 : 120) * DAY);
    profiles.push([w, id, name, c.website, c.positioning, c.pricing, c.strengths, c.weaknesses, created, saved]);
    cards.push([w, id, owner, c.whyWeWin, JSON.stringify(c.objections), c.landmines, c.proofPoints, name === RISING_COMPETITOR.name ? 4 : 2, saved, owner]);
  }
  await insertRows(client, "competitors", ["workspace_id", "id", "name", "website", "positioning", "pricing", "strengths", "weaknesses", "created_at", "updated_at"], profiles);
  await insertRows(client, "battlecards", ["workspace_id", "competitor_id", "owner_id", "why_we_win", "objections", "landmines", "proof_points", "version", "updated_at", "updated_by"], cards);

  // The competitor named on a deal is a tag on it (migration 0012's backfill, the CRM hook's rule).
  const named = await client.query(
    `insert into deal_competitors (workspace_id, deal_id, competitor_id, created_at)
     select d.workspace_id, d.id, c.id, d.updated_at from deals d join competitors c on c.workspace_id = d.workspace_id and lower(c.name) = lower(btrim(d.competitor))
     where d.workspace_id = $1 and d.competitor is not null and btrim(d.competitor) <> ''`,
    [w],
  );
  // Won and open new-business deals where no competitor is named: some had one in the running.
  const { rows } = await client.query<DealRow>(
    `select id, outcome, stage, created_at, closed_at, updated_at from deals
     where workspace_id = $1 and type = 'new' and competitor is null and (outcome = 'won' or (closed_at is null and stage <> 'discovery')) order by id`,
    [w],
  );
  const { rows: top } = await client.query<{ id: string }>(
    "select id from deals where workspace_id = $1 and closed_at is null and type = 'new' and owner_id is not null order by amount desc, name, id limit 1",
    [w],
  );
  const others = COMPETITORS.filter((c) => c !== RISING_COMPETITOR.name);
  const tags: unknown[][] = [];
  for (const d of rows) {
    const at = (d.closed_at ?? new Date(ctx.now)).getTime();
    const f = Math.min(1, Math.max(0, (at - ctx.windowStart) / (ctx.now - ctx.windowStart)));
    const rising = RISING_COMPETITOR.from + (RISING_COMPETITOR.to - RISING_COMPETITOR.from) * f;
    const forced = d.id === top[0]?.id;
    if (!forced && !rng.chance(0.45)) continue;
    const name = forced || rng.chance(rising) ? RISING_COMPETITOR.name : rng.pick(others);
    tags.push([w, d.id, competitorIds.get(name), new Date(Math.min(d.updated_at.getTime(), d.created_at.getTime() + 3 * DAY))]);
  }
  await insertRows(client, "deal_competitors", ["workspace_id", "deal_id", "competitor_id", "created_at"], tags);
  return { competitorIds, counts: { competitors: profiles.length, battlecards: cards.length, deal_competitors: (named.rowCount ?? 0) + tags.length } };
}
