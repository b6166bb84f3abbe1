import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../../server/modules/notifications/test-smtp-server.js";
import { sendTestEmail } from "./notify.js";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

describe("notify test-email", () => {
  it("authenticates and delivers one message", async () => {
    await sendTestEmail({ url: smtp.url, from: "Tandem <tandem@example.com>" }, "ops@example.com", "https://tandem.example.com");
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: "tandem@example.com", to: ["ops@example.com"], subject: "Tandem test e-mail" });
    expect(smtp.received[0]!.text).toContain("https://tandem.example.com");
  });

  it("fails with the server's answer when the credentials are wrong", async () => {
    const wrong = smtp.url.replace("smtp-test-password", "wrong-password");
    await expect(sendTestEmail({ url: wrong, from: "tandem@example.com" }, "ops@example.com", "https://t.example")).rejects.toThrow(/invalid credentials|auth/i);
    expect(smtp.received).toHaveLength(1);
  });
});
