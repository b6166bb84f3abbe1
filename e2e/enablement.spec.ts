import { expect, test } from "@playwright/test";
import { adminGet, pageAs, signIn, unique } from "./support";

const AE = "ae.east1@northwind.demo";
const MARKETING_MANAGER = "manager.marketing@northwind.demo";

test("the content finder narrows the demo library by stage and persona, and search finds the ROI calculator", async ({ page }) => {
  test.slow();
  await signIn(page, AE);
  await page.goto("/content");
  const results = page.getByTestId("asset-results");
  await expect(results).toContainText("Northwind Platform overview deck");
  const facets = page.getByTestId("facets");
  await facets.getByRole("button", { name: /^Convert · \d+$/ }).click();
  await facets.getByRole("button", { name: /^CFO · \d+$/ }).click();
  await expect(results).toContainText("Team plans pricing one-pager");
  // Engage assets leave the list once the stage is Convert.
  await expect(results).not.toContainText("State of DevOps Report");
  await page.getByRole("textbox", { name: "Search content" }).fill("payback");
  await page.getByRole("textbox", { name: "Search content" }).press("Enter");
  await expect(results.getByRole("row").filter({ hasText: "Cloud ROI Calculator" })).toBeVisible();
  await expect(results).not.toContainText("Team plans pricing one-pager");
});

test("an open deal facing Stackline shows Stackline's battlecard", async ({ page }) => {
  test.slow();
  await signIn(page, AE);
  await page.goto("/competitors");
  await page.getByTestId("competitors-table").getByText("Stackline", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Stackline" })).toBeVisible();
  // The profile lists the deals tagged with it; open ones link to their deal page.
  const deal = page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^(Discovery|Qualification|Proposal|Negotiation)$/ }) }).getByRole("link").first();
  const name = (await deal.innerText()).trim();
  await deal.click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const card = page.getByTestId("competitor-battlecards");
  await expect(card).toContainText("Stackline");
  await expect(card.getByTestId("battlecard-why")).toContainText("Cost Analytics answers the CFO's payback question");
});

test("a rep requests a reference from a deal and the marketing manager approves it", async ({ browser, baseURL }) => {
  test.slow();
  type Deal = { id: string; name: string };
  type Suggestion = { id: string; accountName: string | null; availability: { available: boolean } };
  const me = await adminGet<{ items: { id: string; email: string }[] }>(baseURL!, "/api/v1/users?limit=100");
  const aeId = me.items.find((u) => u.email === AE)!.id;
  const deals = await adminGet<{ items: Deal[] }>(baseURL!, `/api/v1/deals?ownerId=${aeId}&open=true&stage=proposal,negotiation&limit=50`);
  let target: { deal: Deal; ref: Suggestion } | null = null;
  for (const deal of deals.items) {
    const refs = await adminGet<{ uses: unknown[]; suggestions: Suggestion[] }>(baseURL!, `/api/v1/deals/${deal.id}/references`);
    const ref = refs.suggestions.find((s) => s.availability.available);
    if (ref && refs.uses.length === 0) {
      target = { deal, ref };
      break;
    }
  }
  expect(target, "an open deal of the AE with an available reference").not.toBeNull();
  const { deal, ref } = target!;
  const note = unique("Peer call before the final round");

  const rep = await pageAs(browser, AE);
  await rep.page.goto(`/deals/${deal.id}`);
  const card = rep.page.getByTestId("deal-references");
  await card.getByTestId("deal-reference-suggestion").filter({ hasText: ref.accountName ?? "" }).getByRole("button", { name: "Request" }).click();
  await rep.page.getByTestId("reference-request-note").fill(note);
  await rep.page.getByTestId("reference-request-submit").click();
  const use = card.getByTestId("deal-reference-use").filter({ hasText: note });
  await expect(use).toContainText("requested");

  const mkt = await pageAs(browser, MARKETING_MANAGER);
  await mkt.page.goto(`/deals/${deal.id}`);
  const pending = mkt.page.getByTestId("deal-references").getByTestId("deal-reference-use").filter({ hasText: note });
  await pending.getByTestId("approve-reference-use").click();
  await expect(pending).toContainText("approved");

  await rep.page.reload();
  await expect(rep.page.getByTestId("deal-references").getByTestId("deal-reference-use").filter({ hasText: note })).toContainText("approved");
  await rep.close();
  await mkt.close();
});
