import { expect, request, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

const MARKETER = "marketing1@northwind.demo";
const SALES_REP = "ae.east2@northwind.demo";

/** Proposes a new version of the lead agreement as the marketer; returns its version number. */
async function proposeVersion(baseURL: string): Promise<number> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post("/api/v1/auth/login", { data: { email: MARKETER, password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { "x-csrf-token": csrfToken };
    const draft = (await (await api.post("/api/v1/lead-definitions", { data: { basedOn: "starter" }, headers })).json()) as { id: string; version: number };
    expect((await api.post(`/api/v1/lead-definitions/${draft.id}/propose`, { data: {}, headers })).status()).toBe(200);
    return draft.version;
  } finally {
    await api.dispose();
  }
}

test("a rep turns a kind off in the app from the feed's settings link; the feed skips it until it is turned back on", async ({ page, baseURL }) => {
  await signIn(page, SALES_REP);
  await page.goto("/notifications");
  await page.getByRole("link", { name: "Notification settings" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  // No SMTP on the test server: the page says so and e-mail switches are disabled.
  await expect(page.getByText("E-mail is not set up on this server")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Agreement proposed: e-mail" })).toBeDisabled();

  const inApp = page.getByRole("switch", { name: "Agreement proposed: in app" });
  await expect(inApp).toBeChecked();
  // Mantine draws the track over the input: click the input itself.
  await inApp.click({ force: true });
  await expect(inApp).not.toBeChecked();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Notification settings saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeDisabled();

  // Saved: still off after a reload, and a new proposal stays out of the feed.
  await page.reload();
  await expect(page.getByRole("switch", { name: "Agreement proposed: in app" })).not.toBeChecked();
  const version = await proposeVersion(baseURL!);
  const proposal = new RegExp(`proposed version ${version} of the lead agreement`);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: proposal })).toHaveCount(0);

  // Back on (the default again): the next proposal shows up, unread. (With no e-mail to send, the one made while
  // in-app was off was never stored for this rep.)
  await page.getByRole("link", { name: "Notification settings" }).click();
  await page.getByRole("switch", { name: "Agreement proposed: in app" }).click({ force: true });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Notification settings saved")).toBeVisible();
  const next = await proposeVersion(baseURL!);
  await page.goto("/notifications?show=unread");
  await expect(page.getByRole("button", { name: new RegExp(`proposed version ${next} of the lead agreement`) })).toBeVisible();
  await expect(page.getByRole("button", { name: proposal })).toHaveCount(0);
});
