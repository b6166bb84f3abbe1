import type { Harness, TestWorkspace } from "./harness.js";
import { json } from "./harness.js";
import { multipartFile } from "./multipart.js";
import { DEFAULT_CALENDAR } from "../src/shared/contracts/business-calendar.js";
import { createContentFixture, type ContentFixture } from "./content-fixture.js";
import { createEnablementSalesFixture, type EnablementSalesFixture } from "./fixture-enablement-sales.js";
import { createReferencesFixture, type ReferencesFixture } from "./fixture-references.js";
import { createInsightsFixture, type InsightsFixture } from "./fixture-insights.js";
import { createSwotFixture, type SwotFixture } from "./fixture-swot.js";
import { createFieldInsightsFixture, type FieldInsightsFixture } from "./fixture-field-insights.js";

export type Fixture = TestWorkspace & ContentFixture & {
  accountId: string;
  emptyAccountId: string;
  contactId: string;
  mqlContactId: string;
  dealId: string;
  openDealId: string;
  campaignId: string;
  emptyCampaignId: string;
  costId: string;
  touchpointId: string;
  teamId: string;
  /** A round-robin rule of the team above. */
  routingRuleId: string;
  /** An SDR pod: the sdr user with the sales user as its one AE. */
  podId: string;
  /** A second SDR, in no pod. */
  spareSdrId: string;
  invitationId: string;
  invitationToken: string;
  tokenId: string;
  draftDefinitionId: string;
  proposedDefinitionId: string;
  activeDefinitionId: string;
  /** A queued back-test of the proposed version. */
  backtestJobId: string;
  /** A notification of the sales user (the proposal asks for their approval). */
  salesNotificationId: string;
  /** The workspace-wide accept-within policy (a default); the team above has its own business calendar. */
  slaPolicyId: string;
  /** One of the campaign's leads sales rejected as a student (seeded with eleven more and three accepted CTOs). */
  rejectedContactId: string;
  /** A playbook (e-mail first) written by marketing. */
  playbookId: string;
  /** A webhook endpoint (public address literal, all events). */
  webhookEndpointId: string;
  /** A pending test delivery to that endpoint. */
  webhookDeliveryId: string;
  /** The draft joint review of 2025-Q4, with one action owned by the marketing user. */
  reviewId: string;
  reviewActionId: string;
  /** The weekly digest of the week of 2026-02-16 (sent on demand). */
  digestId: string;
  /** An uploaded (not started) contacts import of two rows. */
  importId: string;
  /** A deal closed as won (product fit, against Stackline) on the fixture's account. */
  closedDealId: string;
  /** A per-meeting commission plan (50 per meeting) with the SDR on it. */
  compPlanId: string;
  /** A product (Analytics, 12,000 list) the account owns since 2025-06-01; the unused campaign targets its whitespace. */
  productId: string;
  /** A business review scheduled with the account (the sales user and Pat attending). */
  accountReviewId: string;
} & EnablementSalesFixture & ReferencesFixture & InsightsFixture & SwotFixture & FieldInsightsFixture;

