import fs from "node:fs";
import { parse } from "csv-parse/sync";
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

test("the scoreboard shows each SDR month by month and exports the months as CSV", async ({ page }) => {
  await signIn(page, "manager.sales@northwind.demo");
  await page.goto("/team/scoreboard");
  const trend = page.getByTestId("scoreboard-trend");
  await expect(trend).toBeVisible();
  // A line per SDR (the demo's two, and any an earlier spec added).
  expect(await trend.locator(".recharts-line").count()).toBeGreaterThanOrEqual(2);
  await expect(trend).toContainText("Riley Chen");
  await trend.getByText("Won revenue", { exact: true }).click();
  await expect(trend.locator(".recharts-line").first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), trend.getByRole("button", { name: "Monthly CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sdr-scoreboard-monthly-\d{4}-\d{2}-to-\d{4}-\d{2}\.csv$/);
  const [header, ...records] = parse(fs.readFileSync((await download.path())!, "utf8"), { bom: true }) as string[][];
  expect(header).toEqual(["SDR", "Month", "Meetings booked", "Meetings accepted", "Sourced opportunities", "Sourced pipeline", "Won deals", "Won revenue"]);
  // The default range is the last 13 months: one record per month for Riley Chen, whose meetings add up to the table's.
  const riley = records.filter((r) => r[0] === "Riley Chen");
  expect(riley).toHaveLength(13);
  const booked = riley.reduce((n, r) => n + Number(r[2]), 0);
  const row = page.getByTestId("scoreboard-row").filter({ hasText: "Riley Chen" });
  expect((await row.locator("td").nth(2).innerText()).replace(/\D/g, "")).toBe(String(booked));
});
