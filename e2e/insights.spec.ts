import { expect, test } from "@playwright/test";
import { pageAs, pickOption, unique } from "./support";

const REP = "ae.east2@northwind.demo";
const MARKETER = "marketing1@northwind.demo";

test("a rep shares an objection and votes for it; marketing reviews and actions it; the rep is told what was done", async ({ browser }) => {
  test.slow();
  const text = unique("Per-team pricing or no deal");
  const rep = await pageAs(browser, REP);
  await rep.page.goto("/insights");
  await expect(rep.page.getByRole("heading", { name: "Field insights" })).toBeVisible();
  // The demo's feed is not empty.
  await expect(rep.page.getByTestId("insight-card").first()).toBeVisible();
  await rep.page.getByTestId("share-insight").click();
  const dialog = rep.page.getByRole("dialog", { name: "Share a field insight" });
  await pickOption(rep.page, dialog, /^Kind/, "Objection");
  await dialog.getByTestId("insight-text").fill(text);
  await dialog.getByTestId("insight-submit").click();
  await expect(dialog).toBeHidden();
  const mine = rep.page.getByTestId("insight-card").filter({ hasText: text });
  await expect(mine).toContainText("Objection");
  await expect(mine.getByTestId("insight-votes")).toHaveText("0");
  await mine.getByTestId("insight-vote").click();
  await expect(mine.getByTestId("insight-votes")).toHaveText("1");
  await expect(mine.getByTestId("insight-vote")).toHaveAttribute("aria-pressed", "true");
  // Reps do not triage.
  await expect(mine.getByTestId("insight-review")).toHaveCount(0);

  const mkt = await pageAs(browser, MARKETER);
  await mkt.page.goto("/insights?status=new&kind=objection");
  const card = mkt.page.getByTestId("insight-card").filter({ hasText: text });
  await expect(card.getByTestId("insight-votes")).toHaveText("1");
  // Marketing's vote counts too: two.
  await card.getByTestId("insight-vote").click();
  await expect(card.getByTestId("insight-votes")).toHaveText("2");
  await card.getByTestId("insight-review").click();
  // Reviewed, it leaves the "new" filter; it is on the unfiltered feed as reviewed.
  await mkt.page.goto("/insights?kind=objection&sort=-createdAt");
  const reviewed = mkt.page.getByTestId("insight-card").filter({ hasText: text });
  await expect(reviewed.getByTestId("insight-status")).toHaveText("reviewed");
  await reviewed.getByRole("button", { name: "Mark actioned…" }).click();
  await mkt.page.getByTestId("insight-action-taken").fill("Per-team price list published in the pricing one-pager");
  await mkt.page.getByTestId("insight-action-submit").click();
  await expect(reviewed.getByTestId("insight-status")).toHaveText("actioned");
  await expect(reviewed.getByTestId("insight-action")).toContainText("Per-team price list published");
  await mkt.close();

  // The rep's notifications say what was done, and lead back to the insight.
  await rep.page.goto("/notifications");
  const note = rep.page.getByRole("button", { name: new RegExp(`Your insight was actioned: ${text.slice(0, 20)}`) });
  await expect(note).toBeVisible();
  await note.click();
  await expect(rep.page).toHaveURL(/\/insights\?focus=/);
  await expect(rep.page.getByTestId("focused-insight")).toContainText("Per-team price list published");
  await rep.close();
});

test("marketing records a ride-along whose notes become insights, shown with it, and adds one more from the notes", async ({ browser }) => {
  test.slow();
  const text = unique("The COO signs, not IT");
  const mkt = await pageAs(browser, MARKETER);
  await mkt.page.goto("/insights/ride-alongs");
  await expect(mkt.page.getByTestId("ride-alongs-table")).toContainText("Joined the evaluation call");
  await mkt.page.getByTestId("record-ride-along").click();
  const dialog = mkt.page.getByRole("dialog", { name: "Record a ride-along" });
  await dialog.getByTestId("ride-reps").click();
  await mkt.page.getByRole("option", { name: /Taylor Brooks/ }).click();
  await dialog.getByTestId("ride-notes").fill("Discovery call with the ops team; the COO decides.");
  await pickOption(mkt.page, dialog, "Kind", "Who is buying");
  await dialog.getByTestId("ride-insight-text-0").fill(text);
  await dialog.getByTestId("ride-submit").click();
  await expect(mkt.page).toHaveURL(/\/insights\/ride-alongs\/[0-9a-f-]+$/);
  await expect(mkt.page.getByTestId("ride-notes-text")).toContainText("the COO decides");
  await expect(mkt.page.getByTestId("ride-insights").getByTestId("insight-card").filter({ hasText: text })).toContainText("Who is buying");
  // Another insight from the same notes.
  await pickOption(mkt.page, mkt.page, "Kind", "Pain point");
  await mkt.page.getByTestId("add-insight-text").fill("Ops re-keys every order twice");
  await mkt.page.getByTestId("add-insight-submit").click();
  await expect(mkt.page.getByTestId("ride-insights").getByTestId("insight-card")).toHaveCount(2);
  await mkt.page.goto("/insights/ride-alongs");
  await expect(mkt.page.getByTestId("ride-alongs-table")).toContainText("Taylor Brooks");
  await mkt.close();
});
