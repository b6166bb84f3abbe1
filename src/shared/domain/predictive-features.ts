/**
 * The workspace predictive model's inputs (DESIGN §6.2): which closed-loop outcomes it learns from, which contact,
 * account and engagement fields it reads, and how one contact becomes a feature row for the predictive library.
 */
import type { ColumnSpec, RawRow } from "./predictive/feature-spec.js";
import type { FeatureContribution } from "./predictive/explain.js";
import type { TouchpointType } from "./touchpoints.js";

/** Training is refused below this many outcomes of either class (won, and lost/rejected/disqualified). */
export const PREDICTIVE_MIN_PER_CLASS = 30;
/** Share of outcomes held out (stratified, fixed seed) to measure AUC, Brier, accuracy and calibration. */
export const PREDICTIVE_TEST_FRACTION = 0.2;
export const PREDICTIVE_SEED = 42;
/** The L2 penalty used unless a training request names another. */
export const PREDICTIVE_DEFAULT_LAMBDA = 1;
/** Engagement features count the touches in this many days before the contact's cutoff. */
export const ENGAGEMENT_WINDOW_DAYS = 90;
/** The scheduled retrain replaces a model older than this. */
export const RETRAIN_AFTER_DAYS = 7;

/** Public mailbox providers: an address there says nothing about a company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com",
  "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com", "zoho.com",
]);

/** Touchpoint types grouped into the engagement features; every type belongs to exactly one group. */
export const TOUCH_GROUPS = {
  nurture: ["email_sent"],
  email: ["email_open", "email_click", "email_reply"],
  web: ["page_view", "ad_click", "chat"],
  content: ["content_view", "content_download", "form_submit"],
  events: ["webinar_register", "webinar_attend", "event_visit"],
  sales: ["call", "meeting", "sales_email", "content_share"],
} as const satisfies Record<string, readonly TouchpointType[]>;
export type TouchGroup = keyof typeof TOUCH_GROUPS;

const GROUP_OF = new Map<string, TouchGroup>(Object.entries(TOUCH_GROUPS).flatMap(([g, types]) => types.map((t) => [t, g as TouchGroup] as const)));

/** The model's input columns, in order. Numbers are log(1 + x) before standardising: sizes and counts are skewed. */
export const PREDICTIVE_COLUMNS: readonly ColumnSpec[] = [
  { name: "contact.seniority", kind: "categorical" },
  { name: "contact.department", kind: "categorical" },
  { name: "contact.persona", kind: "categorical" },
  { name: "contact.country", kind: "categorical" },
  { name: "contact.source", kind: "categorical" },
  { name: "contact.channel", kind: "categorical" },
  { name: "contact.free_mail", kind: "boolean" },
  { name: "account.industry", kind: "categorical" },
  { name: "account.employees", kind: "numeric" },
  { name: "account.annual_revenue", kind: "numeric" },
  { name: "account.region", kind: "categorical" },
  { name: "account.customer_status", kind: "categorical" },
  ...Object.keys(TOUCH_GROUPS).map((g): ColumnSpec => ({ name: `touches.${g}`, kind: "numeric" })),
];

/** Readable names of the columns, for explanations. */
export const PREDICTIVE_COLUMN_LABELS: Record<string, string> = {
  "contact.seniority": "Seniority",
  "contact.department": "Department",
  "contact.persona": "Persona",
  "contact.country": "Country",
  "contact.source": "Source",
  "contact.channel": "Channel",
  "contact.free_mail": "Free-mail address",
  "account.industry": "Industry",
  "account.employees": "Employees",
  "account.annual_revenue": "Annual revenue",
  "account.region": "Region",
  "account.customer_status": "Account status",
  "touches.nurture": "Marketing e-mails sent (90 days)",
  "touches.email": "E-mail opens, clicks, replies (90 days)",
  "touches.web": "Web visits, ad clicks, chats (90 days)",
  "touches.content": "Content views, downloads, forms (90 days)",
  "touches.events": "Webinars and events (90 days)",
  "touches.sales": "Sales calls, meetings, e-mails (90 days)",
};

