/** The campaign calendar: campaigns and their monthly cost lines, and which ones run on a given day. */
import { DAY, isoDate, isoMonth, monthStart } from "./calendar.js";
import { ID_KIND, type IdFactory } from "./ids.js";
import { Rng, mixSeed, weighted, type WeightedTable } from "./prng.js";
import { CAMPAIGNS, type CampaignSpec, type Persona } from "./story.js";

export type CampaignPlan = {
  index: number;
  spec: CampaignSpec;
  id: string;
  slug: string;
  startsAt: number;
  /** Exclusive end (midnight after the last day). */
  endsAt: number;
  status: "planned" | "active" | "completed";
  /** `{source, medium, campaign}` as JSON, for contacts' utm_first / utm_last. */
  utm: string | null;
  costs: { id: string; on: number; cents: number; description: string }[];
  budgetCents: number;
  ownerIndex: number;
};

export type CampaignCatalog = {
  list: CampaignPlan[];
  ebook: CampaignPlan;
  /** Campaigns running on the day of `at`, weighted for engagement touches. */
  touchTableAt(at: number): WeightedTable<CampaignPlan> | null;
  /** Campaigns bringing in new contacts on the day of `at`, favouring those that target `persona`. */
  acquisitionTableAt(at: number, persona: Persona): WeightedTable<CampaignPlan> | null;
};

/** A URL-ish slug of a campaign name, used as utm_campaign. */
export function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function latestFullQ3(now: number): number {
  const year = new Date(now).getUTCFullYear();
  const thisYear = Date.UTC(year, 6, 1);
  return Date.UTC(year, 9, 1) <= now ? thisYear : Date.UTC(year - 1, 6, 1);
}

function planCosts(spec: CampaignSpec, startsAt: number, now: number, scale: number, rng: Rng, ids: IdFactory) {
  const costs: CampaignPlan["costs"] = [];
  let planned = 0;
  for (let m = 0; m < spec.months; m++) {
    const on = Date.UTC(new Date(startsAt).getUTCFullYear(), new Date(startsAt).getUTCMonth() + m, 1);
    // Always-on campaigns start with the window, so their compounding spend is what makes cost per lead climb.
    const base = spec.monthlyCost * Math.pow(1 + spec.growth, m) * scale;
    planned += base;
    if (on > now) continue;
    const cents = Math.max(100, Math.round(base * rng.between(0.92, 1.08) * 100));
    costs.push({ id: ids.next(ID_KIND.campaignCost), on, cents, description: `${spec.vehicle} spend ${isoMonth(on)}` });
  }
  return { costs, budgetCents: Math.round(planned * 1.1) * 100 };
}

/** Lays out every campaign relative to `now` with ids, dates, status and cost lines. */
export function planCampaigns(seed: number, now: number, scale: number, ids: IdFactory, marketingCount: number): CampaignCatalog {
  const rng = new Rng(mixSeed(seed, 0xca4));
  const list = CAMPAIGNS.map((spec, index): CampaignPlan => {
    const startsAt = spec.start === "q3" ? latestFullQ3(now) : monthStart(now, spec.start);
    const d = new Date(startsAt);
    const endsAt = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + spec.months, 1);
    const status = startsAt > now ? "planned" : endsAt <= now ? "completed" : "active";
    const id = ids.next(ID_KIND.campaign);
    const slug = slugify(spec.name);
    const utm = spec.utm ? JSON.stringify({ source: spec.utm.source, medium: spec.utm.medium, campaign: slug }) : null;
    const { costs, budgetCents } = planCosts(spec, startsAt, now, scale, rng, ids);
    return { index, spec, id, slug, startsAt, endsAt, status, utm, costs, budgetCents, ownerIndex: index % marketingCount };
  });
  const ebook = list.find((c) => c.spec.key === "ebook");
  if (!ebook) throw new Error("the story needs the ebook campaign");
  const touchCache = new Map<number, WeightedTable<CampaignPlan> | null>();
  const acquisitionCache = new Map<string, WeightedTable<CampaignPlan> | null>();
  const running = (day: number) => list.filter((c) => c.startsAt <= day && day < c.endsAt && c.startsAt <= now);
  return {
    list,
    ebook,
    touchTableAt(at) {
      const day = Math.floor(at / DAY) * DAY;
      if (!touchCache.has(day)) {
        const entries = running(day).filter((c) => c.spec.touches > 0).map((c) => [c, c.spec.touches] as const);
        touchCache.set(day, entries.length ? weighted(entries) : null);
      }
      return touchCache.get(day) ?? null;
    },
    acquisitionTableAt(at, persona) {
      const day = Math.floor(at / DAY) * DAY;
      const key = `${day}:${persona}`;
      if (!acquisitionCache.has(key)) {
        const entries = running(day)
          .filter((c) => c.spec.acquisition > 0 && c.spec.key !== "ebook")
          .map((c) => [c, c.spec.acquisition * (c.spec.personas.includes(persona) ? 2.5 : 1)] as const);
        acquisitionCache.set(key, entries.length ? weighted(entries) : null);
      }
      return acquisitionCache.get(key) ?? null;
    },
  };
}

/** The brief stored on a campaign: goal, audience, message. */
export function campaignBrief(c: CampaignPlan): Record<string, unknown> {
  return {
    objective: c.spec.acquisition > 0 ? "Generate qualified pipeline" : "Nurture existing leads",
    audience: c.spec.personas,
    keyMessage: `${c.spec.vehicle}: cut cloud costs without slowing engineering down`,
    callToAction: c.spec.asset ? `Get "${c.spec.asset}"` : "Book a demo",
  };
}

/** Sum of a campaign's cost lines in cents. */
export function actualCostCents(c: CampaignPlan): number {
  return c.costs.reduce((sum, line) => sum + line.cents, 0);
}

/** `YYYY-MM-DD` of a campaign's last day. */
export function lastDay(c: CampaignPlan): string {
  return isoDate(c.endsAt - DAY);
}
