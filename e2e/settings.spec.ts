import { expect, test } from "@playwright/test";
import { ADMIN_STATE, createMember, signIn, unique } from "./support";

test.describe("as the admin", () => {
  test.use({ storageState: ADMIN_STATE });

  test("inviting a member shows the one-time link, and the invitee joins with it", async ({ page, browser, baseURL }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/users/);
    await expect(page.getByTestId("users-table")).toContainText("admin@northwind.demo");

    const email = `${unique("invitee")}@example.com`;
    await page.getByRole("button", { name: "Add member" }).click();
    const dialog = page.getByRole("dialog", { name: "Add member" });
    await dialog.getByLabel("E-mail").fill(email);
    await dialog.getByLabel("Name").fill("Ina Vitee");
    await dialog.getByRole("button", { name: "Create invitation" }).click();

    const link = page.getByTestId("invite-url-value");
    await expect(link).toContainText("/invite/");
    const url = new URL((await link.innerText()).trim());
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("pending-invitations")).toContainText(email);

    const invitee = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const p2 = await invitee.newPage();
    await p2.goto(url.pathname);
    await p2.getByRole("textbox", { name: "Password", exact: true }).fill("invitee-password-1");
    await p2.getByRole("textbox", { name: "Repeat password" }).fill("invitee-password-1");
    await p2.getByRole("button", { name: "Accept invitation" }).click();
    await expect(p2.getByTestId("role-badge")).toHaveText("Sales (AE)");
    await expect(p2.getByRole("heading", { name: /Ina/ })).toBeVisible();
    await invitee.close();
  });

  test("an API token's secret is shown once and the token can be revoked", async ({ page }) => {
    await page.goto("/settings/tokens");
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog");
    const name = unique("CI sync");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("token-secret-value")).not.toBeEmpty();
    await page.getByRole("button", { name: "Done" }).click();

    const row = page.getByTestId("tokens-table").locator("tr", { hasText: name });
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog", { name: "Revoke API token" }).getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
  });

  test("the audit log lists sign-ins", async ({ page }) => {
    await page.goto("/settings/audit");
    await expect(page.getByTestId("audit-table")).toContainText("auth.login");
  });
});

test.describe("as a sales rep", () => {
  test("user management and the audit log are not offered", async ({ page, baseURL }) => {
    const email = `${unique("rep")}@example.com`;
    await createMember(baseURL!, { email, name: "Rita Rep", role: "sales", password: "rep-password-123" });
    await signIn(page, email, "rep-password-123");
    await expect(page.getByTestId("role-badge")).toHaveText("Sales (AE)");

    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/tokens/);
    await expect(page.getByRole("tab", { name: "API tokens" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("tab", { name: "Audit log" })).toHaveCount(0);

    await page.goto("/settings/users");
    await expect(page.getByText("Only workspace admins can manage users")).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  });
});
