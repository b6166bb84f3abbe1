import { expect, test } from "@playwright/test";
import { ADMIN_STATE, unique } from "./support";

test.use({ storageState: ADMIN_STATE });

const XSS_NAME = '<img src=x onerror="window.__xss=1">';
const XSS_MESSAGE = "<script>window.__xss=2</script>";

type Contact = { id: string; firstName: string | null; utmFirst: Record<string, string> | null; utmLast: Record<string, string> | null };
type Touch = { id: string; type: string; properties: Record<string, unknown> };

test("the example page records a page view with UTM and a form submission; the app shows the contact and its touchpoints, escaped", async ({ page }) => {
  // Three pages of the app and the example page: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  // The admin finds the demo workspace's key and the snippet in Settings → Web capture.
  await page.goto("/settings");
  await page.getByRole("tab", { name: "Web capture" }).click();
  await expect(page).toHaveURL(/\/settings\/capture/);
  const key = (await page.getByTestId("capture-key").innerText()).trim();
  expect(key).toMatch(/^pk_[0-9a-f]{32}_[A-Za-z0-9_-]{32}$/);
  await expect(page.getByTestId("capture-script")).toContainText(`/t.js" data-key="${key}"`);
  await expect(page.getByTestId("capture-origins")).toHaveValue(/http:\/\/localhost:3000/);

  // A visitor lands from a campaign link, browses, and asks for a demo.
  const email = `${unique("capture")}@e2e-capture.example`;
  const landed = page.waitForRequest((r) => r.url().includes("/api/capture/v1/events") && r.method() === "POST");
  await page.goto(`/capture/example?key=${key}&utm_source=e2e-newsletter&utm_medium=email&utm_campaign=capture-test`);
  // A beacon: Playwright sees the request, not its (Blob) body; what it carried is checked in the stored touchpoint below.
  expect((await landed).url()).toContain(`key=${key}`);
  const visitorId = await page.evaluate(() => (window as unknown as { tandem: { visitorId: string } }).tandem.visitorId);
  expect(visitorId).toMatch(/^v_[0-9a-f]{32}$/);
  await expect(page.locator('input[name="tandem_hp"]')).toHaveCount(1);

  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("First name").fill(XSS_NAME);
  await page.getByLabel("Last name").fill("Capture");
  await page.getByLabel("Company").fill("E2E Capture Ltd");
  await page.getByLabel("What would you like to see?").fill(XSS_MESSAGE);
  const submitted = page.waitForResponse((r) => r.url().includes("/api/capture/v1/forms"));
  await page.getByRole("button", { name: "Request a demo" }).click();
  expect((await submitted).status()).toBe(202);
  await expect(page.getByRole("status")).toHaveText("Thanks! We will be in touch shortly.");

  // The contact exists with the submitted values as data, and its first/last touch from the campaign link.
  let contact: Contact | undefined;
  await expect(async () => {
    const res = await page.request.get(`/api/v1/contacts?q=${encodeURIComponent(email)}`);
    contact = ((await res.json()) as { items: Contact[] }).items[0];
    expect(contact).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  const full = (await (await page.request.get(`/api/v1/contacts/${contact!.id}`)).json()) as Contact;
  expect(full.firstName).toBe(XSS_NAME);
  expect(full.utmFirst).toEqual({ source: "e2e-newsletter", medium: "email", campaign: "capture-test" });
  expect(full.utmLast).toEqual({ source: "e2e-newsletter", medium: "email", campaign: "capture-test" });
  // The beacon's page view was made before the contact existed: the submission merged it into the contact.
  await expect(async () => {
    const touches = ((await (await page.request.get(`/api/v1/touchpoints?contactId=${contact!.id}`)).json()) as { items: Touch[] }).items;
    expect(touches.map((t) => t.type).sort()).toEqual(["form_submit", "page_view"]);
    expect(touches.find((t) => t.type === "page_view")!.properties).toMatchObject({ title: "Tandem web capture example", utm: { source: "e2e-newsletter", medium: "email", campaign: "capture-test" } });
  }).toPass({ timeout: 10_000 });

  // The contact page shows the name as text: no image element, nothing executed.
  await page.goto(`/contacts/${contact!.id}`);
  await expect(page.getByTestId("contact-name")).toContainText(XSS_NAME);
  await expect(page.getByTestId("contact-details")).toContainText("e2e-newsletter · email · capture-test");
  const timeline = page.getByTestId("contact-timeline");
  await expect(timeline).toContainText("Submitted form");
  await expect(timeline).toContainText("Viewed page");
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // The touchpoint log's detail shows the submitted fields as text too.
  const touches = ((await (await page.request.get(`/api/v1/touchpoints?contactId=${contact!.id}`)).json()) as { items: Touch[] }).items;
  const form = touches.find((t) => t.type === "form_submit")!;
  expect(form.properties).toMatchObject({ formId: "example-demo-request", fields: { company: "E2E Capture Ltd", message: XSS_MESSAGE } });
  await page.goto(`/activity?contactId=${contact!.id}&open=${form.id}`);
  const drawer = page.getByRole("dialog", { name: "Touchpoint" });
  await expect(drawer).toContainText(XSS_MESSAGE);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("a managed origin list refuses a bad origin by line and saves a good one", async ({ page }) => {
  await page.goto("/settings/capture");
  const origins = page.getByTestId("capture-origins");
  const before = await origins.inputValue();
  await origins.fill(`${before}\nhttps://www.example.com/landing`);
  await page.getByRole("button", { name: "Save origins" }).click();
  const lines = before.split("\n").filter(Boolean).length;
  await expect(page.getByTestId("capture-origins-errors")).toContainText(`Line ${lines + 1}:`);
  await origins.fill(`${before}\nhttps://www.e2e-capture.example`);
  await page.getByRole("button", { name: "Save origins" }).click();
  await expect(page.getByText("Allowed origins saved")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("capture-origins")).toHaveValue(/https:\/\/www\.e2e-capture\.example/);
});
