import { expect as baseExpect, test } from "@playwright/test";
import { ADMIN_STATE, pickOption, signIn, unique } from "./support";

test.use({ storageState: ADMIN_STATE });
// Each test creates its data through several pages and modals (and signs a rep in): on a machine shared by several
// engineers a page can take well over the default ten seconds to load.
const expect = baseExpect.configure({ timeout: 30_000 });

test("a rep in scope acknowledges a published brief and passes its check on the second try; readiness goes from 0 % to 100 %", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  // Marketing's side (the admin): a campaign and its brief for one rep, created through the UI.
  const name = unique("E2E brief campaign");
  await page.goto("/campaigns");
  await page.getByRole("button", { name: "New campaign" }).click();
  const campaignDialog = page.getByRole("dialog", { name: "New campaign" });
  await campaignDialog.getByLabel("Name").fill(name);
  await pickOption(page, campaignDialog, "Channel", "Webinar");
  await campaignDialog.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByTestId("campaign-name")).toHaveText(name);
  await page.getByTestId("campaign-brief").getByRole("link", { name: "Write one" }).click();

  const dialog = page.getByRole("dialog", { name: "New campaign brief" });
  await expect(dialog.getByRole("combobox", { name: "Campaign" })).toHaveValue(name);
  await dialog.getByRole("textbox", { name: "Message" }).fill("Cut the month-end close by two days.");
  await dialog.getByLabel("Audience").fill("Finance leaders");
  await dialog.getByRole("button", { name: "Add a question" }).click();
  await dialog.getByRole("textbox", { name: "FAQ 1 question" }).fill("Does it work with our ERP?");
  await dialog.getByRole("textbox", { name: "FAQ 1 answer" }).fill("Yes, through the standard connector.");
  await pickOption(page, dialog, "Reps in scope", "Jamie Ortiz");
  await dialog.getByLabel("Audience").click();
  await dialog.getByLabel("Check question 1").fill("By how much does the close get shorter?");
  await dialog.getByRole("textbox", { name: "Question 1 option 1" }).fill("A week");
  await dialog.getByRole("textbox", { name: "Question 1 option 2" }).fill("Two days");
  await dialog.getByRole("radio", { name: "Option 2 is right" }).check();
  await dialog.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/briefs\/[0-9a-f-]{36}$/);
  const briefUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Does it work with our ERP?")).toBeVisible();
  await page.getByTestId("brief-publish").click();
  await expect(page.getByTestId("brief-status")).toHaveText("published");
  await expect(page.getByTestId("brief-readiness")).toContainText("0 of 1 reps ready · 0 acknowledged · 0 passed the check");
  await expect(page.getByTestId("brief-ready-share")).toHaveText("0%");

  // The rep: finds the brief on /briefs, acknowledges it, gets the check wrong once, then right.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const rep = await context.newPage();
  await signIn(rep, "ae.west1@northwind.demo");
  await rep.goto("/briefs");
  const row = rep.getByTestId("briefs-table").locator("tbody tr", { hasText: name });
  await expect(row).toContainText("To acknowledge");
  await row.click();
  await expect(rep).toHaveURL(new RegExp(`${briefUrl}$`));
  const panel = rep.getByTestId("brief-rep-panel");
  await panel.getByTestId("brief-acknowledge").click();
  await expect(panel).toContainText("Acknowledged");
  await panel.getByRole("radio", { name: "A week" }).check();
  await panel.getByTestId("brief-submit-check").click();
  await expect(panel).toContainText("0 of 1 right");
  await expect(rep.getByTestId("brief-readiness")).toContainText("0 of 1 reps ready · 1 acknowledged · 0 passed the check");
  await panel.getByRole("radio", { name: "Two days" }).check();
  await panel.getByTestId("brief-submit-check").click();
  await expect(rep.getByTestId("brief-you-ready")).toBeVisible();
  await context.close();

  // Marketing sees the rep ready: 1 of 1, 100 %, and the rep's two attempts.
  await page.reload();
  await expect(page.getByTestId("brief-readiness")).toContainText("1 of 1 reps ready · 1 acknowledged · 1 passed the check");
  await expect(page.getByTestId("brief-ready-share")).toHaveText("100%");
  await expect(page.getByTestId("brief-recipients")).toContainText("Jamie Ortiz");
  await expect(page.getByTestId("brief-recipients")).toContainText("Passed");
});
