import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD, pickOption, signIn, unique } from "./support";

// A sign-in of its own rather than the shared storage state, so runs of other specs cannot swap the session.
test.beforeEach(async ({ page }) => signIn(page, ADMIN_EMAIL));

/** An API session as the demo admin, with its CSRF token. */
async function adminApi(baseURL: string): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL });
  const login = await api.post("/api/v1/auth/login", { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } });
  expect(login.ok(), await login.text()).toBeTruthy();
  return { api, headers: { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken } };
}

test("marketing's playbook is written with timed steps, checked step by step, and listed in order", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("tab", { name: "Playbooks" }).click();
  await expect(page).toHaveURL(/\/settings\/playbooks/);
  await expect(page.getByTestId("playbooks-table")).toContainText("Webinar attendee → call within a day");

  const name = unique("CTO at events");
  await page.getByRole("button", { name: "Add playbook" }).click();
  const dialog = page.getByRole("dialog", { name: "New playbook" });
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await pickOption(page, dialog, "First channel", "LinkedIn");
  await dialog.getByRole("combobox", { name: "Personas" }).fill("CTO");
  await dialog.getByRole("combobox", { name: "Personas" }).press("Enter");
  await dialog.getByRole("button", { name: "Add step" }).click();
  await dialog.getByRole("textbox", { name: "Step 1 action" }).fill("Connect with a note");
  await pickOption(page, dialog, "Step 1 channel", "LinkedIn");
  await dialog.getByRole("button", { name: "Add step" }).click();
  await dialog.getByRole("textbox", { name: "Step 2 action" }).fill("Call");
  await pickOption(page, dialog, "Step 2 channel", "Phone call");
  await dialog.getByRole("textbox", { name: "Step 2 talk track" }).fill("Ask about their cloud bill");
  // Steps go in order of day: a step before the previous one is refused on its own field.
  await dialog.getByRole("textbox", { name: "Step 1 day" }).fill("3");
  await dialog.getByRole("button", { name: "Add playbook" }).click();
  await expect(dialog.getByTestId("playbook-step-1")).toContainText("must be on or after the previous step's day");
  await dialog.getByRole("textbox", { name: "Step 1 day" }).fill("0");
  await dialog.getByRole("button", { name: "Add playbook" }).click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId("playbooks-table").locator("tr", { hasText: name });
  await expect(row).toContainText("Persona CTO");
  await expect(row).toContainText("Day 1: Phone call — Call");
  await expect(row).toContainText("LinkedIn");
  // New playbooks go last.
  await expect(page.getByTestId("playbooks-table").locator("tbody tr").last()).toContainText(name);
});

test("a webinar attendee handed to an AE shows the call-first playbook and its next step on the contact page", async ({ page, baseURL }) => {
  const { api, headers } = await adminApi(baseURL!);
  try {
    const email = `${unique("wendy")}@webinar-e2e.example`;
    const contact = await api.post("/api/v1/contacts", { data: { email, firstName: "Wendy", lastName: "Attendee", source: "inbound" }, headers });
    expect(contact.status(), await contact.text()).toBe(201);
    const id = ((await contact.json()) as { id: string }).id;
    const touch = await api.post("/api/v1/touchpoints", { data: { contactId: id, type: "webinar_attend", channel: "webinar" }, headers });
    expect(touch.status(), await touch.text()).toBe(201);
    const users = (await (await api.get("/api/v1/users?limit=100")).json()) as { items: { id: string; email: string }[] };
    const ae = users.items.find((u) => u.email.startsWith("ae.east1@"))!;
    const assigned = await api.post(`/api/v1/contacts/${id}/assign`, { data: { ownerId: ae.id }, headers });
    expect(assigned.status(), await assigned.text()).toBe(201);

    await page.goto(`/contacts/${id}`);
    const card = page.getByTestId("recommended-playbook");
    await expect(card.getByTestId("recommended-playbook-name")).toHaveText("Webinar attendee → call within a day");
    await expect(card.getByTestId("recommended-first-channel")).toHaveText("First: Phone call");
    await expect(card).toContainText("Assigned when handed to Chris Walker");
    await expect(card.getByTestId("playbook-next-step")).toContainText("Call about the webinar (Phone call)");
    await expect(card.getByTestId("playbook-adherence")).toContainText("Not touched yet");
  } finally {
    await api.dispose();
  }
});

test("the adherence report charts each rep and each source", async ({ page }) => {
  await page.goto("/playbooks");
  await expect(page.getByRole("heading", { name: "Playbook adherence", exact: true })).toBeVisible();
  await pickOption(page, page, "Period", "Last 12 months");
  const table = page.getByTestId("adherence-table");
  for (const rep of ["Chris Walker", "Taylor Brooks", "Jamie Ortiz", "Alex Kim"]) await expect(table).toContainText(rep);
  await expect(page.getByTestId("adherence-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("adherence-total")).toContainText("adherence");

  await page.getByText("Per source").click();
  await expect(page).toHaveURL(/groupBy=source/);
  await expect(table).toContainText("inbound");
  await expect(table).not.toContainText("Chris Walker");
});
