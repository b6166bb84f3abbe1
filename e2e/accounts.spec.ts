import { expect, test } from "@playwright/test";
import { ADMIN_STATE, unique } from "./support";

test.use({ storageState: ADMIN_STATE });

test("the account list sorts by name and opens an account with its contacts and deals", async ({ page }) => {
  await page.goto("/accounts");
  await page.getByRole("button", { name: "Sort by Account" }).click();
  await expect(page).toHaveURL(/sort=name/);
  const names = await page.getByTestId("accounts-table").locator("tbody tr td:first-child a").allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);

  const first = names[0]!;
  await page.getByTestId("accounts-table").getByRole("link", { name: first, exact: true }).click();
  await expect(page.getByTestId("account-name")).toHaveText(first);
  await expect(page.getByTestId("account-contacts")).toBeVisible();
  await expect(page.getByTestId("account-open-pipeline")).toBeVisible();
  await expect(page.getByTestId("account-open-deals")).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/accounts\?sort=name/);
  await expect(page.getByRole("button", { name: "Sort by Account" })).toHaveAttribute("data-sort", "asc");
});

test("creating an account checks fields before sending and shows server conflicts on the field", async ({ page }) => {
  await page.goto("/accounts");
  const existingDomain = (await page.getByTestId("accounts-table").locator("tbody tr td:first-child p").first().innerText()).trim();

  await page.getByRole("button", { name: "New account" }).click();
  const dialog = page.getByRole("dialog", { name: "New account" });
  await dialog.getByRole("button", { name: "Create account" }).click();
  await expect(dialog.getByText("Required")).toBeVisible();

  const name = unique("Acme E2E");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Domain").fill("not a domain");
  await dialog.getByRole("button", { name: "Create account" }).click();
  await expect(dialog.getByText("must be a domain such as example.com")).toBeVisible();

  if (/^[a-z0-9.-]+\.[a-z]+$/.test(existingDomain)) {
    await dialog.getByLabel("Domain").fill(existingDomain);
    await dialog.getByRole("button", { name: "Create account" }).click();
    await expect(dialog.getByText("already exists")).toBeVisible();
  }

  await dialog.getByLabel("Domain").fill(`${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.example`);
  await dialog.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-name")).toHaveText(name);
});
