import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { createSmtpMailer } from "../../platform/mail/mailer.js";
import { TEST_SESSION_KEY, caller, json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import type { NotificationMessage } from "./notifications.service.js";
import { createNotificationMailer } from "./notification-mailer.js";
import { createNotificationMailerRepository } from "./notification-mailer.repository.js";
import { startTestSmtpServer, type TestSmtpServer } from "./test-smtp-server.js";

const h = useHarness();
let smtp: TestSmtpServer;
let app: FastifyInstance;
const FROM = "Tandem <tandem@tandem.test>";
type Feed = { items: { id: string; kind: string; title: string; readAt: string | null }[]; unread: number };
type EmailRow = { id: string; user_id: string; email_status: string | null; emailed_at: Date | null; email_error: string | null; read_at: Date | null };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  app = await buildApp({ db: h.tdb.db, clock: h.clock, logLevel: "silent", sessionKey: TEST_SESSION_KEY, publicUrl: "http://tandem.test", mail: { url: smtp.url, from: FROM, kickAfterMs: null } });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refused = 0;
  smtp.rejecting = false;
  smtp.delayMs = 0;
});

const mailer = () => app.modules.notifications.mailer!;
const notify = (ws: TestWorkspace, userIds: string[], message: NotificationMessage) =>
  h.tdb.db.inWorkspace(ws.workspaceId, (tx) => app.modules.notifications.notifications.notifyIn(tx, ws.workspaceId, userIds, message));
const rows = async (ws: TestWorkspace) =>
  (await h.tdb.ownerDb.pool.query<EmailRow>("select id, user_id, email_status, emailed_at, email_error, read_at from notifications where workspace_id = $1 order by created_at, id", [ws.workspaceId])).rows;
const feed = async (user: { token: string }) => json<Feed>(await caller(app, { authorization: `Bearer ${user.token}` }).get("/api/v1/notifications"));
const setPrefs = async (user: { token: string }, preferences: { kind: string; inApp: boolean; email: boolean }[]) => {
  const res = await caller(app, { authorization: `Bearer ${user.token}` }).put("/api/v1/notification-preferences", { preferences });
  expect(res.statusCode, res.body).toBe(200);
};

