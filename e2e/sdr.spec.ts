import { expect, test } from "@playwright/test";
import { pickOption, signIn } from "./support";

// Each test signs in and loads a few thousand passed leads of the demo's volume SDR: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test("the demo SDR sees their passed leads, filters the rejected ones and reads why sales rejected them", async ({ page }) => {
  await signIn(page, "sdr1@northwind.demo");
  await page.goto("/team");
  await page.getByTestId("team-tab-leads").click();
  await expect(page.getByRole("tab", { name: "My leads" })).toBeVisible();
  await expect(page.getByTestId("lead-campaigns")).toBeVisible();
  await expect(page.getByTestId("passed-lead").first()).toBeVisible();
  // A Mantine chip's radio is visually hidden: click its label.
  await page.getByTestId("lead-status-filter").locator("label", { hasText: /^Rejected \d+/ }).click();
  await expect(page.getByRole("radio", { name: /^Rejected \d+/ })).toBeChecked();
  const first = page.getByTestId("passed-lead").first();
  await expect(first).toContainText("Rejected");
  // The reason comes from the workspace's reject taxonomy (a label, never empty).
  await expect(first.getByTestId("lead-why")).not.toHaveText("—");
  await expect(first.getByTestId("lead-why")).toHaveText(/\w{3,}/);
  // Another SDR's scoreboard row is not theirs to see: the board shows one row, their own.
  await page.getByTestId("team-tab-scoreboard").click();
  await expect(page.getByTestId("scoreboard-row")).toHaveCount(1);
});

test("the sales manager sees every SDR on the scoreboard chart and opens an SDR's passed leads", async ({ page }) => {
  await signIn(page, "manager.sales@northwind.demo");
  await page.goto("/team/scoreboard");
  const chart = page.getByTestId("scoreboard-chart");
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // The demo's two SDRs (other specs may add SDRs of their own to the shared demo workspace).
  await expect(page.getByTestId("scoreboard-row").filter({ hasText: /Riley Chen|Dana Kowalski/ })).toHaveCount(2);
  await page.getByTestId("team-tab-leads").click();
  await expect(page.getByText("Pick an SDR to see what became of the leads they passed.")).toBeVisible();
  await pickOption(page, page, "SDR", /Riley Chen/);
  await expect(page.getByTestId("passed-leads-card")).toContainText("Riley Chen's passed leads");
  await expect(page.getByTestId("passed-lead").first()).toBeVisible();
});