/** A workspace with one of everything, created through the API as its admin. */
export async function createFixture(h: Harness, name = "Fixture"): Promise<Fixture> {
  const ws = await h.workspace(name);
  const admin = h.as(ws.users.admin);
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string; [k: string]: unknown };
  };
  const team = await ok(admin.post("/api/v1/teams", { name: "AE East" }));
  const account = await ok(admin.post("/api/v1/accounts", { name: `${name} Corp`, domain: `${name.toLowerCase()}-corp.example`, industry: "software", employees: 500 }));
  const emptyAccount = await ok(admin.post("/api/v1/accounts", { name: `${name} Empty Ltd` }));
  const campaign = await ok(admin.post("/api/v1/campaigns", { name: `${name} Webinar`, channel: "webinar", startsOn: "2026-01-10", endsOn: "2026-02-10", budget: 5000 }));
  const emptyCampaign = await ok(admin.post("/api/v1/campaigns", { name: `${name} Unused`, channel: "email" }));
  const withCost = await ok(admin.post(`/api/v1/campaigns/${campaign.id}/costs`, { incurredOn: "2026-01-15", amount: 1200, description: "Platform fee" }));
  const costId = (withCost.costs as { id: string }[])[0]!.id;
  const contact = await ok(admin.post("/api/v1/contacts", { email: `pat@${name.toLowerCase()}-corp.example`, firstName: "Pat", lastName: "Lee", accountId: account.id, originalCampaignId: campaign.id }));
  const mql = await ok(admin.post("/api/v1/contacts", { email: `sam@${name.toLowerCase()}-corp.example`, firstName: "Sam", lastName: "Ray", accountId: account.id }));
  await ok(admin.post(`/api/v1/contacts/${mql.id}/stage`, { stage: "mql" }));
  const deal = await ok(admin.post("/api/v1/deals", { accountId: account.id, name: `${name} platform`, amount: 30000, primaryContactId: contact.id, sourceCampaignId: campaign.id }));
  const openDeal = await ok(admin.post("/api/v1/deals", { accountId: account.id, name: `${name} expansion`, amount: 8000, type: "expansion" }));
  const touchpoint = await ok(admin.post("/api/v1/touchpoints", { contactId: contact.id, type: "webinar_attend", campaignId: campaign.id, channel: "webinar" }));
  const invited = await ok(admin.post("/api/v1/users", { email: `invitee@${ws.slug}.test`, name: "Invitee", role: "sales" }));
  const invitation = invited.invitation as { id: string; url: string };
  const invitationId = invitation.id;
  const invitationToken = invitation.url.split("/invite/")[1]!;
  const token = await ok(admin.post("/api/v1/tokens", { name: "spare", scopes: ["read"] }));
  const spareSdr = await ok(admin.post("/api/v1/users", { email: `sdr2@${ws.slug}.test`, name: "Second SDR", role: "sdr", password: "a long password" }));
  const routingRule = await ok(admin.post("/api/v1/routing-rules", { kind: "round_robin", name: "AE East round-robin", teamId: team.id, capacity: 10 }));
  const pod = await ok(admin.post("/api/v1/pods", { name: "Pod East", sdrId: ws.users.sdr.userId, memberIds: [ws.users.sales.userId] }));
  const proposed = await ok(h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
  await ok(h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${proposed.id}/propose`));
  const draft = await ok(h.as(ws.users.sales).post("/api/v1/lead-definitions", {}));
  const active = await ok(h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
  await ok(h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${active.id}/propose`));
  await ok(h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${active.id}/approve`, { side: "marketing" }));
  await ok(h.as(ws.users.sales).post(`/api/v1/lead-definitions/${active.id}/approve`, { side: "sales" }));
  const backtest = await ok(h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${proposed.id}/backtests`, { months: 6 }));
  const slaPolicies = await ok(admin.get("/api/v1/sla-policies"));
  const slaPolicyId = (slaPolicies.items as { id: string; kind: string }[]).find((p) => p.kind === "accept")!.id;
  await ok(admin.put(`/api/v1/business-calendars/teams/${team.id}`, { calendar: { ...DEFAULT_CALENDAR, timezone: "Europe/Berlin" } }));
  const rejectedContactId = await seedRejections(h, ws.workspaceId, campaign.id);
  const feed = await ok(h.as(ws.users.sales).get("/api/v1/notifications"));
  const salesNotificationId = (feed.items as { id: string }[])[0]!.id;
  const playbook = await ok(h.as(ws.users.marketing).post("/api/v1/playbooks", { name: "E-mail first", firstChannel: "email", steps: [{ day: 0, channel: "email", action: "Reply" }] }));
  const webhook = await ok(admin.post("/api/v1/webhooks", { url: "https://93.184.215.14/fixture-hooks", description: "Fixture" }));
  const webhookDelivery = await ok(admin.post(`/api/v1/webhooks/${webhook.id}/test`));
  const reviewJob = await ok(h.as(ws.users.manager).post("/api/v1/reviews", { quarter: "2025-Q4" }));
  // Only the review's job runs here: the other queued jobs (the backtest) stay as the sweep expects them.
  const generated = await h.modules.jobs.jobs.run(ws.workspaceId, String(reviewJob.id));
  const review = { id: String(generated!.result!.reviewId) };
  const reviewAction = await ok(h.as(ws.users.manager).post(`/api/v1/reviews/${review.id}/actions`, { title: "Tighten the student filter", ownerId: ws.users.marketing.userId, dueOn: "2026-01-31" }));
  const digest = await ok(h.as(ws.users.manager).post("/api/v1/digests", { weekStart: "2026-02-16" }));
  const closedDeal = await ok(admin.post("/api/v1/deals", { accountId: account.id, name: `${name} pilot`, amount: 4000, sdrId: ws.users.sdr.userId }));
  await ok(admin.post(`/api/v1/deals/${closedDeal.id}/close`, { outcome: "won", reasonCode: "product_fit", competitor: "Stackline" }));
  const compPlan = await ok(admin.post("/api/v1/comp-plans", { name: "Per meeting", kind: "per_meeting", amountPerMeeting: 50 }));
  await ok(admin.put(`/api/v1/comp-plans/${compPlan.id}/reps`, { userIds: [ws.users.sdr.userId] }));
  const product = await ok(admin.post("/api/v1/products", { name: "Analytics", family: "Add-ons", listPrice: 12000 }));
  await ok(admin.put(`/api/v1/accounts/${account.id}/products/${product.id}`, { since: "2025-06-01T00:00:00Z", annualValue: 10000 }));
  await ok(admin.put(`/api/v1/campaigns/${emptyCampaign.id}/whitespace-target`, { productId: product.id }));
  const accountReview = await ok(admin.post(`/api/v1/accounts/${account.id}/reviews`, { title: "Quarterly business review", scheduledAt: "2026-03-20T14:00:00Z", memberIds: [ws.users.sales.userId], contactIds: [contact.id] }));
  const content = await createContentFixture(h, ws, { contactId: contact.id, dealId: deal.id });
  return {
    ...ws,
    ...content,
    accountId: account.id,
    emptyAccountId: emptyAccount.id,
    contactId: contact.id,
    mqlContactId: mql.id,
    dealId: deal.id,
    openDealId: openDeal.id,
    campaignId: campaign.id,
    emptyCampaignId: emptyCampaign.id,
    costId,
    touchpointId: touchpoint.id,
    teamId: team.id,
    routingRuleId: routingRule.id,
    podId: pod.id,
    spareSdrId: (spareSdr.user as { id: string }).id,
    invitationId,
    invitationToken,
    tokenId: token.id,
    draftDefinitionId: draft.id,
    proposedDefinitionId: proposed.id,
    activeDefinitionId: active.id,
    backtestJobId: backtest.id,
    salesNotificationId,
    slaPolicyId,
    rejectedContactId,
    playbookId: playbook.id,
    webhookEndpointId: webhook.id,
    webhookDeliveryId: webhookDelivery.id,
    reviewId: review.id,
    reviewActionId: reviewAction.id,
    digestId: digest.id,
    closedDealId: closedDeal.id,
    compPlanId: compPlan.id,
    productId: product.id,
    accountReviewId: accountReview.id,
    importId: await uploadImport(h, ws.users.admin.token),
    ...(await createEnablementSalesFixture(h, ws, { dealId: deal.id, campaignId: campaign.id, emptyCampaignId: emptyCampaign.id, accountId: account.id })),
    ...(await createReferencesFixture(h, ws, { accountId: account.id, dealId: deal.id, assetId: content.assetId })),
    ...(await createInsightsFixture(h, ws)),
    ...(await createSwotFixture(h, ws, { campaignId: campaign.id, dealId: deal.id, productId: product.id })),
    // After the persona and competitor above: the insight links to them.
    ...(await createFieldInsightsFixture(h, ws, { dealId: deal.id })),
  };
}

