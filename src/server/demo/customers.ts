/** Settles an account once its deals are known: deal types and names, buying committees, products owned, status. */
import type { DealStage } from "../../shared/domain/deals.js";
import { DAY } from "./calendar.js";
import type { DemoAccount, DemoContext, DemoDeal } from "./context.js";
import { productValue } from "./accounts.js";
import { roleFor } from "./deals.js";
import { Rng } from "./prng.js";
import { PRODUCTS } from "./story.js";

/** Forecast weight of an open deal by stage. */
export const STAGE_PROBABILITY: Partial<Record<DealStage, number>> = { discovery: 0.1, qualification: 0.2, proposal: 0.4, negotiation: 0.6 };

function whitespaceProduct(rng: Rng, account: DemoAccount): number | null {
  const owned = new Set(account.products.map((p) => p.productIndex));
  const free = PRODUCTS.map((_, i) => i).filter((i) => !owned.has(i) && i !== 0);
  return free.length ? (free[rng.int(0, free.length - 1)] as number) : null;
}

function nameDeal(deal: DemoDeal): string {
  const product = deal.productIndex === null ? null : PRODUCTS[deal.productIndex]?.name;
  if (deal.type === "renewal") return `${deal.account.name} — Renewal ${new Date(deal.expectedCloseAt).getUTCFullYear()}`;
  if (deal.type === "cross_sell") return `${deal.account.name} — Cross-sell: ${product ?? "Premium Support"}`;
  if (deal.type === "upsell") return `${deal.account.name} — Upsell: ${product ?? "Premium Support"}`;
  return `${deal.account.name} — New business`;
}

// Walks the account's deals in time order: a funnel deal opened after the account became a customer is an
// expansion — a cross-sell of a product it lacks, or an upsell when it already owns the one picked; won deals add
// products, a lost renewal is churn.
function settleDeals(rng: Rng, account: DemoAccount): void {
  const deals = [...account.deals].sort((a, b) => a.createdAt - b.createdAt);
  let customerFrom = account.existingSince ?? Infinity;
  for (const deal of deals) {
    if (deal.origin === "funnel" && deal.createdAt >= customerFrom) {
      deal.type = "cross_sell";
      deal.amount = Math.max(1_000, Math.round((deal.amount * 0.45) / 100) * 100);
    }
    if (deal.type === "cross_sell" || deal.origin === "expansion") {
      deal.productIndex = whitespaceProduct(rng, account) ?? 6;
      if (deal.origin === "expansion") deal.amount = productValue(rng, deal.productIndex, account.segment);
      deal.type = account.products.some((p) => p.productIndex === deal.productIndex) ? "upsell" : "cross_sell";
    }
    if (deal.outcome === "won" && deal.closedAt !== null) customerFrom = Math.min(customerFrom, deal.closedAt);
  }
  let churned = false;
  for (const deal of deals.filter((d) => d.closedAt !== null).sort((a, b) => (a.closedAt as number) - (b.closedAt as number))) {
    const at = deal.closedAt as number;
    if (deal.outcome === "lost" && deal.type === "renewal") {
      account.products = [];
      churned = true;
    } else if (deal.outcome === "won" && deal.origin !== "historical" && deal.type !== "renewal") {
      const add = deal.type === "new" ? [0, ...(rng.chance(0.3) ? [whitespaceProduct(rng, account) ?? 1] : [])] : [deal.productIndex ?? 6];
      for (const productIndex of add) {
        if (!account.products.some((p) => p.productIndex === productIndex)) account.products.push({ productIndex, since: at, annualValue: productValue(rng, productIndex, account.segment) });
      }
    }
  }
  account.status = account.products.length ? "customer" : churned ? "former_customer" : "prospect";
}

function staffCommittees(rng: Rng, account: DemoAccount): void {
  const colleagues = account.contacts.filter((c) => c.account !== null);
  for (const deal of account.deals) {
    const joined = deal.contacts;
    deal.contacts = [{ contact: deal.primary, role: roleFor(deal.primary.persona, true, rng) }, ...joined.filter((j) => j.contact !== deal.primary)];
    const extra = rng.int(0, account.segment === "Enterprise" ? 3 : 2);
    for (let i = 0; i < extra && colleagues.length; i++) {
      const c = rng.pick(colleagues);
      if (deal.contacts.some((x) => x.contact === c)) continue;
      const hasDecider = deal.contacts.some((x) => x.role === "decision_maker");
      const role = roleFor(c.persona, false, rng);
      deal.contacts.push({ contact: c, role: role === "decision_maker" && hasDecider ? "influencer" : role });
    }
    deal.name = nameDeal(deal);
  }
}

/** Finalises an account after its contacts and deals exist. */
export function settleAccount(ctx: DemoContext, rng: Rng, account: DemoAccount): void {
  settleDeals(rng, account);
  staffCommittees(rng, account);
  let first = account.existingSince ?? Infinity;
  for (const c of account.contacts) if (c.account) first = Math.min(first, c.createdAt);
  account.createdAt = Math.min(ctx.now - DAY, first === Infinity ? ctx.windowStart : first) - Math.floor(rng.between(1, 60) * DAY);
}
