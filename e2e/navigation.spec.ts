import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support";

test.use({ storageState: ADMIN_STATE });

const LIVE = [
  ["Contacts & leads", "Contacts & leads"],
  ["Accounts", "Accounts"],
  ["Deals", "Deals"],
  ["Campaigns", "Campaigns"],
  ["Activity", "Activity"],
  ["Lead agreement", "Lead agreement"],
  ["Predictive model", "Predictive model"],
  ["Inbox", "Inbox"],
  ["SLA ledger", "SLA ledger"],
  ["Rejections", "Rejections"],
  ["Playbooks", "Playbook adherence"],
  ["Overview", "Enablement"],
  ["References", "Customer references"],
  ["Content requests", "Content requests"],
  ["Growth", "Growth"],
  ["Team & commission", "Team & commission"],
  ["Reports", "Reports"],
  ["Notifications", "Notifications"],
  ["Imports", "Imports"],
  ["Settings", "Settings"],
] as const;

const LATER: string[] = [];

test("every module is in the sidebar; live ones open their page, later ones say what is coming", async ({ page }) => {
  // Twenty-one pages, each loaded lazily: three times the usual minute.
  test.slow();
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [link, heading] of LIVE) {
    await nav.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  for (const link of LATER) {
    await nav.getByRole("link", { name: new RegExp(`^${link.replace(/[&]/g, "\\&")}`) }).click();
    await expect(page.getByTestId("coming-soon")).toContainText("Coming in a later release");
    await expect(page.getByRole("heading", { name: link, exact: true })).toBeVisible();
  }
});

test("an unknown address shows a not-found page inside the shell", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByText("Page not found")).toBeVisible();
  await page.getByRole("link", { name: "Go home" }).click();
  await expect(page).toHaveURL(/\/$/);
});
