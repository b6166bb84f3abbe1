import { expect, request, type Browser, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.TANDEM_DEMO_PASSWORD ?? "demo-password-e2e";
export const ADMIN_EMAIL = "admin@northwind.demo";
export const ADMIN_STATE = ".tandem/e2e-auth/admin.json";

/** A value unique to this run, for names and e-mails the tests create. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Signs in through the login form and waits for the app shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("textbox", { name: "Password" }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

/** Creates a member with a password through the API, signed in as the demo admin. */
export async function createMember(baseURL: string, member: { email: string; name: string; role: string; password: string }): Promise<void> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post("/api/v1/auth/login", { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } });
    expect(login.ok(), await login.text()).toBeTruthy();
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await api.post("/api/v1/users", { data: member, headers: { "x-csrf-token": csrfToken } });
    expect(created.status(), await created.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

/**
 * Picks an option of a Mantine Select inside `scope` (or the first option when no name is given); returns the
 * option's text. The dropdown renders in a portal, so options are looked up on the page.
 */
export async function pickOption(page: Page, scope: Page | Locator, label: string | RegExp, option?: string | RegExp): Promise<string> {
  await scope.getByRole("combobox", { name: label }).click();
  const choice = option ? page.getByRole("option", { name: option }) : page.getByRole("option").first();
  const text = (await choice.innerText()).trim();
  await choice.click();
  return text;
}

/** A page in a fresh browser context signed in as `email`; `close` ends the context. */
export async function pageAs(browser: Browser, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** GETs an API path as the demo admin. */
export async function adminGet<T>(baseURL: string, path: string): Promise<T> {
  const api = await request.newContext({ baseURL });
  try {
    expect((await api.post("/api/v1/auth/login", { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } })).ok()).toBeTruthy();
    const res = await api.get(path);
    expect(res.ok(), await res.text()).toBeTruthy();
    return (await res.json()) as T;
  } finally {
    await api.dispose();
  }
}
