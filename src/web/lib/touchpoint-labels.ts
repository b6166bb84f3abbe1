import { humanize } from "./format";

const TYPE_LABELS: Record<string, string> = {
  email_sent: "Email sent",
  email_open: "Email opened",
  email_click: "Email link clicked",
  email_reply: "Replied to email",
  page_view: "Viewed page",
  form_submit: "Submitted form",
  content_view: "Viewed content",
  content_download: "Downloaded content",
  webinar_register: "Registered for webinar",
  webinar_attend: "Attended webinar",
  event_visit: "Visited event",
  ad_click: "Clicked ad",
  chat: "Chat conversation",
  call: "Call",
  meeting: "Meeting",
  sales_email: "Sales email",
  content_share: "Shared content",
};

/** A readable label of a touchpoint type (`webinar_attend` → `Attended webinar`). */
export function touchpointTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.replace(/_/g, " ");
}

/** A short one-line summary of a touchpoint's properties (page, asset, subject, note), if any. */
export function touchpointDetail(properties: Record<string, unknown>): string | null {
  for (const key of ["title", "subject", "asset", "page", "url", "path", "form", "note", "notes", "outcome"]) {
    const v = properties[key];
    if (typeof v !== "string" || !v.trim()) continue;
    // Codes such as `no_answer` read better as words; free text and paths stay as they are.
    if (/^[a-z]+(_[a-z]+)+$/.test(v)) return humanize(v);
    return v.length > 140 ? `${v.slice(0, 140)}…` : v;
  }
  return null;
}
