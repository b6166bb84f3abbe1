import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, pickOption, signIn, unique } from "./support";

const SALES_MANAGER = "manager.sales@northwind.demo";

test("a manager reads both sides of the SLA ledger, with AE West's breaches standing out against AE East", async ({ page }) => {
  await signIn(page, SALES_MANAGER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SLA ledger" }).click();
  await expect(page).toHaveURL(/\/sla$/);
  await expect(page.getByRole("heading", { name: "SLA ledger" })).toBeVisible();

  const sales = page.getByTestId("sales-side");
  await expect(sales.getByTestId("attainment-accept")).toContainText("%");
  await expect(sales.getByTestId("rep-attainment-table")).toBeVisible();

  const chart = page.getByTestId("team-attainment-chart");
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  const west = chart.locator('[data-testid="team-attainment"][data-team="AE West"]');
  const east = chart.locator('[data-testid="team-attainment"][data-team="AE East"]');
  await expect(west).toBeVisible();
  await expect(east).toBeVisible();
  const westValue = Number(await west.getAttribute("data-attainment"));
  const eastValue = Number(await east.getAttribute("data-attainment"));
  expect(westValue).toBeLessThan(eastValue);
  await expect(west).toContainText("%");

  const marketing = page.getByTestId("marketing-side");
  await expect(marketing.getByTestId("marketing-target").first()).toContainText("MQLs");
  await expect(marketing.getByTestId("target-status").first()).toBeVisible();
  await expect(page.getByTestId("breach-table")).toContainText("AE West");

  // Another period reloads both sides.
  await pickOption(page, page, "Period", "Last month");
  await expect(page).toHaveURL(/period=last_month/);
  await expect(page.getByTestId("sales-side")).toBeVisible();
  await expect(page.getByTestId("marketing-side")).toBeVisible();
});

test("an admin adds a marketing target in Settings → SLA, edits it (a missing value is refused on its field), switches it off and deletes it", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL);
  await page.goto("/settings");
  await page.getByRole("tab", { name: "SLA" }).click();
  await expect(page).toHaveURL(/\/settings\/sla/);
  await expect(page.getByTestId("sla-policies-sales")).toContainText("Accept or reject within");
  await expect(page.getByTestId("calendar-default")).toBeVisible();

  const name = unique("EMEA target");
  const region = unique("Region");
  await page.getByRole("button", { name: "Add marketing target" }).click();
  let dialog = page.getByRole("dialog", { name: "New marketing target" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("textbox", { name: "MQL target" }).fill("40");
  await dialog.getByRole("textbox", { name: "Minimum acceptance" }).fill("55");
  await pickOption(page, dialog, "Segment", "Region");
  await dialog.getByRole("textbox", { name: "Segment value" }).fill(region);
  await dialog.getByRole("button", { name: "Add policy" }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId("sla-policy").filter({ hasText: name });
  await expect(row.getByTestId("sla-policy-summary")).toHaveText(`40 MQLs with region ${region} per month, at least 55% of them accepted by sales`);

  await row.getByRole("button", { name: `Edit ${name}` }).click();
  dialog = page.getByRole("dialog", { name: `Edit: ${name}` });
  // A segment needs a value: the form refuses it on that field and saves nothing.
  await dialog.getByRole("textbox", { name: "Segment value" }).fill("");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("textbox", { name: "Segment value" })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Required")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Segment value" }).fill(region);
  await dialog.getByRole("textbox", { name: "Minimum acceptance" }).fill("65");
  await dialog.getByRole("textbox", { name: "MQL target" }).fill("50");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId("sla-policy-summary")).toHaveText(`50 MQLs with region ${region} per month, at least 65% of them accepted by sales`);

  // From the keyboard: the "saved" toast may cover the switch.
  const enabled = row.getByRole("switch", { name: `Enable ${name}` });
  await enabled.focus();
  await page.keyboard.press("Space");
  await expect(enabled).not.toBeChecked();
  await expect(row).toHaveCSS("opacity", "0.6");

  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog", { name: "Delete SLA policy" }).getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
});
