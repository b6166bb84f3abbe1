import { expect, test } from "@playwright/test";
import { ADMIN_STATE, pickOption, unique } from "./support";

test.use({ storageState: ADMIN_STATE });

test("the campaign list opens a campaign with its results", async ({ page }) => {
  await page.goto("/campaigns?status=completed");
  const first = page.getByTestId("campaigns-table").locator("tbody tr").first();
  const name = (await first.locator("a").first().innerText()).trim();
  await first.click();
  await expect(page.getByTestId("campaign-name")).toHaveText(name);
  for (const stat of ["touchpoints", "contacts", "leads", "mqls", "deals", "pipeline", "won"]) {
    await expect(page.getByTestId(`stat-${stat}`)).toBeVisible();
  }
  await expect(page.getByTestId("campaign-budget")).toBeVisible();
  await expect(page.getByTestId("campaign-costs")).toBeVisible();
});

test("a new campaign's actual cost follows the cost lines added and deleted", async ({ page }) => {
  await page.goto("/campaigns");
  await page.getByRole("button", { name: "New campaign" }).click();
  const dialog = page.getByRole("dialog", { name: "New campaign" });
  const name = unique("E2E webinar");
  await dialog.getByLabel("Name").fill(name);
  await pickOption(page, dialog, "Channel", "Webinar");
  await dialog.getByLabel(/^Budget/).fill("5000");
  await dialog.getByRole("button", { name: "Create campaign" }).click();

  await expect(page.getByTestId("campaign-name")).toHaveText(name);
  await expect(page.getByTestId("campaign-actual-cost")).toHaveText(/^\D*0$/);
  await expect(page.getByTestId("campaign-budget-value")).toContainText("5,000");

  const costs = page.getByTestId("campaign-costs");
  await costs.getByRole("button", { name: "Add cost" }).click();
  await costs.getByRole("button", { name: "Add", exact: true }).click();
  await expect(costs.getByText("Required").first()).toBeVisible();
  await costs.getByRole("textbox", { name: "Amount" }).fill("1250");
  await costs.getByRole("textbox", { name: "Description" }).fill("Venue deposit");
  await costs.getByRole("button", { name: "Add", exact: true }).click();

  await expect(costs.getByText("Venue deposit")).toBeVisible();
  await expect(page.getByTestId("campaign-actual-cost")).toContainText("1,250");
  await expect(page.getByTestId("campaign-budget")).toContainText("25% of budget");

  await costs.getByRole("button", { name: "Delete cost Venue deposit" }).click();
  await expect(costs.getByText("Venue deposit")).toHaveCount(0);
  await expect(page.getByTestId("campaign-actual-cost")).toHaveText(/^\D*0$/);
});
