import { expect, request, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_STATE, DEMO_PASSWORD, createMember, pickOption, unique } from "./support";

test.use({ storageState: ADMIN_STATE });

/** Row texts of a table, top to bottom. */
async function rowTexts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator("tbody tr").allInnerTexts();
}

/** Creates a contact through the API as the demo admin; returns its id. */
async function createContact(baseURL: string, data: Record<string, unknown>): Promise<string> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post("/api/v1/auth/login", { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await api.post("/api/v1/contacts", { data, headers: { "x-csrf-token": csrfToken } });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  } finally {
    await api.dispose();
  }
}

test("a round-robin rule and an owner-first rule are added, shown in order and reordered", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("tab", { name: "Routing" }).click();
  await expect(page).toHaveURL(/\/settings\/routing/);

  const rr = unique("East round-robin");
  await page.getByRole("button", { name: "Add rule" }).click();
  let dialog = page.getByRole("dialog", { name: "New routing rule" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(rr);
  await dialog.getByRole("button", { name: "Add condition" }).click();
  await pickOption(page, dialog, "Operator", "is one of");
  await dialog.getByRole("textbox", { name: "Value" }).fill("EMEA, UK");
  await pickOption(page, dialog, "Team", "AE East");
  await dialog.getByRole("textbox", { name: "Capacity" }).fill("12");
  await dialog.getByRole("button", { name: "Add rule" }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId("routing-rules-table").locator("tr", { hasText: rr });
  await expect(row).toContainText("Round-robin");
  await expect(row).toContainText("Account region is one of EMEA, UK");
  await expect(row).toContainText("Team AE East");
  await expect(row).toContainText("at most 12 open leads each");

  const owner = unique("Owner first");
  await page.getByRole("button", { name: "Add rule" }).click();
  dialog = page.getByRole("dialog", { name: "New routing rule" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(owner);
  await pickOption(page, dialog, "Kind", "Account owner");
  await dialog.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("routing-rules-table").locator("tr", { hasText: owner })).toContainText("The account's owner");

  const before = await rowTexts(page, "routing-rules-table");
  expect(before.findIndex((t) => t.includes(owner))).toBe(before.findIndex((t) => t.includes(rr)) + 1);
  await page.getByRole("button", { name: `Move ${owner} up` }).click();
  await expect.poll(async () => {
    const rows = await rowTexts(page, "routing-rules-table");
    return rows.findIndex((t) => t.includes(owner)) - rows.findIndex((t) => t.includes(rr));
  }).toBe(-1);

  // A disabled rule stays listed, switched off.
  await page.getByRole("switch", { name: `Enable ${owner}` }).click({ force: true });
  await expect(page.getByRole("switch", { name: `Enable ${owner}` })).not.toBeChecked();
});

test("a pod shows its SDR, AEs and a red ratio below three AEs", async ({ page, baseURL }) => {
  const sdr = unique("Sid Pod");
  const aes = [unique("Ada Pod"), unique("Abe Pod")];
  for (const [name, role] of [[sdr, "sdr"], [aes[0]!, "sales"], [aes[1]!, "sales"]] as const) {
    await createMember(baseURL!, { email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`, name, role, password: "pod-password-123" });
  }
  await page.goto("/settings/pods");
  const pod = unique("Pod E2E");
  await page.getByRole("button", { name: "New pod" }).click();
  const dialog = page.getByRole("dialog", { name: "New pod" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(pod);
  await pickOption(page, dialog, "SDR", new RegExp(sdr));
  for (const ae of aes) await pickOption(page, dialog, "Account executives", ae);
  // Close the AE dropdown by moving to another field (Escape would close the dialog too).
  await dialog.getByRole("textbox", { name: "Name" }).click();
  await expect(dialog.getByTestId("pod-ratio")).toHaveText("1:2 — below 3 AEs");
  await dialog.getByRole("button", { name: "Create pod" }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId("pods-table").locator("tr", { hasText: pod });
  await expect(row).toContainText(sdr);
  for (const ae of aes) await expect(row).toContainText(ae);
  const badge = row.getByTestId("pod-ratio");
  await expect(badge).toHaveText("1:2 — below 3 AEs");
  await expect(badge).toHaveAttribute("data-status", "understaffed");
});

test("reassigning a contact shows the handoff on its page", async ({ page, baseURL }) => {
  const email = `${unique("handoff")}@example.com`;
  const id = await createContact(baseURL!, { email, firstName: "Hana", lastName: "Doff" });
  await page.goto(`/contacts/${id}`);
  const card = page.getByTestId("handoff-card");
  await expect(card).toContainText("Not handed off yet");
  await card.getByRole("button", { name: "Reassign" }).click();
  const dialog = page.getByRole("dialog", { name: "Reassign lead" });
  const rep = await pickOption(page, dialog, "New owner", /Chris Walker/);
  await dialog.getByRole("textbox", { name: "Note" }).fill("Met at the Berlin meetup");
  await dialog.getByRole("button", { name: "Reassign" }).click();
  await expect(card).toContainText("Reassigned by hand");
  await expect(card).toContainText(rep.split(" · ")[0]!);
  await expect(card).toContainText("Met at the Berlin meetup");
  await expect(card.getByTestId("handoff-next-step")).toContainText("Call within 4 business hours");
});
