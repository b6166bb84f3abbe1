import { expect, request, test } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD, signIn, unique } from "./support";

// The demo SDR whose queue starts empty: the test hands it two MQLs of its own, so other specs' changes don't matter.
const SDR = { email: "sdr2@northwind.demo" };

/** Creates MQLs owned by the SDR through the API (as the demo admin); returns their names in creation order. */
async function handOverMqls(baseURL: string, count: number): Promise<string[]> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post("/api/v1/auth/login", { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } });
    expect(login.ok(), await login.text()).toBeTruthy();
    const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
    const users = (await (await api.get("/api/v1/users?limit=500")).json()) as { items: { id: string; email: string }[] };
    const owner = users.items.find((u) => u.email === SDR.email);
    expect(owner, "the demo SDR exists").toBeTruthy();
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const last = unique(`Inbox${i}`);
      const created = await api.post("/api/v1/contacts", { headers, data: { firstName: "Quinn", lastName: last, email: `${last.toLowerCase()}@example.com`, ownerId: owner!.id, stage: "lead" } });
      expect(created.status(), await created.text()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const moved = await api.post(`/api/v1/contacts/${id}/stage`, { headers, data: { stage: "mql" } });
      expect(moved.ok(), await moved.text()).toBeTruthy();
      names.push(`Quinn ${last}`);
    }
    return names;
  } finally {
    await api.dispose();
  }
}

test("an SDR works the queue from the keyboard: countdowns show, j/k move, r rejects with a reason and the lead leaves", async ({ page, baseURL }) => {
  const [first, second] = await handOverMqls(baseURL!, 2);
  await signIn(page, SDR.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "SDR queue" })).toBeVisible();
  await expect(page.getByTestId("shortcut-legend")).toBeVisible();

  const rowOf = (name: string) => page.getByTestId("inbox-row").filter({ hasText: name });
  await expect(rowOf(first!)).toBeVisible();
  await expect(rowOf(second!)).toBeVisible();
  // A fresh MQL has its accept timer running: a green business-time countdown.
  const countdown = rowOf(first!).getByTestId("sla-countdown");
  await expect(countdown).toHaveText(/\d+ (h|m).* left/);
  await expect(countdown).toHaveAttribute("data-tone", "ok");

  // The older lead is due sooner, so it is listed (and selected) first.
  // Clicking a row (not its link) selects it; the keyboard takes over from there.
  await rowOf(first!).locator("td").nth(4).click();
  await expect(rowOf(first!)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("j");
  await expect(rowOf(second!)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("lead-context")).toContainText(second!);
  await page.keyboard.press("k");
  await expect(rowOf(first!)).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: `Reject ${first}` });
  await expect(dialog).toBeVisible();
  // The reason picker opens focused, for the keyboard; a reason is required.
  await page.getByRole("heading", { name: `Reject ${first}` }).click();
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog.getByText("Choose a reason")).toBeVisible();
  await dialog.getByRole("combobox", { name: "Reason" }).click();
  await page.getByRole("option").first().click();
  // Shortcuts are off while typing in the dialog: "r", "d" and "j" are just letters here.
  await dialog.getByRole("textbox", { name: "Note" }).fill("Asked for a job, not a product: redo the form rules");
  await expect(page.getByRole("dialog")).toHaveCount(1);
  await expect(rowOf(first!)).toHaveAttribute("aria-selected", "true");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(rowOf(first!)).toHaveCount(0);
  await expect(rowOf(second!)).toHaveAttribute("aria-selected", "true");
  // It stays gone after the periodic refetch, too: the server moved it to Rejected.
  await page.reload();
  await expect(rowOf(second!)).toBeVisible();
  await expect(rowOf(first!)).toHaveCount(0);

  // Accept the other and log a call: the first touch is a sales touchpoint, counted as an attempt.
  await rowOf(second!).locator("td").nth(4).click();
  await page.keyboard.press("a");
  await expect(page.getByText(`${second} accepted`)).toBeVisible();
  await page.getByTestId("log-attempt").click();
  await page.getByRole("menuitem", { name: "Call" }).click();
  await expect(page.getByText(`Call with ${second} logged`)).toBeVisible();
  await expect(page.getByTestId("lead-context")).toContainText(/Attempts\s*1/);
});
