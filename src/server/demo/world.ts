/** One account's world: the company, its people and their journeys, its deals and every touch. */
import { createAccount, type AccountPlanner } from "./accounts.js";
import { createContact, pickContactKind } from "./contacts.js";
import type { DemoAccount, DemoContext } from "./context.js";
import { settleAccount } from "./customers.js";
import { createDealDesk, planCustomerDeals } from "./deals.js";
import { simulateLifecycle } from "./lifecycle.js";
import { Rng, mixSeed } from "./prng.js";
import { generateTouches } from "./touchpoints.js";

/** Generates account k from its own random stream, so any account can be rebuilt alone. */
export function generateAccount(ctx: DemoContext, planner: AccountPlanner, k: number): DemoAccount {
  const rng = new Rng(mixSeed(ctx.seed, k, 0xacc));
  const account = createAccount(ctx, rng, k, planner.segmentOf(k));
  const desk = createDealDesk(ctx, rng, account);
  const first = planner.firstContact(k);
  const count = planner.firstContact(k + 1) - first;
  const taken = new Set<string>();
  for (let j = 0; j < count; j++) {
    const kind = j === 0 && account.existingSince !== null ? "buyer" : pickContactKind(rng);
    const contact = createContact(ctx, rng, account, first + j, kind, taken);
    account.contacts.push(contact);
    simulateLifecycle(ctx, rng, contact, desk);
  }
  planCustomerDeals(ctx, rng, account);
  settleAccount(ctx, rng, account);
  for (const contact of account.contacts) generateTouches(ctx, rng, contact);
  return account;
}
