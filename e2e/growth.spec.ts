import { expect, test } from "@playwright/test";
import { ADMIN_STATE, unique } from "./support";

test.use({ storageState: ADMIN_STATE });

test("the whitespace matrix shows owned, pipeline and open cells; a cell opens the account or the open deal", async ({ page }) => {
  await page.goto("/growth");
  await expect(page.getByRole("heading", { name: "Growth", exact: true })).toBeVisible();
  const matrix = page.getByTestId("whitespace-matrix");
  await expect(matrix).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: /Cost Analytics/ })).toBeVisible();
  await expect(page.getByTestId("ws-potential-value")).not.toHaveText("");
  // A product in pipeline opens its open deal.
  await matrix.getByTestId("ws-cell-pipeline").first().click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]+$/);
  await expect(page.getByText(/Cross-sell|Upsell/).first()).toBeVisible();
  // An owned cell opens the account, whose owned products card lists what the matrix showed.
  await page.goBack();
  await matrix.getByTestId("ws-cell-owned").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]+$/);
  await expect(page.getByTestId("account-products").getByTestId("owned-product").first()).toBeVisible();
});

test("schedule a business review on an account from a whitespace cell, then find it among the upcoming reviews", async ({ page }) => {
  const title = unique("Cost Analytics review");
  await page.goto("/growth");
  await page.getByTestId("whitespace-matrix").getByTestId("ws-cell-open").first().click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]+$/);
  const account = (await page.getByTestId("account-name").textContent())!.trim();
  const card = page.getByTestId("account-reviews");
  await card.getByRole("button", { name: "Schedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule a business review" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("When").fill("2031-04-15T10:30");
  await dialog.getByLabel("Agenda").fill("Usage review; Cost Analytics pilot");
  await dialog.getByRole("button", { name: "Schedule" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId("account-review").filter({ hasText: title })).toContainText("Scheduled");
  await page.goto("/growth/reviews");
  const row = page.getByTestId("upcoming-reviews").locator("tr", { hasText: title });
  await expect(row).toContainText(account);
  await expect(row).toContainText("Scheduled");
});

test("the expansion and retention report shows the revenue mix and retention", async ({ page }) => {
  await page.goto("/reports/expansion-retention");
  await expect(page.getByRole("heading", { name: "Expansion & retention" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("growth-revenue-chart")).toBeVisible();
  await expect(page.getByTestId("rev-nrr")).toBeVisible();
  await expect(page.getByTestId("growth-revenue-table")).toContainText("NRR");
});

test("every figure of the expansion and retention report opens the deals behind it", async ({ page }) => {
  // The report and each drill-down query a year of the demo's deals: slow on a loaded machine.
  test.slow();
  await page.goto("/growth");
  await page.getByTestId("growth-revenue-link").click();
  await expect(page.getByRole("heading", { name: "Expansion & retention" })).toBeVisible({ timeout: 30_000 });
  // The churned card: the drawer lists renewals only, lost or ended without a decision.
  await page.getByTestId("rev-churned").getByRole("button").click();
  const drawer = page.getByTestId("drill-content");
  await expect(drawer).toBeVisible();
  await expect(page.getByText("Churned renewals (lost or no decision)")).toBeVisible();
  await expect(drawer.getByTestId("drill-row").first()).toBeVisible();
  const types = await drawer.getByTestId("drill-row").locator("td:nth-child(3)").allInnerTexts();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(["renewal"]));
  await page.keyboard.press("Escape");
  // A month's new-logo cell in the table opens that month's new deals.
  const cell = page.getByTestId("growth-revenue-table").locator("tbody tr").first().locator("[data-drill=true]").first();
  await cell.click();
  await expect(page.getByText(/New-logo deals won · \d{4}-\d{2}/)).toBeVisible();
  await expect(page.getByTestId("drill-content").getByTestId("drill-row").first()).toBeVisible();
});
