import { expect as baseExpect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ADMIN_STATE, pickOption, signIn, unique } from "./support";

test.use({ storageState: ADMIN_STATE });
// Each test creates its data through several pages and modals (and signs a rep in): on a machine shared by several
// engineers a page can take well over the default ten seconds to load.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: "serial" });

// Everything these tests read they create through the UI: a persona, a message for it, a campaign targeting it.
const persona = unique("E2E Buyer");
// One word the search can find (letters and digits, no hyphen the text parser would split on).
const tag = `zq${Date.now().toString(36)}`;
const valueTitle = `Onboarding in two weeks ${tag}`;
const valueBody = `Teams go live in two weeks with a guided import (${tag}).`;
const campaignName = unique("E2E launch");
let campaignUrl = "";

async function createCampaign(page: Page, name: string, targetPersona: string): Promise<string> {
  await page.goto("/campaigns");
  await page.getByRole("button", { name: "New campaign" }).click();
  const dialog = page.getByRole("dialog", { name: "New campaign" });
  await dialog.getByLabel("Name").fill(name);
  await pickOption(page, dialog, "Channel", "Webinar");
  await dialog.getByRole("combobox", { name: "Target personas" }).fill(targetPersona);
  await page.getByRole("option", { name: targetPersona }).click();
  // The multi-select keeps its list open (over the form's buttons) until the focus moves on.
  await dialog.getByLabel("Name").click();
  await expect(page.getByRole("listbox")).toBeHidden();
  await dialog.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByTestId("campaign-name")).toHaveText(name);
  return new URL(page.url()).pathname;
}

test("marketing writes a message on /messaging and finds it by persona, kind and search; archives and restores it", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/personas");
  await page.getByRole("button", { name: "New persona" }).click();
  const personaDialog = page.getByRole("dialog", { name: "New persona" });
  await personaDialog.getByLabel("Name").fill(persona);
  await personaDialog.getByRole("button", { name: "Create persona" }).click();
  await expect(personaDialog).toBeHidden();

  await page.goto("/messaging");
  await page.getByTestId("add-message").click();
  const dialog = page.getByRole("dialog", { name: "New message" });
  await dialog.getByLabel("Title").fill(valueTitle);
  await dialog.getByLabel("Proposition").fill(valueBody);
  await pickOption(page, dialog, "Persona", persona);
  const product = await pickOption(page, dialog, "Product");
  await dialog.getByRole("button", { name: "Add message" }).click();
  await expect(dialog).toBeHidden();

  const filters = page.getByTestId("message-filters");
  await pickOption(page, filters, "Persona", persona);
  const list = page.getByTestId("message-list");
  // The only message of a persona created a moment ago.
  await expect(list.getByTestId("message-card")).toHaveCount(1);
  const card = list.getByTestId("message-card").first();
  await expect(card).toContainText(valueTitle);
  await expect(card).toContainText(product);
  await expect(page.getByTestId("message-count")).toHaveText("1 message");
  await pickOption(page, filters, "Product", product);
  await expect(list.getByTestId("message-card")).toHaveCount(1);

  // A kind it is not: nothing; the empty state says so.
  await filters.getByText("Talk track", { exact: true }).click();
  await expect(page.getByTestId("empty-state")).toContainText("No message matches these filters");
  await page.getByRole("button", { name: "Clear filters" }).click();

  // Search by the word only this message has.
  await page.getByRole("textbox", { name: "Search messages" }).fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(list.getByTestId("message-card")).toHaveCount(1);
  await expect(list.getByTestId("message-card").first()).toContainText(valueTitle);

  // CSV of the list: the header and this one message.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  // The file starts with a byte-order mark so spreadsheets read it as UTF-8.
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe("Kind,Title,Body,Persona,Product,Owner,Archived,Updated");
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
  expect(csv).toContain(`Value proposition,${valueTitle},`);

  // Archive: out of the default list, in the archived one, then restored.
  await list.getByTestId("message-card").first().getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.getByRole("switch", { name: "Archived" }).click();
  await expect(list.getByTestId("message-card").first()).toContainText("Archived");
  await list.getByTestId("message-card").first().getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.getByRole("switch", { name: "Archived" }).click();
  await expect(list.getByTestId("message-card")).toHaveCount(1);
});