/** What a contact's feature row is built from; `touches` counts by type in the window before `cutoff`. */
export type ContactFeatureInput = {
  email: string | null;
  seniority: string | null;
  department: string | null;
  persona: string | null;
  country: string | null;
  source: string | null;
  channel: string | null;
  industry: string | null;
  employees: number | null;
  annualRevenue: number | null;
  region: string | null;
  customerStatus: string | null;
  /** When the account's first deal was won: a status of customer reached after the cutoff is hidden. */
  accountFirstWinAt: Date | null;
  cutoff: Date;
  touches: Readonly<Record<string, number>>;
};

/** A contact row for the model, and the untransformed values an explanation shows. */
export type ContactFeatures = { row: RawRow; display: Record<string, string | number | boolean | null> };

/** Whether an e-mail address is at a public mailbox provider. */
export function isFreeMail(email: string | null): boolean {
  const domain = email?.split("@")[1]?.trim().toLowerCase();
  return !!domain && FREE_MAIL_DOMAINS.has(domain);
}

/**
 * The account's status as it stood at `cutoff`: a customer (or former customer) whose first won deal closed at or
 * after the cutoff was still a prospect then. Without this, every won contact's account would read "customer".
 */
export function customerStatusAt(status: string | null, firstWinAt: Date | null, cutoff: Date): string | null {
  if ((status === "customer" || status === "former_customer") && firstWinAt && firstWinAt.getTime() >= cutoff.getTime()) return "prospect";
  return status;
}

/** Touch counts per group from counts per touchpoint type. */
export function groupTouches(byType: Readonly<Record<string, number>>): Record<TouchGroup, number> {
  const out = Object.fromEntries(Object.keys(TOUCH_GROUPS).map((g) => [g, 0])) as Record<TouchGroup, number>;
  for (const [type, n] of Object.entries(byType)) {
    const g = GROUP_OF.get(type);
    if (g) out[g] += n;
  }
  return out;
}

const log1p = (v: number | null) => (v === null || v < 0 ? null : Math.log1p(v));
const lower = (v: string | null) => (v === null || v.trim() === "" ? null : v.trim().toLowerCase());

/** One contact as the model sees it (categories lower-cased, sizes and counts as log(1 + x)). */
export function contactFeatures(input: ContactFeatureInput): ContactFeatures {
  const status = customerStatusAt(input.customerStatus, input.accountFirstWinAt, input.cutoff);
  const touches = groupTouches(input.touches);
  const display: ContactFeatures["display"] = {
    "contact.seniority": lower(input.seniority),
    "contact.department": lower(input.department),
    "contact.persona": lower(input.persona),
    "contact.country": lower(input.country),
    "contact.source": lower(input.source),
    "contact.channel": lower(input.channel),
    "contact.free_mail": isFreeMail(input.email),
    "account.industry": lower(input.industry),
    "account.employees": input.employees,
    "account.annual_revenue": input.annualRevenue,
    "account.region": lower(input.region),
    "account.customer_status": status,
  };
  for (const [g, n] of Object.entries(touches)) display[`touches.${g}`] = n;
  const row: Record<string, string | number | boolean | null> = { ...display };
  row["account.employees"] = log1p(input.employees);
  row["account.annual_revenue"] = log1p(input.annualRevenue);
  for (const [g, n] of Object.entries(touches)) row[`touches.${g}`] = Math.log1p(n);
  return { row, display };
}

/** One factor of a contact's explanation: the feature, its value, and its push on the log-odds. */
export type PredictiveFactor = { feature: string; column: string; label: string; value: string | number | boolean | null; contribution: number; direction: "up" | "down" };

/** Readable factors from the library's contributions and the contact's untransformed values. */
export function describeContributions(contributions: readonly FeatureContribution[], display: ContactFeatures["display"]): PredictiveFactor[] {
  return contributions.map((c) => ({
    feature: c.feature,
    column: c.column,
    label: PREDICTIVE_COLUMN_LABELS[c.column] ?? c.column,
    value: display[c.column] ?? null,
    contribution: c.contribution,
    direction: c.contribution >= 0 ? "up" : "down",
  }));
}

/** A feature name for people: `account.industry=software` → `Industry = software`, `touches.web` → its label. */
export function featureLabel(feature: string, column: string): string {
  const label = PREDICTIVE_COLUMN_LABELS[column] ?? column;
  return feature.startsWith(`${column}=`) ? `${label} = ${feature.slice(column.length + 1)}` : label;
}