describe("notification e-mails", () => {
  it("sends after commit, once, to the recipient, with the title and names escaped and a link to the app", async () => {
    const ws = await h.workspace();
    await h.tdb.ownerDb.pool.query("update users set name = $1 where id = $2", ['<script>alert("x")</script> Bo & Co', ws.users.sales.userId]);
    const message: NotificationMessage = { kind: "lead.assigned", title: 'New lead: <img src=x onerror=alert(1)> "A&B"', body: "Call today.\nThey downloaded the e-book.", link: "/contacts/0190f5c2-0000-7000-8000-000000000001" };
    // Inside the notifying transaction the row is invisible to the sender: nothing goes out before commit.
    const during = await h.tdb.db.inWorkspace(ws.workspaceId, async (tx) => {
      await app.modules.notifications.notifications.notifyIn(tx, ws.workspaceId, [ws.users.sales.userId], message);
      return mailer().sendDue(ws.workspaceId);
    });
    expect(during).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);

    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([ws.users.sales.email]);
    expect(mail.from).toBe("tandem@tandem.test");
    expect(mail.subject).toBe('[Acme] New lead: <img src=x onerror=alert(1)> "A&B"');
    expect(mail.text).toContain('New lead: <img src=x onerror=alert(1)> "A&B"');
    expect(mail.text).toContain("Open in Tandem: http://tandem.test/contacts/0190f5c2-0000-7000-8000-000000000001");
    expect(mail.text).toContain("http://tandem.test/settings/notifications");
    expect(mail.html).toContain("New lead: &lt;img src=x onerror=alert(1)&gt; &quot;A&amp;B&quot;");
    expect(mail.html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Bo &amp; Co,");
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="http://tandem.test/contacts/0190f5c2-0000-7000-8000-000000000001"');
    expect(mail.html).toContain('href="http://tandem.test/settings/notifications"');
    expect(mail.headers["list-unsubscribe"]).toBe("<http://tandem.test/settings/notifications>");

    const [row] = await rows(ws);
    expect(row).toMatchObject({ email_status: "sent", email_error: null, read_at: null });
    expect(row!.emailed_at).toEqual(h.clock.now());
    expect((await feed(ws.users.sales)).unread).toBe(1);
  });

  it("follows each recipient's preference: e-mail off, in-app off, both off, defaults", async () => {
    const ws = await h.workspace();
    const kind = "lead_definition.proposed";
    await setPrefs(ws.users.sales, [{ kind, inApp: true, email: false }]);
    await setPrefs(ws.users.manager, [{ kind, inApp: false, email: true }]);
    await setPrefs(ws.users.sdr, [{ kind, inApp: false, email: false }]);
    const { admin, sales, manager, sdr } = ws.users;
    await notify(ws, [admin.userId, sales.userId, manager.userId, sdr.userId], { kind, title: "Version 2 awaits your approval", link: "/agreement/x" });

    expect(await mailer().sendDue(ws.workspaceId)).toMatchObject({ sent: 2 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([admin.email, manager.email].sort());
    // Both off: nothing stored for the SDR.
    const byUser = new Map((await rows(ws)).map((r) => [r.user_id, r]));
    expect(byUser.has(sdr.userId)).toBe(false);
    expect(byUser.get(sales.userId)).toMatchObject({ email_status: null, read_at: null });
    // E-mail only: stored read, kept out of the manager's feed and bell.
    expect(byUser.get(manager.userId)).toMatchObject({ email_status: "sent" });
    expect(byUser.get(manager.userId)!.read_at).not.toBeNull();
    expect(await feed(manager)).toMatchObject({ items: [], unread: 0 });
    expect(await feed(sales)).toMatchObject({ items: [expect.objectContaining({ kind })], unread: 1 });
    expect(await feed(admin)).toMatchObject({ items: [expect.objectContaining({ kind })], unread: 1 });

    // Turning in-app off later hides what is already there, unread count included; on again shows it back.
    await setPrefs(sales, [{ kind, inApp: false, email: false }]);
    expect(await feed(sales)).toMatchObject({ items: [], unread: 0 });
    await setPrefs(sales, [{ kind, inApp: true, email: true }]);
    expect(await feed(sales)).toMatchObject({ unread: 1 });
    await setPrefs(manager, [{ kind, inApp: true, email: true }]);
    expect(await feed(manager)).toMatchObject({ items: [expect.objectContaining({ kind })], unread: 0 });
  });

  it("two senders running at once send each e-mail exactly once", async () => {
    const ws = await h.workspace();
    for (let i = 0; i < 20; i++) await notify(ws, [ws.users.sales.userId, ws.users.sdr.userId, ws.users.admin.userId], { kind: "lead.assigned", title: `Lead ${i}` });
    smtp.delayMs = 15;
    const senders = [0, 1].map(() =>
      createNotificationMailer({ db: h.tdb.db, repo: createNotificationMailerRepository(), mailer: createSmtpMailer({ url: smtp.url, from: FROM }), clock: h.clock, publicUrl: "http://tandem.test", batchSize: 5 }),
    );
    try {
      const results = await Promise.all(senders.map((s) => s.sendDue(ws.workspaceId)));
      expect(results[0]!.sent + results[1]!.sent).toBe(60);
      // Both took part (each claimed batches the other had not locked).
      expect(results[0]!.sent).toBeGreaterThan(0);
      expect(results[1]!.sent).toBeGreaterThan(0);
    } finally {
      for (const s of senders) s.close();
    }
    const ids = smtp.received.map((m) => m.headers["x-tandem-notification"]);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect((await rows(ws)).every((r) => r.email_status === "sent")).toBe(true);
  });

  it("retries a refused e-mail with backoff, then marks it failed with the server's error", async () => {
    const ws = await h.workspace();
    smtp.rejecting = true;
    await notify(ws, [ws.users.sales.userId], { kind: "sla.breached", title: "Overdue: accept Sam Ray" });
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await rows(ws);
    expect(row).toMatchObject({ email_status: "pending" });
    expect(row!.email_error).toMatch(/^attempt 1 of 4 failed: .*550.*Mailbox unavailable/);
    // Not before its backoff (1, 5, then 30 minutes).
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (const [minutes, attempt] of [[1, 2], [5, 3]] as const) {
      h.clock.advance(minutes * 60_000 - 1_000);
      expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      h.clock.advance(1_000);
      expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      [row] = await rows(ws);
      expect(row!.email_error).toMatch(new RegExp(`^attempt ${attempt} of 4 failed`));
    }
    h.clock.advance(30 * 60_000);
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    [row] = await rows(ws);
    expect(row).toMatchObject({ email_status: "failed" });
    expect(row!.email_error).toMatch(/^failed after 4 attempts: .*550.*Mailbox unavailable/);
    expect(smtp.refused).toBe(4);
    h.clock.advance(24 * 3600_000);
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);

    // A server that recovers: the retry goes through.
    await notify(ws, [ws.users.sdr.userId], { kind: "sla.warning", title: "Due in 1 h" });
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    smtp.rejecting = false;
    h.clock.advance(60_000);
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[ws.users.sdr.email]]);
  });

  it("fails at once, without sending, when the recipient left the workspace before the e-mail went out", async () => {
    const ws = await h.workspace();
    await notify(ws, [ws.users.marketing.userId], { kind: "lead.assigned", title: "New lead" });
    await h.tdb.ownerDb.pool.query("update memberships set deactivated_at = now() where workspace_id = $1 and user_id = $2", [ws.workspaceId, ws.users.marketing.userId]);
    expect(await mailer().sendDue(ws.workspaceId)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await rows(ws))[0]).toMatchObject({ email_status: "failed", email_error: "the recipient is no longer an active member of the workspace" });
    expect(smtp.received).toHaveLength(0);
  });

  it("e-mails the other side shortly after a proposal is made through the API (the kick after commit)", async () => {
    const kicking = await buildApp({ db: h.tdb.db, clock: h.clock, logLevel: "silent", sessionKey: TEST_SESSION_KEY, publicUrl: "http://tandem.test/", mail: { url: smtp.url, from: FROM, kickAfterMs: 50 } });
    try {
      const ws = await h.workspace();
      const as = caller(kicking, { authorization: `Bearer ${ws.users.marketing.token}` });
      const d = json<{ id: string; version: number }>(await as.post("/api/v1/lead-definitions", { basedOn: "starter" }));
      expect((await as.post(`/api/v1/lead-definitions/${d.id}/propose`)).statusCode).toBe(200);
      // Proposals go to both sides' approvers (sales, manager, marketing side except the proposer).
      await expect.poll(() => smtp.received.length, { timeout: 5_000 }).toBe(2);
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([ws.users.manager.email, ws.users.sales.email].sort());
      expect(smtp.received[0]!.text).toContain(`http://tandem.test/agreement/${d.id}`);
    } finally {
      await kicking.close();
    }
  });
});
