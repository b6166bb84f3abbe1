import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { pickOption, signIn, unique } from "./support";

const SALES_MANAGER = "manager.sales@northwind.demo";

/** The quarter before today's (`2026-Q3` on 2026-11-24): the last finished one. */
function lastFinishedQuarter(now = new Date()): { year: number; q: number } {
  const q = Math.floor(now.getMonth() / 3) + 1;
  return q === 1 ? { year: now.getFullYear() - 1, q: 4 } : { year: now.getFullYear(), q: q - 1 };
}

async function downloadOf(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: button }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), body: fs.readFileSync(file) };
}

test("the sales manager generates last quarter's joint review, records an action, makes it final and downloads it as HTML and PDF", async ({ page }) => {
  test.setTimeout(300_000);
  const { year, q } = lastFinishedQuarter();
  const quarter = `${year}-Q${q}`;
  await signIn(page, SALES_MANAGER);
  await page.goto("/reports");
  await page.getByRole("link", { name: "Joint reviews" }).click();
  await expect(page).toHaveURL(/\/reports\/reviews$/);
  await expect(page.getByRole("heading", { name: "Quarterly joint reviews" })).toBeVisible();

  // The quarter picker opens on the last finished quarter.
  const generate = page.getByTestId("generate-review");
  await expect(generate.getByRole("combobox", { name: "Quarter" })).toHaveValue(new RegExp(`^Q${q} ${year}`));
  await generate.getByRole("button", { name: "Generate review" }).click();
  await expect(page).toHaveURL(/\/reports\/reviews\/[0-9a-f-]{36}(\?|$)/, { timeout: 120_000 });
  const reviewUrl = page.url();
  await expect(page.getByRole("heading", { name: `Joint review ${year} Q${q}` })).toBeVisible();
  await expect(page.getByTestId("review-status")).toHaveText("Draft");

  // The demo loses deals every quarter: the loss reasons are drawn, with each reason's share.
  const losses = page.getByTestId("loss-reasons-chart");
  await expect(losses.locator("svg.recharts-surface")).toBeVisible();
  await expect(losses).toContainText("%");
  await expect(page.getByTestId("closed-totals")).toContainText("lost");
  // The agreement section says what changed in the quarter (the demo's agreement changed before it, if at all).
  const agreement = page.getByTestId("agreement-changes");
  await expect(agreement).toBeVisible();
  await expect(agreement.getByTestId("agreement-change").first().or(agreement.getByText("The lead agreement did not change this quarter."))).toBeVisible();

  // A second review of the same quarter is refused with the API's reason.
  await page.goto("/reports/reviews");
  await page.getByTestId("generate-review").getByRole("button", { name: "Generate review" }).click();
  await expect(page.getByTestId("generate-error")).toContainText(`A review of ${quarter} exists already`);
  await expect(page.getByTestId("reviews-table").getByRole("link", { name: `Joint review ${year} Q${q}` })).toBeVisible();
  await page.goto(reviewUrl);

  // An action with an owner and a due date.
  const title = unique("Battlecard for the top loss reason");
  const form = page.getByTestId("add-action-form");
  await form.getByRole("textbox", { name: "New action" }).fill(title);
  const owner = (await pickOption(page, form, "Owner", /^Priya Natarajan/)).split(" · ")[0]!;
  await form.getByRole("textbox", { name: "Due date" }).fill(`${year + 1}-01-15`);
  await form.getByRole("textbox", { name: "Due date" }).press("Tab");
  await form.getByRole("button", { name: "Add action" }).click();
  const agreed = page.getByTestId("agreed-actions");
  const row = agreed.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(owner);
  // The form is empty again, without complaints.
  await expect(form.getByRole("textbox", { name: "New action" })).toHaveValue("");
  await expect(form.getByText("Required")).toHaveCount(0);
  await expect(row).toContainText(`${year + 1}`);
  // The manager records its status in place.
  await expect(row.getByRole("combobox", { name: `Status of ${title}` })).toHaveValue("Open");

  // Regenerating is a job too: when it has run, the page says so and the agreed actions are still there.
  await page.getByRole("button", { name: "Regenerate" }).click();
  await expect(page.getByText("Numbers refreshed from today's data")).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("review-job")).toHaveCount(0);
  await expect(row).toContainText(owner);

  // Notes, then final: no more regeneration or notes.
  await page.getByRole("textbox", { name: "Notes" }).fill("Loss reasons reviewed together; marketing takes the battlecard.");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByRole("button", { name: "Save notes" })).toBeDisabled();
  await page.getByRole("button", { name: "Make final" }).click();
  const dialog = page.getByRole("dialog", { name: "Make this review final?" });
  await dialog.getByRole("button", { name: "Make final" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("review-status")).toHaveText("Final");
  await expect(page.getByRole("button", { name: "Regenerate" })).toHaveCount(0);
  await expect(page.getByTestId("review-notes")).toContainText("marketing takes the battlecard");
  await expect(page.getByRole("textbox", { name: "Notes" })).toHaveCount(0);

  const html = await downloadOf(page, "Download HTML");
  expect(html.name).toBe(`tandem-review-${quarter}.html`);
  expect(html.body.toString("utf8")).toContain(title);
  expect(html.body.toString("utf8")).toContain("final");

  // The PDF is printed on the server: the button says so while it is prepared.
  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    (async () => {
      await page.getByRole("button", { name: "Download PDF" }).click();
      await expect(page.getByTestId("download-pdf")).toHaveText("Preparing PDF…");
    })(),
  ]);
  expect(pdfDownload.suggestedFilename()).toBe(`tandem-review-${quarter}.pdf`);
  const pdf = fs.readFileSync(await pdfDownload.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(page.getByTestId("download-pdf")).toHaveText("Download PDF");

  // The open action is listed across reviews with its owner.
  await page.goto("/reports/reviews");
  await expect(page.getByTestId("open-review-actions").getByRole("row").filter({ hasText: title })).toContainText(owner);
});

