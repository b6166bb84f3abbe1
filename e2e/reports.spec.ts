import fs from "node:fs";
import { expect, request, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, DEMO_PASSWORD, pickOption, signIn, unique } from "./support";

const MANAGER = "manager.sales@northwind.demo";
// A dashboard runs several reports over the whole demo at once; on a busy machine the first answers take a while.
const FIRST_LOAD = { timeout: 45_000 };

test.setTimeout(150_000);

/** The text of a download, without the byte-order mark the export starts with. */
async function downloadedText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "") };
}

test("the manager dashboard shows the health index and its parts; another period changes the URL and the numbers; a number opens its deals", async ({ page }) => {
  await signIn(page, MANAGER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { name: "Reports", exact: true })).toBeVisible();
  // A manager opens on the manager's dashboard.
  await expect(page.getByRole("tab", { name: "Manager" })).toHaveAttribute("aria-selected", "true");

  const health = page.getByTestId("health-index");
  await expect(health.getByRole("meter", { name: "Alignment health index" })).toHaveAttribute("aria-valuenow", /^\d{1,3}$/, FIRST_LOAD);
  await expect(health.getByTestId("health-part")).toHaveCount(8);
  for (const part of ["Sales SLA attainment", "Marketing SLA attainment", "Lead acceptance rate", "Closed-loop completeness", "Persona alignment", "Definition currency"]) {
    await expect(health.getByTestId("health-part").filter({ hasText: part }).getByTestId("health-part-score")).toHaveText(/^\d{1,3}$/);
  }
  // Parts that cannot be measured yet say so instead of scoring 0.
  await expect(health.locator('[data-part="content_use"]')).toContainText("Needs the enablement module");
  await expect(health.locator('[data-part="content_use"]').getByTestId("null-value")).toHaveText("—");
  // The four symptom trends are charts (the cost symptom draws two).
  await expect(page.getByTestId("symptom-trends").locator("svg.recharts-surface")).toHaveCount(5);

  // Another period: the URL says so and the numbers are those of the new period.
  const revenue = page.getByTestId("kpi-revenue-value");
  await expect(revenue).toHaveText(/\$/, FIRST_LOAD);
  const before = await revenue.innerText();
  const periodBefore = await page.getByTestId("report-period").innerText();
  await pickOption(page, page.getByTestId("report-filters"), "Period", "Last quarter");
  await expect(page).toHaveURL(/period=last_quarter/);
  await expect(page.getByTestId("report-period")).not.toHaveText(periodBefore);
  await expect(revenue).not.toHaveText(before, FIRST_LOAD);
  await expect(page.locator('[data-stale="true"]')).toHaveCount(0);

  // The revenue card counts its won deals; the drill-down lists exactly those deals.
  const hint = await page.getByTestId("kpi-revenue").innerText();
  const won = Number(/([\d,]+) won deals/.exec(hint)?.[1]?.replace(/,/g, ""));
  expect(won).toBeGreaterThan(0);
  await page.getByTestId("kpi-revenue").locator("[data-drill]").click();
  const drawer = page.getByRole("dialog", { name: "Deals won" });
  await expect(drawer.getByTestId("drill-total")).toContainText(`${won.toLocaleString("en-US")} record`, FIRST_LOAD);
  await expect(drawer.getByTestId("drill-row").first()).toBeVisible();
  await expect(drawer.getByTestId("drill-row").first().getByRole("link")).toHaveAttribute("href", /^\/deals\//);

  // The records export too.
  const records = await downloadedText(page, () => drawer.getByRole("button", { name: "Export CSV" }).click());
  expect(records.name).toMatch(/^kpis-records-deals-won-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = records.text.split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Id,Name,/);
  expect(lines).toHaveLength(won + 1);
});

test("a report table exports to CSV with a formula-looking campaign name neutralised and negative numbers kept as numbers", async ({ page, baseURL }) => {
  // A campaign whose name a spreadsheet would run as a formula, with a cost this month (so it shows in lead quality).
  const tag = unique("x");
  const name = `=HYPERLINK("http://evil.example","${tag}")`;
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post("/api/v1/auth/login", { data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { "x-csrf-token": csrfToken };
    const created = await api.post("/api/v1/campaigns", { data: { name, channel: "event" }, headers });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const cost = await api.post(`/api/v1/campaigns/${id}/costs`, { data: { incurredOn: new Date().toISOString().slice(0, 10), amount: 1234, description: "Booth" }, headers });
    expect(cost.status(), await cost.text()).toBe(201);
  } finally {
    await api.dispose();
  }

  await signIn(page, MANAGER);
  await page.goto("/reports/lead-quality?period=this_month");
  await expect(page.getByRole("heading", { name: "Lead quality", exact: true })).toBeVisible(FIRST_LOAD);
  const table = page.getByTestId("lead-quality-table");
  await expect(table.getByTestId("report-table")).toBeVisible(FIRST_LOAD);

  const csv = await downloadedText(page, () => table.getByRole("button", { name: "Export CSV" }).click());
  expect(csv.name).toMatch(/^lead-quality-by-campaign-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split("\r\n");
  expect(lines[0]).toBe("Campaign,MQLs,Accepted (%),MQL → SQL (%),SQL → won (%),Pipeline (USD),Revenue (USD),Cost (USD),Cost / MQL (USD),Cost / SQL (USD),Cost / won (USD),Attributed revenue (USD),ROI (%)");
  // The name is text (a leading quote), quoted per RFC 4180; no MQL means empty ratio cells, not 0; ROI −100% stays a number.
  const quoted = `"'=HYPERLINK(""http://evil.example"",""${tag}"")"`;
  expect(lines).toContain(`${quoted},0,,,,0,0,1234,,,,0,-100`);
  expect(csv.text.endsWith("\r\n")).toBe(true);
});