test("the brief composer offers the campaign's persona messaging and inserts it after what was typed; the published brief shows readiness", async ({ page }) => {
  test.setTimeout(300_000);
  campaignUrl = await createCampaign(page, campaignName, persona);
  await page.getByTestId("campaign-brief").getByRole("link", { name: "Write one" }).click();
  const dialog = page.getByRole("dialog", { name: "New campaign brief" });
  await expect(dialog.getByRole("combobox", { name: "Campaign" })).toHaveValue(campaignName);

  const panel = dialog.getByTestId("brief-messaging");
  // The campaign's target persona is picked; its one message is listed.
  await expect(panel.getByRole("combobox", { name: "Persona" })).toHaveValue(persona);
  await expect(panel.getByTestId("brief-messaging-item")).toHaveCount(1);
  await dialog.getByRole("textbox", { name: "Message" }).fill("Typed first.");
  await panel.getByRole("button", { name: `Insert into message: ${valueTitle}` }).click();
  await expect(dialog.getByRole("textbox", { name: "Message" })).toHaveValue(`Typed first.\n\n${valueBody}`);

  await dialog.getByLabel("Audience").fill("IT leaders in the pipeline");
  await pickOption(page, dialog, "Reps in scope", "Jamie Ortiz");
  await dialog.getByLabel("Audience").click();
  await dialog.getByLabel("Check question 1").fill("How long does onboarding take?");
  await dialog.getByRole("textbox", { name: "Question 1 option 1" }).fill("Two weeks");
  await dialog.getByRole("textbox", { name: "Question 1 option 2" }).fill("Six months");
  await dialog.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/briefs\/[0-9a-f-]{36}$/);
  await expect(page.getByText(`Typed first.`)).toBeVisible();
  await expect(page.getByText(valueBody)).toBeVisible();
  await expect(page.getByTestId("brief-ready-share")).toHaveText("not published");
  await page.getByTestId("brief-publish").click();
  await expect(page.getByTestId("brief-status")).toHaveText("published");
  // One rep in scope, nobody ready yet.
  await expect(page.getByTestId("brief-readiness")).toContainText("0 of 1 reps ready");
  await expect(page.getByTestId("brief-ready-share")).toHaveText("0%");
});

test("marketing adds a SWOT on the campaign and finds it on /swots, which opens it on the campaign", async ({ page }) => {
  test.setTimeout(300_000);
  expect(campaignUrl).not.toBe("");
  const title = unique("E2E SWOT");
  await page.goto(campaignUrl);
  const panel = page.getByTestId("campaign-swot");
  await expect(panel.getByTestId("swot-empty")).toBeVisible();
  await panel.getByRole("button", { name: "Write SWOT" }).click();
  const dialog = page.getByRole("dialog", { name: "Write SWOT" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Strengths").fill("Strong speakers\nGood list");
  await dialog.getByLabel("Threats").fill("Competitor event the same week");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByTestId("swot-title")).toHaveText(title);
  await expect(panel.getByTestId("swot-strengths")).toContainText("Good list");

  await page.goto("/swots");
  await page.getByTestId("filter-subject").getByText("Campaigns").click();
  await expect(page).toHaveURL(/subject=campaign/);
  const row = page.getByTestId("swots-table").locator("tbody tr", { hasText: title });
  await expect(row).toContainText(campaignName);
  await expect(row).toContainText("Campaign");
  // Two strengths and one threat.
  await expect(row.locator("td").nth(2)).toHaveText("3");
  await page.getByTestId("filter-subject").getByText("Deals").click();
  await expect(page.getByTestId("swots-table").locator("tbody tr", { hasText: title })).toHaveCount(0);
  await page.getByTestId("filter-subject").getByText("Campaigns").click();
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignUrl}\\?swot=`));
  await expect(page.getByTestId("campaign-swot").getByTestId("swot-title")).toHaveText(title);
});

test("a rep reads the library and the SWOT but is offered no action the API would refuse", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  expect(campaignUrl).not.toBe("");
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, "ae.west1@northwind.demo");
  await page.goto(`/messaging?q=${tag}`);
  await expect(page.getByTestId("message-card").first()).toContainText(valueTitle);
  await expect(page.getByTestId("add-message")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await page.goto(campaignUrl);
  await expect(page.getByTestId("campaign-swot").getByTestId("swot-title")).toBeVisible();
  await expect(page.getByTestId("campaign-swot").getByRole("button")).toHaveCount(0);
  await context.close();
});
