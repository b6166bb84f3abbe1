import { expect, test } from "@playwright/test";
import { ADMIN_STATE, pickOption, unique } from "./support";

test.use({ storageState: ADMIN_STATE });

test("closing a deal is refused without a reason and records the competitor and the buyer interview with one", async ({ page }) => {
  await page.goto("/deals?open=true");
  const first = page.getByTestId("deals-table").locator("tbody tr").first();
  await first.click();
  await page.getByTestId("close-deal").click();
  const dialog = page.getByRole("dialog", { name: "Close deal" });
  await dialog.getByTestId("close-deal-submit").click();
  await expect(dialog.getByText("Choose a reason")).toBeVisible();
  await pickOption(page, dialog, "Why did we win?");
  await dialog.getByLabel("Competitor involved").fill("Stackline");
  await dialog.getByTestId("close-interviewed").click();
  await dialog.getByLabel("Decision criteria").fill("Rollout time and SSO");
  await dialog.getByLabel("Who decided").fill("The CFO");
  await dialog.getByTestId("close-deal-submit").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("deal-outcome")).toHaveText("Won");
  await expect(page.getByTestId("deal-interview")).toContainText("Rollout time and SSO");
  await expect(page.getByTestId("deal-interview")).toContainText("The CFO");
});

test("the win/loss report shows outcomes by competitor and opens the deals behind a number", async ({ page }) => {
  await page.goto("/reports/win-loss");
  await expect(page.getByRole("heading", { name: "Win/loss analysis" })).toBeVisible();
  await expect(page.getByTestId("winloss-trend")).toBeVisible();
  await pickOption(page, page.getByTestId("winloss-controls"), "Cut by", "Competitor");
  await expect(page.getByTestId("winloss-table")).toContainText("Competitor");
  // The number itself opens the drill-down (the card around it does not).
  await page.getByTestId("winloss-lost").locator("[data-drill]").click();
  await expect(page.getByRole("dialog")).toContainText("Lost deals");
});

test("the what-if page compares a per-meeting plan with a revenue-share plan for every SDR", async ({ page }) => {
  const meeting = unique("Per meeting");
  const share = unique("Revenue share");
  await page.goto("/team/plans");
  await page.getByTestId("new-plan").click();
  let dialog = page.getByRole("dialog", { name: "New commission plan" });
  await dialog.getByTestId("plan-name").fill(meeting);
  await dialog.getByTestId("plan-amount").fill("75");
  await dialog.getByTestId("plan-save").click();
  await expect(dialog).toBeHidden();
  await page.getByTestId("new-plan").click();
  dialog = page.getByRole("dialog", { name: "New commission plan" });
  await dialog.getByTestId("plan-name").fill(share);
  await dialog.getByText("Sourced won revenue").click();
  await dialog.getByTestId("plan-rate").fill("5");
  await dialog.getByTestId("plan-save").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("plans-table")).toContainText(meeting);

  await page.getByTestId("team-tab-what-if").click();
  await pickOption(page, page.locator("body"), "Plan A", meeting);
  await pickOption(page, page.locator("body"), "Plan B", share);
  const table = page.getByTestId("whatif-table");
  await expect(table).toContainText(meeting);
  await expect(table).toContainText(share);
  await expect(page.getByTestId("whatif-chart")).toBeVisible();
  await expect(table.locator("tbody tr").first()).toBeVisible();
});
