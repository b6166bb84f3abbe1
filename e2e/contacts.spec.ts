import { expect, test } from "@playwright/test";
import { ADMIN_STATE, pickOption } from "./support";

test.use({ storageState: ADMIN_STATE });

test("search narrows the contact list and stays in the URL", async ({ page }) => {
  await page.goto("/contacts");
  const table = page.getByTestId("contacts-table");
  const firstName = (await table.locator("tbody tr").first().locator("a").first().innerText()).trim();
  const lastName = firstName.split(" ").at(-1) ?? firstName;

  await page.getByRole("textbox", { name: "Search" }).fill(lastName);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(lastName)}`));
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText(lastName);
  // Retried until the search's page replaced the unfiltered one (the first row can be the same contact in both).
  await expect(rows.filter({ hasNotText: new RegExp(lastName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i") })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Search" })).toHaveValue(lastName);

  await page.getByRole("textbox", { name: "Search" }).fill("zzz-no-such-contact-zzz");
  await expect(page.getByTestId("empty-state")).toContainText("No contacts match");
});

test("sorting by a column header updates the order and the URL", async ({ page }) => {
  await page.goto("/contacts");
  await page.getByRole("button", { name: "Sort by Engagement" }).click();
  await expect(page).toHaveURL(/sort=engagementScore/);
  await page.getByRole("button", { name: "Sort by Engagement" }).click();
  await expect(page).toHaveURL(/sort=-engagementScore/);
  // The URL changes before the re-sorted page arrives: wait for the rows themselves to be in descending order.
  const descending = async () => {
    const scores = await page.getByTestId("contacts-table").locator("tbody tr td:nth-child(5)").allInnerTexts();
    const numbers = scores.map((s) => Number(s.replace(/[^\d.]/g, "")));
    return numbers.length > 1 && numbers.every((n, i) => i === 0 || numbers[i - 1]! >= n);
  };
  await expect.poll(descending, { timeout: 15_000 }).toBe(true);
});

test("an MQL is opened from the queue, its timeline shown, and rejected with a reason", async ({ page }) => {
  await page.goto("/contacts?stage=mql");
  const first = page.getByTestId("contacts-table").locator("tbody tr").first();
  await expect(first).toContainText("MQL");
  const name = (await first.locator("a").first().innerText()).trim();
  await first.locator("a").first().click();

  await expect(page.getByTestId("contact-name")).toHaveText(name);
  await expect(page.getByTestId("stage-badge").first()).toHaveText("MQL");
  const timeline = page.getByTestId("contact-timeline");
  await expect(timeline.getByTestId("timeline-touchpoint").first()).toBeVisible();
  await expect(timeline.getByTestId("timeline-stage_change").first()).toBeVisible();

  await page.getByTestId("move-stage").click();
  const dialog = page.getByRole("dialog", { name: "Move stage" });
  await dialog.getByRole("radio", { name: /Rejected/ }).check();
  await dialog.getByRole("button", { name: "Move stage" }).click();
  await expect(dialog.getByText("A reason is required to move to Rejected")).toBeVisible();

  const reason = await pickOption(page, dialog, "Reason");
  await dialog.getByLabel("Note").fill("Student project, no buying intent");
  await dialog.getByRole("button", { name: "Move stage" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId("stage-badge").first()).toHaveText("Rejected");
  const change = timeline.getByTestId("timeline-stage_change").first();
  await expect(change).toContainText("Rejected");
  await expect(change).toContainText("Student project, no buying intent");
  expect(reason.length).toBeGreaterThan(0);
});

test("a sales activity logged on a contact appears at the top of the timeline", async ({ page }) => {
  await page.goto("/contacts?stage=lead");
  await page.getByTestId("contacts-table").locator("tbody tr").first().locator("a").first().click();
  await page.getByRole("button", { name: "Log activity" }).click();
  const dialog = page.getByRole("dialog", { name: "Log activity" });
  await dialog.getByText("Meeting", { exact: true }).click();
  await dialog.getByLabel("Subject").fill("Discovery call with the platform team");
  await dialog.getByRole("button", { name: "Log activity" }).click();
  await expect(dialog).toBeHidden();
  const entry = page.getByTestId("contact-timeline").getByTestId("timeline-touchpoint").first();
  await expect(entry).toContainText("Meeting");
  await expect(entry).toContainText("Discovery call with the platform team");
});
