import { expect, request, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

const MARKETER = "marketing2@northwind.demo";
const SALES_REP = "ae.west2@northwind.demo";

test("a proposal reaches the sales side's feed with an unread count, and opening it leads to the version", async ({ page, baseURL }) => {
  // Marketing proposes a new version through the API.
  const api = await request.newContext({ baseURL });
  const login = await api.post("/api/v1/auth/login", { data: { email: MARKETER, password: DEMO_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  const draft = (await (await api.post("/api/v1/lead-definitions", { data: { basedOn: "starter" }, headers })).json()) as { id: string; version: number };
  expect((await api.post(`/api/v1/lead-definitions/${draft.id}/propose`, { data: {}, headers })).status()).toBe(200);
  await api.dispose();

  await signIn(page, SALES_REP);
  const bell = page.getByRole("link", { name: /^Notifications \(\d+ unread\)$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", exact: true })).toBeVisible();
  const item = page.getByRole("button", { name: new RegExp(`proposed version ${draft.version} of the lead agreement`) });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/agreement/${draft.id}$`));

  // Opened means read: it is gone from the unread view.
  await page.goto("/notifications?show=unread");
  await expect(page.getByRole("button", { name: new RegExp(`proposed version ${draft.version} of the lead agreement`) })).toHaveCount(0);
});
