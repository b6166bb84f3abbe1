import { describe, expect, it } from "vitest";
import { renderNotificationEmail, type NotificationEmailInput } from "./notification-email.js";

const base: NotificationEmailInput = {
  id: "0190f5c2-0000-7000-8000-000000000009",
  kind: "sla.breached",
  title: "Overdue: accept Sam Ray",
  body: null,
  link: "/contacts/1",
  recipientName: "Pat",
  recipientAddress: "pat@example.com",
  workspaceName: "Acme",
  publicUrl: "https://tandem.example.com/",
};

describe("notification e-mail", () => {
  it("links only to paths of the app: another host or a scheme falls back to the feed", () => {
    for (const link of ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", null]) {
      const mail = renderNotificationEmail({ ...base, link });
      expect(mail.text).toContain("Open in Tandem: https://tandem.example.com/notifications\n");
      expect(mail.html).not.toContain("evil.example");
      expect(mail.html).not.toContain("javascript:");
    }
    expect(renderNotificationEmail(base).text).toContain("Open in Tandem: https://tandem.example.com/contacts/1\n");
  });

  it("keeps the subject on one bounded line and names the kind and workspace in the footer", () => {
    const mail = renderNotificationEmail({ ...base, title: `Line one\r\nBcc: victim@example.com ${"x".repeat(300)}`, workspaceName: "Acme <Ops>" });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.startsWith("[Acme <Ops>] Line one Bcc: victim@example.com")).toBe(true);
    expect(mail.subject.length).toBe(180);
    expect(mail.text).toContain("SLA breached · Acme <Ops>");
    expect(mail.html).toContain("SLA breached · Acme &lt;Ops&gt;");
    expect(mail.headers).toMatchObject({ "Auto-Submitted": "auto-generated", "X-Tandem-Notification": base.id });
  });
});
