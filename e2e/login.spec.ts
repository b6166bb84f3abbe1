import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD } from "./support";

test.describe("signing in", () => {
  test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(ADMIN_EMAIL);
    await page.getByRole("textbox", { name: "Password" }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toContainText("Wrong e-mail or password");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form is caught before it is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  });

  test("a deep link survives signing in; signing out returns to the sign-in page", async ({ page }) => {
    await page.goto("/deals?open=true");
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel("E-mail").fill(ADMIN_EMAIL);
    await page.getByRole("textbox", { name: "Password" }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/deals\?open=true$/);
    await expect(page.getByRole("heading", { name: "Deals" })).toBeVisible();
    await expect(page.getByTestId("role-badge")).toHaveText("Admin");
    await expect(page.getByTestId("workspace-name")).toContainText("Northwind Cloud");

    await page.getByRole("link", { name: "Home" }).click();
    await expect(page.getByRole("heading", { name: /Good (morning|afternoon|evening), Avery/ })).toBeVisible();
    await expect(page.getByTestId("home-mql-queue")).toBeVisible();

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/contacts");
    await expect(page).toHaveURL(/\/login\?next=%2Fcontacts/);
  });
});
