import { expect, test, type Page } from "@playwright/test";
import { adminGet, pageAs, pickOption, unique } from "./support";

const AE = "ae.east1@northwind.demo";
const CONTENT_MARKETER = "marketing2@northwind.demo";

/** The card of a request on the board, in one status column. */
const cardIn = (page: Page, status: string, title: string) => page.getByTestId(`requests-${status}`).getByTestId("content-request-card").filter({ hasText: title });

test("a rep asks marketing for content from a deal; marketing accepts and delivers an asset, and declines another ask with a reason", async ({ browser, baseURL }) => {
  test.slow();
  const users = await adminGet<{ items: { id: string; email: string }[] }>(baseURL!, "/api/v1/users?limit=100");
  const aeId = users.items.find((u) => u.email === AE)!.id;
  const deal = (await adminGet<{ items: { id: string; name: string }[] }>(baseURL!, `/api/v1/deals?ownerId=${aeId}&open=true&limit=5`)).items[0]!;
  const asked = unique("Payback model for the CFO");
  const declined = unique("Spanish datasheet");

  // The AE asks from the deal page: the dialog knows the deal.
  const rep = await pageAs(browser, AE);
  await rep.page.goto(`/deals/${deal.id}`);
  await rep.page.getByTestId("request-content").click();
  const dialog = rep.page.getByRole("dialog", { name: "Request content" });
  await expect(dialog).toContainText(`For ${deal.name}.`);
  await dialog.getByTestId("content-request-title").fill(asked);
  await dialog.getByTestId("content-request-details").fill("The CFO wants payback inside twelve months.");
  await pickOption(rep.page, dialog, "Priority", "High");
  await dialog.getByTestId("content-request-submit").click();
  await expect(dialog).toBeHidden();
  // And a second ask from the requests board, for no deal.
  await rep.page.goto("/content/requests");
  await rep.page.getByTestId("request-content").click();
  const second = rep.page.getByRole("dialog", { name: "Request content" });
  await second.getByTestId("content-request-title").fill(declined);
  await second.getByTestId("content-request-submit").click();
  await expect(cardIn(rep.page, "new", declined)).toBeVisible();
  // A rep sees the board but has no moves.
  await expect(cardIn(rep.page, "new", asked).getByRole("button", { name: "Accept" })).toHaveCount(0);

  // Marketing works the board: accept, then deliver with an asset of the library.
  const mkt = await pageAs(browser, CONTENT_MARKETER);
  await mkt.page.goto("/content/requests");
  await expect(cardIn(mkt.page, "new", asked)).toContainText(deal.name);
  await expect(cardIn(mkt.page, "new", asked)).toContainText("high");
  await cardIn(mkt.page, "new", asked).getByRole("button", { name: "Accept" }).click();
  await cardIn(mkt.page, "accepted", asked).getByRole("button", { name: "Done…" }).click();
  const deliver = mkt.page.getByRole("dialog", { name: /^Deliver/ });
  await deliver.getByRole("combobox", { name: "The resulting asset" }).fill("ROI");
  await mkt.page.getByRole("option", { name: /Cloud ROI Calculator/ }).click();
  await deliver.getByTestId("deliver-submit").click();
  await expect(cardIn(mkt.page, "delivered", asked).getByTestId("request-result")).toHaveText("→ Cloud ROI Calculator");
  // The other ask is declined with a reason the requester sees.
  await cardIn(mkt.page, "new", declined).getByRole("button", { name: "Decline" }).click();
  await mkt.page.getByLabel("Reason (the requester sees it)").fill("No Spanish market this year");
  await mkt.page.getByRole("button", { name: "Decline request" }).click();
  await expect(cardIn(mkt.page, "declined", declined)).toContainText("Declined: No Spanish market this year");
  await mkt.close();

  // The AE sees both outcomes; the delivered one links to the asset.
  await rep.page.reload();
  await expect(cardIn(rep.page, "declined", declined)).toContainText("No Spanish market this year");
  await cardIn(rep.page, "delivered", asked).getByTestId("request-result").click();
  await expect(rep.page.getByRole("heading", { name: "Cloud ROI Calculator" })).toBeVisible();
  await rep.close();
});