async function uploadImport(h: Harness, token: string): Promise<string> {
  const { payload, headers } = multipartFile("people.csv", "email,last name\nann@fixture.example,Ann\nbo@fixture.example,Bo\n");
  const res = await h.app.inject({ method: "POST", url: "/api/v1/imports?entity=contacts", payload, headers: { ...headers, authorization: `Bearer ${token}` } });
  if (res.statusCode !== 201) throw new Error(`fixture step failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/**
 * Sales' decisions on 15 of the campaign's MQLs, written straight to the tables (the sweep builds many fixtures):
 * 12 rejected as students, 3 accepted CTOs — enough for a rejection suggestion on the campaign.
 */
async function seedRejections(h: Harness, workspaceId: string, campaignId: string): Promise<string> {
  const at = new Date(h.clock.now().getTime() - 10 * 86_400_000);
  const res = await h.tdb.ownerDb.pool.query(
    `with c as (
       insert into contacts (workspace_id, id, email, first_name, title, original_campaign_id, stage, stage_entered_at, created_at, updated_at)
       select $1, gen_random_uuid(), 'seed' || i || '@students.example', 'Seed ' || i, case when i <= 12 then 'Student' else 'CTO' end, $2,
         case when i <= 12 then 'rejected' else 'sal' end, $3, $3, $3
       from generate_series(1, 15) i returning id, title)
     insert into stage_transitions (workspace_id, id, contact_id, from_stage, to_stage, at, actor_kind, reason_code)
     select $1, gen_random_uuid(), c.id, 'mql', case when c.title = 'Student' then 'rejected' else 'sal' end, $3, 'user', case when c.title = 'Student' then 'student' end
     from c returning contact_id, to_stage`,
    [workspaceId, campaignId, at],
  );
  return (res.rows as { contact_id: string; to_stage: string }[]).find((r) => r.to_stage === "rejected")!.contact_id;
}

export { json };
