import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_STATE, signIn } from "./support";

const MARKETER = { email: "marketing1@northwind.demo", name: "Priya Natarajan" };
const SALES_REP = { email: "ae.east1@northwind.demo", name: "Chris Walker" };
const SLOW = 30_000;

// The second test reads the score under the version the first one activates.
test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("marketing drafts and proposes a version, each side approves it, and it becomes active", async ({ browser, baseURL }) => {
  const page = await signedIn(browser, baseURL, MARKETER.email);
  await page.goto("/agreement");
  await expect(page.getByRole("heading", { name: "Lead agreement", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Draft a new version" }).click();
  // Creating a version and loading its page is the slowest step on a busy machine.
  await expect(page).toHaveURL(/\/agreement\/[0-9a-f-]{36}$/, { timeout: SLOW });
  await expect(page.getByTestId("definition-title")).toBeVisible({ timeout: SLOW });
  await expect(page.getByTestId("definition-status")).toHaveText("Draft");
  const title = (await page.getByTestId("definition-title").innerText()).trim();

  // Edit the first fit rule through its form; an empty name is refused at the field.
  const rule = page.getByTestId("fit-rule").first();
  const ruleName = rule.getByRole("textbox", { name: "Rule" });
  const originalName = await ruleName.inputValue();
  await ruleName.fill("");
  await rule.getByRole("textbox", { name: "Points" }).fill("35");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(rule.getByText("Required")).toBeVisible();
  await expect(page.getByTestId("definition-errors")).toContainText("Fit rule 1");
  await ruleName.fill(`${originalName} (key accounts)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("definition-save-bar")).toContainText("All changes saved", { timeout: SLOW });
  await page.reload();
  await expect(page.getByTestId("fit-rule").first().getByRole("textbox", { name: "Points" })).toHaveValue("35", { timeout: SLOW });

  await page.getByRole("tab", { name: "What changes" }).click();
  await expect(page.getByTestId("definition-diff")).toContainText(`${originalName} (key accounts)`);
  await expect(page.getByTestId("definition-diff")).toContainText("+35");

  await page.getByRole("button", { name: "Propose for approval" }).click();
  await expect(page.getByTestId("definition-status")).toHaveText("Awaiting approval");
  await page.getByRole("button", { name: "Approve as marketing" }).click();
  await expect(page.getByTestId("approval-marketing")).toContainText("Approved by you");
  // A marketer may not approve for sales.
  await expect(page.getByRole("button", { name: "Approve as sales" })).toHaveCount(0);
  await expect(page.getByTestId("definition-status")).toHaveText("Awaiting approval");
  const versionUrl = page.url();
  await page.context().close();

  const sales = await signedIn(browser, baseURL, SALES_REP.email);
  await sales.goto(versionUrl);
  await expect(sales.getByTestId("approval-marketing")).toContainText(`Approved by ${MARKETER.name}`, { timeout: SLOW });
  await sales.getByRole("button", { name: "Approve as sales" }).click();
  await expect(sales.getByTestId("definition-status")).toHaveText("Active", { timeout: SLOW });
  await expect(sales.getByTestId("approval-sales")).toContainText("Approved by you");

  await sales.getByRole("link", { name: "Lead agreement" }).first().click();
  await expect(sales.getByTestId("active-agreement")).toContainText(`${title} is in force`);
  await expect(sales.getByTestId("active-mql-rule")).toContainText("A lead becomes an MQL when it has grade");
  const row = sales.getByTestId("versions-table").locator("tbody tr", { hasText: title });
  await expect(row).toContainText("Active");
  await expect(row).toContainText(MARKETER.name);
  await expect(row).toContainText("You");
  await sales.context().close();
});

test("a contact's page explains its score under the active version", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: ADMIN_STATE });
  const page = await context.newPage();
  await page.goto("/contacts?sort=-engagementScore");
  await page.getByTestId("contacts-table").locator("tbody tr").first().locator("a").first().click();
  const card = page.getByTestId("score-explanation");
  await expect(card).toContainText("Why this score");
  await expect(card).toContainText(/Lead agreement version \d+/);
  await expect(card).toContainText("MQL when grade");
  await expect(card.getByTestId("score-mql-met")).toHaveText(/(Meets|Does not meet) the MQL rule/);
  await context.close();
});
