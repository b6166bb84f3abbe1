/**
 * The demo's content library (issue 7 part 1): what marketing produced over the window. `use` is the story of each
 * asset — `hot` and `warm` ones are what sales actually uses now, `old` ones were used once and forgotten, `never`
 * ones nobody sends. The campaigns' assets (story.ts CAMPAIGNS[].asset) are all here, and the most expensive one,
 * the Q3 ebook, is never used by sales.
 */
import type { AssetFormat, AssetStatus, BuyingStage } from "../../shared/domain/content.js";
import type { Persona } from "./story.js";

export type Use = "hot" | "warm" | "old" | "never";
export type AssetSpec = {
  title: string; format: AssetFormat; stage: BuyingStage; personas: Persona[]; products: string[]; competitors?: string[];
  summary: string; tags: string[]; cost?: number; use: Use; ageDays: number;
  status?: AssetStatus; review?: "pending" | "sent_back"; expiresInDays?: number; owner?: number;
};

const P = { platform: "Northwind Platform", cost: "Cost Analytics", auto: "Automation Studio", sec: "Security Guard", hub: "Integrations Hub", data: "Data Pipeline", support: "Premium Support", sdk: "Mobile SDK" } as const;

/** Ages are days since publication (or creation, for unpublished ones), before `now`. */
export const LIBRARY: readonly AssetSpec[] = [
  // What sales uses today.
  { title: "Northwind vs Stackline: pilot-to-paid comparison", format: "one_pager", stage: "convert", personas: ["VP Engineering", "CFO"], products: [P.platform], competitors: ["Stackline"], summary: "Three-year cost of one and two teams on both platforms, SSO and audit logs priced in, and what their free pilot turns into.", tags: ["competitive", "pricing"], cost: 1_500, use: "hot", ageDays: 40 },
  { title: "Cloud ROI Calculator", format: "calculator", stage: "convert", personas: ["CFO", "VP Engineering"], products: [P.cost, P.platform], summary: "Interactive payback model: current cloud spend, expected savings and our price, month by month.", tags: ["roi", "finance", "payback"], cost: 9_000, use: "hot", ageDays: 330 },
  { title: "Northwind Platform overview deck", format: "deck", stage: "convert", personas: ["VP Engineering", "CTO", "Engineering Manager"], products: [P.platform], summary: "The standard first-meeting deck: problem, platform, proof, pricing model.", tags: ["deck", "overview"], cost: 2_500, use: "hot", ageDays: 150 },
  { title: "Security and compliance datasheet", format: "datasheet", stage: "convert", personas: ["CTO", "IT Manager"], products: [P.sec, P.platform], summary: "SOC 2 Type II, ISO 27001, data residency, encryption and access controls on two pages.", tags: ["security", "compliance", "soc2"], cost: 1_200, use: "warm", ageDays: 260 },
  { title: "Team plans pricing one-pager", format: "one_pager", stage: "convert", personas: ["CFO"], products: [P.platform, P.cost], summary: "How team plans price: unlimited seats per team, 40 % off the second team, annual prepay.", tags: ["pricing", "finance"], cost: 600, use: "warm", ageDays: 75 },
  { title: "Onboarding plan: your first two weeks", format: "one_pager", stage: "convert", personas: ["Engineering Manager", "IT Manager"], products: [P.platform, P.support], summary: "Day-by-day guided onboarding for the first team, with who does what on each side.", tags: ["onboarding", "implementation"], cost: 800, use: "warm", ageDays: 120 },
  { title: "Northwind vs Cloudvane battlecard one-pager", format: "one_pager", stage: "convert", personas: ["CTO", "Operations Director"], products: [P.platform], competitors: ["Cloudvane"], summary: "Two weeks to live vs two quarters: implementation, engineering adoption and total cost.", tags: ["competitive"], cost: 700, use: "warm", ageDays: 210 },
  { title: "State of DevOps Report", format: "whitepaper", stage: "engage", personas: ["VP Engineering", "CTO", "Engineering Manager"], products: [P.platform, P.auto], summary: "Survey of 1,200 engineering leaders: where cloud operations time and money go.", tags: ["research", "devops"], cost: 14_000, use: "warm", ageDays: 240 },
  { title: "Kubernetes Cost Control", format: "webinar", stage: "engage", personas: ["Developer", "Engineering Manager"], products: [P.cost], summary: "Webinar recording: rightsizing, autoscaling and showback for Kubernetes clusters.", tags: ["kubernetes", "webinar", "cost"], cost: 4_000, use: "warm", ageDays: 300 },
  { title: "Scaling Engineering Teams", format: "webinar", stage: "engage", personas: ["VP Engineering", "CTO"], products: [P.platform], summary: "Webinar series: platform teams, guardrails and paved roads from 50 to 500 engineers.", tags: ["webinar", "leadership"], cost: 6_000, use: "warm", ageDays: 180 },
  { title: "Cost-aware Architecture on AWS", format: "webinar", stage: "engage", personas: ["VP Engineering", "Engineering Manager"], products: [P.cost, P.platform], summary: "Joint webinar with AWS: designing for cost from the first service.", tags: ["aws", "webinar", "architecture"], cost: 3_000, use: "warm", ageDays: 60 },
  { title: "Cost Analytics product tour", format: "video", stage: "engage", personas: ["CFO", "Operations Director"], products: [P.cost], summary: "Six-minute tour: spend by team, forecasts and anomaly alerts.", tags: ["video", "demo"], cost: 2_200, use: "warm", ageDays: 140 },
  { title: "Automation Studio: a runbook automated end to end", format: "video", stage: "engage", personas: ["Engineering Manager", "Developer"], products: [P.auto], competitors: ["OpsPilot"], summary: "A routine incident resolved without a human: the runbook, the automation and the audit trail.", tags: ["video", "automation", "incidents"], cost: 1_800, use: "warm", ageDays: 95 },
  // Used once, then forgotten.
  { title: "The Cloud Ops Playbook", format: "ebook", stage: "engage", personas: ["IT Manager", "Operations Director"], products: [P.platform], summary: "Forty pages of practices for running cloud operations with a small team.", tags: ["ebook", "operations"], cost: 7_500, use: "old", ageDays: 470 },
  { title: "Platform Launch", format: "webinar", stage: "engage", personas: ["IT Manager", "Engineering Manager", "VP Engineering"], products: [P.platform], summary: "Launch webinar recording: what is new in the platform.", tags: ["webinar", "launch"], cost: 8_000, use: "old", ageDays: 450 },
  { title: "Cloud Operations Guide", format: "blog_post", stage: "engage", personas: ["IT Manager", "Developer"], products: [P.platform], summary: "The pillar guide behind the SEO programme: monitoring, cost and automation basics.", tags: ["guide", "seo"], cost: 3_000, use: "old", ageDays: 520 },
  { title: "Northwind vs Byteforge: self-run or managed", format: "one_pager", stage: "convert", personas: ["CTO", "Developer"], products: [P.platform], competitors: ["Byteforge"], summary: "What running the open-source core yourself costs in engineer-weeks.", tags: ["competitive"], cost: 500, use: "old", ageDays: 380 },
  { title: "DevOps Summit", format: "deck", stage: "engage", personas: ["IT Manager", "Developer"], products: [P.platform], summary: "Booth presentation and follow-up deck from the DevOps Summit.", tags: ["event"], cost: 1_000, use: "old", ageDays: 395 },
  { title: "Security for IT Teams", format: "webinar", stage: "engage", personas: ["IT Manager"], products: [P.sec], summary: "Webinar recording: the ten misconfigurations that cause most incidents.", tags: ["webinar", "security"], cost: 5_000, use: "old", ageDays: 92 },
  { title: "2025 price list", format: "datasheet", stage: "convert", personas: ["CFO"], products: [P.platform, P.cost, P.auto, P.sec], summary: "List prices valid until the new team plans.", tags: ["pricing"], use: "old", ageDays: 420, expiresInDays: -35 },
  { title: "Integrations Hub connector catalogue", format: "datasheet", stage: "convert", personas: ["Developer"], products: [P.hub], summary: "Every connector with its sync direction and limits.", tags: ["integrations"], cost: 400, use: "old", ageDays: 300 },
  // Nobody sends these.
  { title: "The IT Manager's Guide to Cloud Costs", format: "ebook", stage: "engage", personas: ["IT Manager"], products: [P.cost], summary: "The Q3 ebook: where cloud money goes and how a small IT team takes control.", tags: ["ebook", "cost"], cost: 22_000, use: "never", ageDays: 200 },
  { title: "Cloud Expo Europe", format: "deck", stage: "engage", personas: ["IT Manager", "Operations Director"], products: [P.platform], summary: "Stand presentation from Cloud Expo Europe.", tags: ["event"], cost: 1_500, use: "never", ageDays: 210 },
  { title: "CTO Roundtable", format: "other", stage: "engage", personas: ["CTO", "VP Engineering"], products: [P.platform], summary: "Notes and themes from the CTO roundtable dinners.", tags: ["event", "executive"], cost: 900, use: "never", ageDays: 240 },
  { title: "Northwind Roadshow", format: "deck", stage: "engage", personas: ["IT Manager", "Engineering Manager"], products: [P.platform], summary: "Regional roadshow keynote deck.", tags: ["event"], cost: 1_200, use: "never", ageDays: 115 },
  { title: "IT Leaders Forum", format: "deck", stage: "engage", personas: ["IT Manager"], products: [P.platform, P.sec], summary: "Sponsor session deck from the IT Leaders Forum.", tags: ["event"], cost: 2_000, use: "never", ageDays: 25 },
  { title: "Five signs your cloud bill is out of control", format: "blog_post", stage: "engage", personas: ["IT Manager", "CFO"], products: [P.cost], summary: "Blog post: idle resources, untagged spend and other early warnings.", tags: ["blog", "cost"], cost: 300, use: "never", ageDays: 330 },
  { title: "What is FinOps? A primer for engineering teams", format: "blog_post", stage: "engage", personas: ["Developer", "Engineering Manager"], products: [P.cost], summary: "Blog post: the FinOps loop explained for engineers.", tags: ["blog", "finops"], cost: 300, use: "never", ageDays: 280 },
  { title: "Infographic: the hidden cost of on-call", format: "other", stage: "engage", personas: ["Engineering Manager"], products: [P.auto], summary: "Hours lost to manual incident triage, by team size.", tags: ["infographic", "incidents"], cost: 1_100, use: "never", ageDays: 160 },
  { title: "Data Pipeline datasheet", format: "datasheet", stage: "convert", personas: ["Operations Director", "Developer"], products: [P.data], summary: "Connectors, freshness checks, lineage and throughput limits.", tags: ["data"], cost: 500, use: "never", ageDays: 230 },
  { title: "Mobile SDK quick-start", format: "other", stage: "engage", personas: ["Developer"], products: [P.sdk], summary: "Ship crash and performance telemetry from a mobile app in ten minutes.", tags: ["developer", "mobile"], cost: 300, use: "never", ageDays: 190 },
  { title: "Premium Support service description", format: "datasheet", stage: "convert", personas: ["Operations Director", "IT Manager"], products: [P.support], summary: "Response times, named engineers and escalation paths.", tags: ["support"], use: "never", ageDays: 350 },
  { title: "Guardrails as code: a whitepaper", format: "whitepaper", stage: "engage", personas: ["CTO", "VP Engineering"], products: [P.platform, P.sec], summary: "Policy as code for cloud platforms: patterns and anti-patterns.", tags: ["whitepaper", "governance"], cost: 4_500, use: "never", ageDays: 270 },
  { title: "Automation Studio datasheet", format: "datasheet", stage: "convert", personas: ["Engineering Manager"], products: [P.auto], summary: "Triggers, actions, approvals and limits.", tags: ["automation"], cost: 400, use: "never", ageDays: 310 },
  { title: "Cloud cost benchmark by industry", format: "whitepaper", stage: "engage", personas: ["CFO", "VP Engineering"], products: [P.cost], summary: "What companies like yours spend on cloud per engineer and per customer.", tags: ["research", "benchmark"], cost: 6_500, use: "never", ageDays: 160 },
  { title: "Annual plan promotion", format: "one_pager", stage: "convert", personas: ["IT Manager", "CFO"], products: [P.platform], summary: "Two months free on annual plans signed this quarter.", tags: ["promotion", "pricing"], use: "never", ageDays: 55, expiresInDays: 12 },
  { title: "Q4 promotion one-pager", format: "one_pager", stage: "convert", personas: ["IT Manager"], products: [P.platform], summary: "Last year's year-end offer.", tags: ["promotion"], use: "never", ageDays: 140, expiresInDays: -60 },
  { title: "Partner brief: Azure co-sell", format: "one_pager", stage: "engage", personas: ["CTO", "VP Engineering", "IT Manager"], products: [P.platform], summary: "How to buy Northwind through the Azure marketplace and draw down commitments.", tags: ["partner", "azure"], cost: 600, use: "never", ageDays: 400 },
  { title: "Developer newsletter: best of the year", format: "blog_post", stage: "engage", personas: ["Developer"], products: [P.hub, P.sdk], summary: "The year's most-read tutorials in one issue.", tags: ["newsletter"], use: "never", ageDays: 85 },
  // Not (or no longer) in front of buyers.
  { title: "Reserved-instance planner guide", format: "whitepaper", stage: "engage", personas: ["CFO"], products: [P.cost], summary: "Replaced by commitment recommendations.", tags: ["cost"], cost: 2_000, use: "never", ageDays: 500, status: "retired" },
  { title: "Platform datasheet (2024)", format: "datasheet", stage: "convert", personas: ["IT Manager"], products: [P.platform], summary: "Superseded by the platform overview deck.", tags: ["legacy"], use: "never", ageDays: 540, status: "retired" },
  { title: "CFO payback one-pager", format: "one_pager", stage: "convert", personas: ["CFO"], products: [P.cost], summary: "Payback in months from the ROI calculator's median customer, with the assumptions spelled out.", tags: ["finance", "payback"], cost: 700, use: "never", ageDays: 6, status: "in_review", review: "pending" },
  { title: "Stackline migration guide", format: "whitepaper", stage: "convert", personas: ["VP Engineering", "Engineering Manager"], products: [P.platform], competitors: ["Stackline"], summary: "Moving from Stackline after the pilot: mapping, data export and a two-week cut-over.", tags: ["competitive", "migration"], cost: 2_500, use: "never", ageDays: 14, status: "draft", review: "sent_back" },
  { title: "Data Pipeline for operations teams", format: "one_pager", stage: "engage", personas: ["Operations Director"], products: [P.data], summary: "Draft: trustworthy operations dashboards without a data team.", tags: ["data"], use: "never", ageDays: 3, status: "draft" },
];

/** The comment the sales reviewer sent the migration guide back with. */
export const SENT_BACK_COMMENT = "Good start. Add the SSO/SAML mapping and a realistic cut-over plan for a 200-seat team; the two-week claim will be challenged.";

/** Headlines for the case studies written about reference customers, by the product they use most. */
export const CASE_STUDY_HEADLINES: Record<string, string> = {
  "Northwind Platform": "one platform for every engineering team",
  "Cost Analytics": "cloud spend down 28 % in two quarters",
  "Automation Studio": "a day a week back for every on-call engineer",
  "Security Guard": "audit-ready in six weeks",
  "Integrations Hub": "forty tools connected without a platform team",
  "Data Pipeline": "operations dashboards right every Monday",
  "Premium Support": "incidents resolved 3× faster with a named engineer",
  "Mobile SDK": "crash rate halved in a quarter",
};