test("after sending last week's digest, its page shows the week's numbers, the SLA breaches and the rejection reasons; the notification opens it", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, SALES_MANAGER);
  await page.goto("/reports/digests");
  await expect(page.getByRole("heading", { name: "Weekly digests" })).toBeVisible();
  await page.getByRole("button", { name: "Send last week's digest now" }).click();
  // The hourly schedule may have sent it already: then the API's 409 is shown and the archive opens it.
  const opened = page.waitForURL(/\/reports\/digests\/[0-9a-f-]{36}$/, { timeout: 120_000 }).then(() => "sent" as const, () => "timeout" as const);
  const refused = page.getByTestId("send-digest-error").waitFor({ timeout: 120_000 }).then(() => "refused" as const, () => "timeout" as const);
  if ((await Promise.race([opened, refused])) === "refused") {
    await expect(page.getByTestId("send-digest-error")).toContainText("was sent already");
    await page.getByTestId("digests-table").getByRole("link").first().click();
  }
  await expect(page).toHaveURL(/\/reports\/digests\/[0-9a-f-]{36}$/);
  const digestUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: /^Week of / })).toBeVisible();
  await expect(page.getByTestId("digest-metric").first()).toBeVisible();
  await expect(page.getByTestId("digest-metric").first().getByTestId("digest-metric-value")).not.toBeEmpty();
  await expect(page.getByTestId("digest-breaches")).toContainText("breaches this week");
  await expect(page.getByTestId("digest-rejections")).toBeVisible();
  await expect(page.getByTestId("digest-review-actions")).toBeVisible();

  // The digest reached the manager as a notification linking to this page.
  await page.goto("/notifications");
  await page.getByRole("button", { name: /Weekly digest: / }).first().click();
  await expect(page).toHaveURL(new RegExp(`${digestUrl}$`));
  await expect(page.getByTestId("digest-metrics")).toBeVisible();
});
