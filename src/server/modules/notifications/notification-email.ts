import { escapeHtml } from "../../platform/mail/html.js";
import type { OutgoingMail } from "../../platform/mail/mailer.js";
import { notificationKindLabel } from "../../../shared/contracts/notifications.js";

/** What an e-mail is made of; every string but `publicUrl` is user data and is escaped in the HTML. */
export type NotificationEmailInput = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  recipientName: string;
  recipientAddress: string;
  workspaceName: string;
  publicUrl: string;
};

export const PREFERENCES_PATH = "/settings/notifications";
const SUBJECT_MAX = 180;

// Only an app path becomes a link: never another host (`//evil.example`) or a scheme.
function appUrl(publicUrl: string, link: string | null): string {
  const base = publicUrl.replace(/\/+$/, "");
  return link && /^\/(?![/\\])/.test(link) ? `${base}${link}` : `${base}/notifications`;
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The plain-text and HTML e-mail of one notification, with a link to it and to the recipient's preferences. */
export function renderNotificationEmail(n: NotificationEmailInput): OutgoingMail {
  const url = appUrl(n.publicUrl, n.link);
  const preferencesUrl = appUrl(n.publicUrl, PREFERENCES_PATH);
  const kind = notificationKindLabel(n.kind) ?? n.kind;
  const title = oneLine(n.title);
  const subjectFull = `[${oneLine(n.workspaceName)}] ${title}`;
  const subject = subjectFull.length > SUBJECT_MAX ? `${subjectFull.slice(0, SUBJECT_MAX - 1)}…` : subjectFull;
  const text = [
    `Hi ${n.recipientName},`,
    "",
    title,
    ...(n.body ? ["", n.body] : []),
    "",
    `Open in Tandem: ${url}`,
    "",
    "-- ",
    `${kind} · ${n.workspaceName}`,
    `You get this e-mail because of your notification settings. Change them: ${preferencesUrl}`,
  ].join("\n");
  const p = "margin:0 0 16px";
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">
<p style="${p}">Hi ${escapeHtml(n.recipientName)},</p>
<p style="${p};font-size:17px;font-weight:600">${escapeHtml(title)}</p>
${n.body ? `<p style="${p};white-space:pre-line">${escapeHtml(n.body)}</p>\n` : ""}<p style="${p}"><a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 14px;background:#228be6;color:#fff;border-radius:4px;text-decoration:none">Open in Tandem</a></p>
<hr style="border:none;border-top:1px solid #dee2e6;margin:24px 0 12px">
<p style="margin:0;font-size:12px;color:#6a737d">${escapeHtml(kind)} · ${escapeHtml(n.workspaceName)}<br>
You get this e-mail because of your notification settings. <a href="${escapeHtml(preferencesUrl)}" style="color:#6a737d">Change or turn off these e-mails</a>.</p>
</body></html>`;
  return {
    to: n.recipientAddress,
    subject,
    text,
    html,
    headers: { "Auto-Submitted": "auto-generated", "List-Unsubscribe": `<${preferencesUrl}>`, "X-Tandem-Notification": n.id },
  };
}
