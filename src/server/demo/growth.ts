/**
 * Existing-customer growth in the demo (issue 8 part 2): a marketing campaign aimed at the whitespace of one product
 * among customers, and business reviews with three customers — one held with outcomes and next steps, two coming up.
 * Owned products and open cross-sell deals come from the accounts themselves (customers.ts, rows.ts).
 */
import type { PoolClient } from "pg";
import { DAY, isoDate } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { ID_KIND } from "./ids.js";
import { PRODUCTS } from "./story.js";

/** Story: Cost Analytics is the add-on most customers lack; marketing runs a campaign at that whitespace. */
export const WHITESPACE_PRODUCT = "Cost Analytics";
export const WHITESPACE_CAMPAIGN = "Cost Analytics for customers";

const REVIEWS = [
  { offsetDays: -21, status: "held", title: "Quarterly business review", agenda: "Usage and adoption; renewal timeline; roadmap", outcomes: "Adoption is up in two teams; finance asked about cost reporting.", nextSteps: "Demo Cost Analytics to the finance lead; send the renewal quote." },
  { offsetDays: 6, status: "scheduled", title: "Executive business review", agenda: "Value delivered this year; expansion to the EU teams", outcomes: null, nextSteps: null },
  { offsetDays: 13, status: "scheduled", title: "Quarterly business review", agenda: "Support tickets; Automation Studio pilot results", outcomes: null, nextSteps: null },
] as const;

/** Inserts the whitespace campaign with its target and the business reviews; returns the row counts. */
export async function insertDemoGrowth(client: PoolClient, ctx: DemoContext): Promise<Record<string, number>> {
  const w = ctx.workspaceId;
  const productId = ctx.productIds[PRODUCTS.findIndex((p) => p.name === WHITESPACE_PRODUCT)] as string;
  const campaignId = ctx.ids.next(ID_KIND.growth);
  const at = new Date(ctx.now - 2 * DAY).toISOString();
  await client.query(
    `insert into campaigns (workspace_id, id, name, channel, vehicle, status, starts_on, ends_on, budget, target_personas, owner_id, created_at, updated_at)
     values ($1, $2, $3, 'email', 'Customer nurture', 'planned', $4, $5, 4000, '{}', $6, $7, $7)`,
    [w, campaignId, WHITESPACE_CAMPAIGN, isoDate(ctx.now + 7 * DAY), isoDate(ctx.now + 49 * DAY), ctx.staff.marketingManagerId, at],
  );
  await client.query("insert into campaign_whitespace_targets (workspace_id, campaign_id, product_id, segment, customer_status) values ($1, $2, $3, null, 'customer')", [w, campaignId, productId]);
  // The three largest customers by owned value (ties by name): the accounts a team would review first.
  const { rows: accounts } = await client.query<{ id: string; owner_id: string | null }>(
    `select a.id, a.owner_id from accounts a join account_products ap on ap.workspace_id = a.workspace_id and ap.account_id = a.id
     where a.workspace_id = $1 and a.customer_status = 'customer' group by a.workspace_id, a.id order by sum(ap.annual_value) desc, a.name, a.id limit $2`,
    [w, REVIEWS.length],
  );
  let members = 0;
  let people = 0;
  for (const [i, account] of accounts.entries()) {
    const r = REVIEWS[i]!;
    const id = ctx.ids.next(ID_KIND.growth);
    const when = new Date(Math.floor((ctx.now + r.offsetDays * DAY) / 3_600_000) * 3_600_000).toISOString();
    await client.query(
      `insert into account_reviews (workspace_id, id, account_id, scheduled_at, status, title, agenda, outcomes, next_steps, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [w, id, account.id, when, r.status, r.title, r.agenda, r.outcomes, r.nextSteps, account.owner_id, at],
    );
    const ours = [...new Set([account.owner_id, ctx.staff.salesManagerId].filter((x): x is string => x !== null))];
    for (const userId of ours) await client.query("insert into account_review_members (workspace_id, review_id, user_id) values ($1, $2, $3)", [w, id, userId]);
    members += ours.length;
    const res = await client.query(
      `insert into account_review_contacts (workspace_id, review_id, contact_id)
       select $1, $2, c.id from contacts c where c.workspace_id = $1 and c.account_id = $3 order by c.email, c.id limit 2`,
      [w, id, account.id],
    );
    people += res.rowCount ?? 0;
  }
  return { account_reviews: accounts.length, account_review_members: members, account_review_contacts: people, campaign_whitespace_targets: 1 };
}
