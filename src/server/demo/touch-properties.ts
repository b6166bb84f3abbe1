/** The `properties` JSON of touchpoints: a few fixed variants per campaign and type, serialised once. */
import type { TouchpointType } from "../../shared/domain/touchpoints.js";
import type { CampaignPlan } from "./campaigns.js";
import type { Rng } from "./prng.js";

const PAGES = ["/", "/pricing", "/product", "/product/cost-analytics", "/product/automation", "/customers", "/blog/finops-basics", "/blog/kubernetes-costs", "/docs/getting-started", "/compare/stackline"];
const FORMS = [
  { form: "demo_request", url: "/demo" },
  { form: "contact_sales", url: "/contact" },
  { form: "free_trial", url: "/trial" },
  { form: "content_gate", url: "/resources" },
];
const ADS = ["cut-cloud-costs-30", "finops-for-it-teams", "kubernetes-cost-control", "book-a-demo"];
const SUBJECTS = ["Your cloud bill, explained", "3 ways to cut idle spend", "What's new in Northwind", "Invitation: live demo this week", "Case study: 38% lower cloud costs"];
const SALES_SUBJECTS = ["Following up on your visit", "Quick question about your cloud spend", "Agenda for our call", "Proposal and next steps", "Notes from today"];
const ASSETS = ["The Cloud Ops Playbook", "Cloud Cost Benchmark 2025", "FinOps Checklist", "Northwind Platform Overview", "Customer Story: Harbor Logistics", "Security Whitepaper"];
const CHAT_TOPICS = ["pricing", "integrations", "security review", "trial extension"];
const MEETINGS = [
  { title: "Discovery call", duration_min: 30 },
  { title: "Product demo", duration_min: 45 },
  { title: "Technical deep dive", duration_min: 60 },
  { title: "Commercial review", duration_min: 30 },
];
const SDR_MEETINGS = [
  { title: "Intro meeting (booked by SDR)", duration_min: 30, booked_by_sdr: true },
  { title: "Discovery call (booked by SDR)", duration_min: 30, booked_by_sdr: true },
];
const CALLS = [
  { outcome: "connected", duration_sec: 420 },
  { outcome: "voicemail", duration_sec: 35 },
  { outcome: "no_answer", duration_sec: 0 },
  { outcome: "connected", duration_sec: 1_260 },
];

function variants(c: CampaignPlan | null, type: TouchpointType | "sdr_meeting"): Record<string, unknown>[] {
  const utm = c?.spec.utm ? { utm_source: c.spec.utm.source, utm_medium: c.spec.utm.medium, utm_campaign: c.slug } : {};
  const asset = c?.spec.asset;
  switch (type) {
    case "email_sent":
    case "email_open":
    case "email_click":
    case "email_reply":
      return SUBJECTS.map((subject) => ({ subject, ...utm }));
    case "ad_click":
      return ADS.map((ad) => ({ ad, ...utm }));
    case "page_view":
      return PAGES.map((url) => ({ url, ...utm }));
    case "form_submit":
      return FORMS.map((f) => ({ ...f, ...utm, ...(asset ? { asset_title: asset } : {}) }));
    case "content_view":
    case "content_download":
      return (asset ? [asset] : ASSETS).map((asset_title) => ({ asset_title, ...utm }));
    case "webinar_register":
    case "webinar_attend":
      return [{ webinar_title: asset ?? c?.spec.name ?? "Northwind Live", ...utm }];
    case "event_visit":
      return [{ event_name: asset ?? c?.spec.name ?? "Meetup", scan: "badge" }];
    case "chat":
      return CHAT_TOPICS.map((topic) => ({ topic }));
    case "call":
      return CALLS;
    case "meeting":
      return MEETINGS;
    case "sdr_meeting":
      return SDR_MEETINGS;
    case "sales_email":
      return SALES_SUBJECTS.map((subject) => ({ subject }));
    case "content_share":
      return ASSETS.map((asset_title) => ({ asset_title }));
  }
}

const cache = new Map<string, string[]>();

/** A serialised properties object for a touch of `type` (pure data, so a process-wide cache is safe). */
export function touchProperties(rng: Rng, c: CampaignPlan | null, type: TouchpointType | "sdr_meeting"): string {
  const key = `${c ? `${c.spec.key}|${c.slug}|${c.spec.utm?.source ?? ""}` : "-"}:${type}`;
  let list = cache.get(key);
  if (!list) {
    list = variants(c, type).map((v) => JSON.stringify(v));
    cache.set(key, list);
  }
  return list[Math.floor(rng.next() * list.length)] as string;
}
