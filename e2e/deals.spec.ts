import { expect, test } from "@playwright/test";
import { ADMIN_STATE, pickOption } from "./support";

test.use({ storageState: ADMIN_STATE });

test("an open deal cannot be closed without a reason; with one it closes as lost", async ({ page }) => {
  await page.goto("/deals");
  await page.getByText("Open", { exact: true }).click();
  await expect(page).toHaveURL(/open=true/);
  const first = page.getByTestId("deals-table").locator("tbody tr").first();
  const name = (await first.locator("a").first().innerText()).trim();
  await first.click();

  await expect(page.getByTestId("deal-name")).toHaveText(name);
  await expect(page.getByTestId("deal-contacts")).toBeVisible();
  await expect(page.getByTestId("deal-history")).toBeVisible();

  await page.getByTestId("close-deal").click();
  const dialog = page.getByRole("dialog", { name: "Close deal" });
  await dialog.getByText("Lost", { exact: true }).click();
  await dialog.getByTestId("close-deal-submit").click();
  await expect(dialog.getByText("Choose a reason")).toBeVisible();
  await expect(dialog).toBeVisible();

  await pickOption(page, dialog, "Why did we lose?");
  await dialog.getByLabel("Lost to competitor").fill("Globex");
  await dialog.getByTestId("close-deal-submit").click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("deal-outcome")).toHaveText("Lost");
  await expect(page.getByTestId("deal-stage-badge").first()).toHaveText("Closed lost");
  await expect(page.getByTestId("close-deal")).toHaveCount(0);
  await expect(page.getByTestId("deal-history")).toContainText("Closed lost");
});

test("the deal list filters by stage and keeps the filter in the URL", async ({ page }) => {
  await page.goto("/deals?stage=closed_won");
  const rows = page.getByTestId("deals-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of (await rows.all()).slice(0, 10)) await expect(row).toContainText("Closed won");
  await page.goBack();
});
