/** Companies: how many, which segment, how many contacts each, and their firmographics. */
import { DAY } from "./calendar.js";
import type { DemoAccount, DemoContext } from "./context.js";
import { Rng, mixSeed } from "./prng.js";
import { COMPANY_SUFFIXES, COMPANY_WORDS_A, COMPANY_WORDS_B } from "./names.js";
import {
  CONTACTS_PER_ACCOUNT, INDUSTRIES, OWNED_PRODUCT_COUNT, PRODUCTS, REGIONS, SEGMENT_INFO, SEGMENT_MIX, type Segment,
} from "./story.js";

export type AccountPlanner = {
  count: number;
  segmentOf(k: number): Segment;
  /** Global index of the account's first contact; contacts of account k are [first(k), first(k + 1)). */
  firstContact(k: number): number;
};

const SEGMENTS: readonly Segment[] = ["SMB", "Mid-Market", "Enterprise"];

/** Splits `contacts` over accounts in proportion to their segment's typical buying-committee size. */
export function planAccounts(seed: number, contacts: number): AccountPlanner {
  const count = Math.max(1, Math.round(contacts / CONTACTS_PER_ACCOUNT));
  const rng = new Rng(mixSeed(seed, 0x5e6));
  const segments = new Uint8Array(count);
  const cum = new Float64Array(count + 1);
  for (let k = 0; k < count; k++) {
    const segment = rng.from(SEGMENT_MIX);
    segments[k] = SEGMENTS.indexOf(segment);
    cum[k + 1] = (cum[k] as number) + SEGMENT_INFO[segment].contactWeight;
  }
  const total = cum[count] as number;
  return {
    count,
    segmentOf: (k) => SEGMENTS[segments[k] as number] as Segment,
    firstContact: (k) => (k >= count ? contacts : Math.floor((contacts * (cum[k] as number)) / total)),
  };
}

// k → a unique (first word, second word, generation) triple; 1237 is coprime with 2500, so this permutes.
function accountName(k: number): { name: string; domain: string } {
  const base = COMPANY_WORDS_A.length * COMPANY_WORDS_B.length;
  const j = (k * 1237) % base;
  const a = COMPANY_WORDS_A[j % COMPANY_WORDS_A.length] as string;
  const b = COMPANY_WORDS_B[Math.floor(j / COMPANY_WORDS_A.length)] as string;
  const gen = Math.floor(k / base);
  const suffix = COMPANY_SUFFIXES[k % COMPANY_SUFFIXES.length] as string;
  const tag = gen ? ` ${gen + 1}` : "";
  return { name: `${a} ${b}${tag} ${suffix}`, domain: `${a}${b}${gen ? gen + 1 : ""}.com`.toLowerCase() };
}

/** Builds account k's firmographics, territory owner and (for old customers) the products it owns. */
export function createAccount(ctx: DemoContext, rng: Rng, k: number, segment: Segment): DemoAccount {
  const info = SEGMENT_INFO[segment];
  const region = rng.from(REGIONS);
  const industry = rng.from(INDUSTRIES);
  const employees = Math.round(Math.exp(rng.between(Math.log(info.employees[0]), Math.log(info.employees[1]))));
  const { name, domain } = accountName(k);
  const existingSince = rng.chance(info.existingCustomer) ? ctx.windowStart - Math.floor(rng.between(30, 900) * DAY) : null;
  const account: DemoAccount = {
    id: "",
    index: k,
    name,
    domain,
    industry,
    employees,
    annualRevenue: Math.round((employees * rng.between(120_000, 350_000)) / 1000) * 1000,
    country: rng.pick(region.countries),
    region: region.name,
    segment,
    territory: region.territory,
    ownerId: rng.pick(ctx.staff.ae[region.territory]),
    createdAt: 0,
    existingSince,
    status: existingSince === null ? "prospect" : "customer",
    contacts: [],
    deals: [],
    products: [],
  };
  if (existingSince !== null) {
    const owned = Math.min(PRODUCTS.length, rng.from(OWNED_PRODUCT_COUNT));
    const pool = PRODUCTS.map((_, i) => i).slice(1);
    const picks = [0];
    while (picks.length < owned) picks.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as number);
    for (const productIndex of picks) account.products.push({ productIndex, since: existingSince, annualValue: productValue(rng, productIndex, segment) });
  }
  return account;
}

/** A product's yearly value for an account of this segment. */
export function productValue(rng: Rng, productIndex: number, segment: Segment): number {
  const factor = segment === "Enterprise" ? 4 : segment === "Mid-Market" ? 1.6 : 0.6;
  const list = PRODUCTS[productIndex]?.listPrice ?? 5_000;
  return Math.round((list * factor * rng.between(0.8, 1.2)) / 100) * 100;
}
