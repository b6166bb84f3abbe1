import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { ADMIN_STATE } from "./support";

test.use({ storageState: ADMIN_STATE });

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A local receiver the server posts to (the e2e server runs with TANDEM_WEBHOOKS_ALLOW_PRIVATE=1). */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "text/plain" }).end("received");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tandem`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("an admin adds a webhook endpoint, sends a test event and sees it delivered, signed, then replays it", async ({ page }) => {
  const rx = await startReceiver();
  try {
    await page.goto("/settings");
    await page.getByRole("tab", { name: "Webhooks" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks/);

    await page.getByRole("button", { name: "New endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "New webhook endpoint" });
    await dialog.getByRole("textbox", { name: "Endpoint URL" }).fill(rx.url);
    await dialog.getByRole("textbox", { name: "Description" }).fill("e2e receiver");
    await dialog.getByRole("switch", { name: /Send every event type/ }).click();
    await dialog.getByRole("checkbox", { name: /deal\.won/ }).check();
    await dialog.getByRole("button", { name: "Create endpoint" }).click();
    const secret = (await dialog.getByTestId("webhook-secret-value").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toHaveCount(0);

    const row = page.getByTestId("webhooks-table").locator("tr", { hasText: rx.url });
    await expect(row).toContainText("Enabled");
    await row.click();
    const detail = page.getByTestId("webhook-detail");
    await expect(detail).toContainText(rx.url);
    await expect(detail).toContainText("lead.mql");
    await expect(detail).toContainText("deal.won");

    await detail.getByRole("button", { name: "Send test event" }).click();
    const delivery = detail.getByTestId("delivery-row").filter({ hasText: "webhook.test" });
    await expect(delivery).toHaveCount(1);
    await expect(delivery.getByTestId("delivery-status")).toHaveText("Delivered", { timeout: 20_000 });

    expect(rx.received).toHaveLength(1);
    const first = rx.received[0]!;
    const headers = { "webhook-id": String(first.headers["webhook-id"]), "webhook-timestamp": String(first.headers["webhook-timestamp"]), "webhook-signature": String(first.headers["webhook-signature"]) };
    expect(new Webhook(secret).verify(first.body, headers)).toMatchObject({ type: "webhook.test" });

    await delivery.getByRole("button", { name: "Show attempts" }).click();
    await expect(detail.getByTestId("delivery-attempt")).toHaveCount(1);
    await expect(detail.getByTestId("delivery-attempt").first()).toContainText("HTTP 200");

    await delivery.getByRole("button", { name: "Replay" }).click();
    await expect(detail.getByTestId("delivery-attempt")).toHaveCount(2, { timeout: 20_000 });
    expect(rx.received).toHaveLength(2);
    expect(rx.received[1]!.headers["webhook-id"]).toBe(headers["webhook-id"]);
  } finally {
    await rx.close();
  }
});
