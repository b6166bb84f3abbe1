/**
 * The demo's cast and plot (DESIGN §1, §8). Each knob here exists so a dashboard has something true to
 * show; the generator reads them and nothing else decides the story.
 */
import type { Channel } from "../../shared/domain/touchpoints.js";
import type { Seniority } from "../../shared/contracts/contacts.js";
import { weighted } from "./prng.js";

export const WORKSPACE_NAME = "Northwind Cloud";
export const DEFAULT_SLUG = "demo";
export const DEFAULT_CONTACTS = 20_000;
export const DEFAULT_SEED = 42;
export const WINDOW_MONTHS = 18;
/** Contacts per account on average; accounts scale with contacts. */
export const CONTACTS_PER_ACCOUNT = 10;

export type Persona = "IT Manager" | "Developer" | "Engineering Manager" | "VP Engineering" | "CTO" | "Operations Director" | "CFO";
export type PersonaInfo = { titles: readonly string[]; seniority: Seniority; department: string; fit: number };

/** Marketing's darling is the IT Manager; the people who sign are the VP Engineering and the CTO (story 2). */
export const PERSONAS: Record<Persona, PersonaInfo> = {
  "IT Manager": { titles: ["IT Manager", "Senior IT Manager", "IT Operations Manager", "Infrastructure Manager"], seniority: "manager", department: "IT", fit: 15 },
  Developer: { titles: ["Software Engineer", "Senior Software Engineer", "DevOps Engineer", "Platform Engineer"], seniority: "individual", department: "Engineering", fit: 5 },
  "Engineering Manager": { titles: ["Engineering Manager", "Senior Engineering Manager", "Platform Team Lead"], seniority: "manager", department: "Engineering", fit: 15 },
  "VP Engineering": { titles: ["VP Engineering", "VP of Engineering", "SVP Engineering", "Head of Engineering"], seniority: "vp", department: "Engineering", fit: 30 },
  CTO: { titles: ["CTO", "Chief Technology Officer", "Co-founder & CTO"], seniority: "c_level", department: "Executive", fit: 35 },
  "Operations Director": { titles: ["Director of Operations", "Head of IT Operations", "Operations Director"], seniority: "director", department: "Operations", fit: 15 },
  CFO: { titles: ["CFO", "Chief Financial Officer", "VP Finance"], seniority: "c_level", department: "Finance", fit: 15 },
};

export const PERSONA_MIX = weighted<Persona>([
  ["IT Manager", 30], ["Developer", 18], ["Engineering Manager", 14], ["VP Engineering", 11], ["CTO", 7], ["Operations Director", 13], ["CFO", 7],
]);

export type PersonaOdds = { mql: number; accept: number; opportunity: number; win: number };
/** Per-persona funnel odds: IT Managers convert to MQL and get accepted, then stall and rarely win. */
export const PERSONA_ODDS: Record<Persona, PersonaOdds> = {
  "IT Manager": { mql: 0.52, accept: 0.78, opportunity: 0.38, win: 0.12 },
  Developer: { mql: 0.3, accept: 0.62, opportunity: 0.22, win: 0.45 },
  "Engineering Manager": { mql: 0.34, accept: 0.76, opportunity: 0.34, win: 1.0 },
  "VP Engineering": { mql: 0.3, accept: 0.85, opportunity: 0.5, win: 1.7 },
  CTO: { mql: 0.26, accept: 0.85, opportunity: 0.5, win: 1.8 },
  "Operations Director": { mql: 0.24, accept: 0.7, opportunity: 0.3, win: 0.8 },
  CFO: { mql: 0.16, accept: 0.72, opportunity: 0.34, win: 1.0 },
};

export const STUDENT_TITLES = ["Student", "Graduate Student", "Intern", "Job Seeker", "MSc Student"] as const;

export type Segment = "SMB" | "Mid-Market" | "Enterprise";
export const SEGMENT_MIX = weighted<Segment>([["SMB", 55], ["Mid-Market", 33], ["Enterprise", 12]]);
export const SEGMENT_INFO: Record<Segment, { contactWeight: number; employees: [number, number]; amount: [number, number]; cycleDays: [number, number]; existingCustomer: number }> = {
  SMB: { contactWeight: 5, employees: [12, 199], amount: [8_000, 25_000], cycleDays: [14, 45], existingCustomer: 0.08 },
  "Mid-Market": { contactWeight: 12, employees: [200, 1_999], amount: [25_000, 90_000], cycleDays: [30, 90], existingCustomer: 0.13 },
  Enterprise: { contactWeight: 24, employees: [2_000, 60_000], amount: [90_000, 380_000], cycleDays: [60, 150], existingCustomer: 0.2 },
};

export const INDUSTRIES = weighted<string>([
  ["Software", 25], ["Financial Services", 12], ["Healthcare", 10], ["Manufacturing", 10], ["Retail", 8], ["Media", 6],
  ["Education", 6], ["Logistics", 6], ["Telecommunications", 5], ["Government", 4], ["Energy", 4], ["Professional Services", 4],
]);
/** Industries the fit model likes. */
export const CORE_INDUSTRIES: ReadonlySet<string> = new Set(["Software", "Financial Services", "Telecommunications", "Media"]);
export const CORE_COUNTRIES: ReadonlySet<string> = new Set(["United States", "United Kingdom", "Germany", "Canada"]);
/** Minimum fit points per grade (the demo's lead agreement, version 1). */
export const FIT_GRADE_THRESHOLDS = { A: 60, B: 45, C: 30 } as const;
/** Engagement points per touch type and the half-life they decay with (version 1). */
export const ENGAGEMENT_POINTS = {
  email_open: 1, email_click: 3, email_reply: 5, page_view: 1, form_submit: 10, content_view: 3, content_download: 8,
  webinar_register: 5, webinar_attend: 10, event_visit: 8, ad_click: 2, chat: 6,
} as const;
export const ENGAGEMENT_HALF_LIFE_DAYS = 30;

export type Territory = "east" | "west";
export type Region = { name: string; countries: readonly string[]; territory: Territory };
export const REGIONS = weighted<Region>([
  [{ name: "North America East", countries: ["United States", "United States", "Canada"], territory: "east" }, 28],
  [{ name: "EMEA", countries: ["United Kingdom", "Germany", "France", "Netherlands", "Sweden", "Spain"], territory: "east" }, 30],
  [{ name: "North America West", countries: ["United States", "United States", "Canada"], territory: "west" }, 22],
  [{ name: "APAC", countries: ["Australia", "Japan", "Singapore", "India"], territory: "west" }, 13],
  [{ name: "LATAM", countries: ["Brazil", "Mexico", "Chile"], territory: "west" }, 7],
]);

/** Hours of business time an AE takes to accept or reject an MQL (story 3: AE West breaches the 4-hour SLA). */
export const RESPONSE_HOURS: Record<Territory, { median: number; sigma: number }> = {
  east: { median: 1.3, sigma: 0.7 },
  west: { median: 13, sigma: 0.55 },
};

export const COMPETITORS = ["Stackline", "Cloudvane", "Byteforge", "OpsPilot"] as const;
/** Story 4: the rising competitor. Its share of competitive losses grows from `from` to `to` across the window. */
export const RISING_COMPETITOR = { name: "Stackline", from: 0.08, to: 0.85 } as const;

export type ProductSpec = { name: string; family: string; listPrice: number };
export const PRODUCTS: readonly ProductSpec[] = [
  { name: "Northwind Platform", family: "Core", listPrice: 24_000 },
  { name: "Cost Analytics", family: "Analytics", listPrice: 12_000 },
  { name: "Automation Studio", family: "Automation", listPrice: 15_000 },
  { name: "Security Guard", family: "Security", listPrice: 18_000 },
  { name: "Integrations Hub", family: "Platform", listPrice: 8_000 },
  { name: "Data Pipeline", family: "Data", listPrice: 14_000 },
  { name: "Premium Support", family: "Services", listPrice: 6_000 },
  { name: "Mobile SDK", family: "Developer", listPrice: 5_000 },
];
/** Story 7: most customers own one or two products (the rest is whitespace). */
export const OWNED_PRODUCT_COUNT = weighted<number>([[1, 46], [2, 32], [3, 13], [4, 6], [5, 3]]);

/** Story 6: the volume SDR books many meetings that rarely win; the quality SDR books fewer, larger wins. */
export const SDR_PROFILE = {
  volume: { inboundShare: 0.5, outboundShare: 0.72, meetingRate: 0.8, meetings: [1, 3], winFactor: 0.3, amountFactor: 0.65, opportunityBoost: 1.2 },
  quality: { inboundShare: 0.5, outboundShare: 0.28, meetingRate: 0.4, meetings: [1, 1], winFactor: 1.6, amountFactor: 1.7, opportunityBoost: 1.0 },
} as const;

/** Share of contacts of each kind; the rest are ordinary inbound contacts. */
export const CONTACT_KINDS = { ebook: 0.065, outbound: 0.1, preWindow: 0.14 } as const;
/** Story 1: ebook downloads made MQLs fast; sales accepts few of them. */
export const EBOOK = { freeMailShare: 0.5, mqlRate: 0.88, acceptRate: 0.12 } as const;

export type CampaignSpec = {
  key: string;
  name: string;
  channel: Channel;
  vehicle: string;
  /** Months before the current month it starts (`q3` = the latest full calendar Q3). */
  start: number | "q3";
  months: number;
  /** First month's spend at the default scale; `growth` is the month-over-month increase (story 5). */
  monthlyCost: number;
  growth: number;
  personas: readonly Persona[];
  /** Weight for new contacts it brings in, and for engagement touches while it runs. */
  acquisition: number;
  touches: number;
  /** Multiplies the odds that sales accepts its MQLs. */
  quality: number;
  asset?: string;
  utm?: { source: string; medium: string };
};

export const EBOOK_CAMPAIGN = "Q3 Ebook Blitz";

export const CAMPAIGNS: readonly CampaignSpec[] = [
  { key: "paid_search", name: "Always-on Paid Search", channel: "paid_search", vehicle: "Google Ads", start: 17, months: 18, monthlyCost: 6_500, growth: 0.045, personas: ["IT Manager", "Engineering Manager"], acquisition: 10, touches: 8, quality: 1, utm: { source: "google", medium: "cpc" } },
  { key: "linkedin", name: "LinkedIn Always-on", channel: "paid_social", vehicle: "LinkedIn Ads", start: 17, months: 18, monthlyCost: 5_200, growth: 0.05, personas: ["IT Manager"], acquisition: 8, touches: 6, quality: 0.9, utm: { source: "linkedin", medium: "paid_social" } },
  { key: "newsletter", name: "Monthly Product Newsletter", channel: "email", vehicle: "Newsletter", start: 17, months: 18, monthlyCost: 600, growth: 0.02, personas: ["IT Manager", "Developer", "Engineering Manager"], acquisition: 4, touches: 30, quality: 1, utm: { source: "newsletter", medium: "email" } },
  { key: "seo", name: "SEO: Cloud Operations Guides", channel: "organic_search", vehicle: "Blog", start: 17, months: 18, monthlyCost: 2_200, growth: 0.03, personas: ["IT Manager", "Developer"], acquisition: 9, touches: 10, quality: 1, asset: "Cloud Operations Guide" },
  { key: "referral", name: "Customer Referral Program", channel: "referral", vehicle: "Referral program", start: 17, months: 18, monthlyCost: 1_200, growth: 0.02, personas: ["VP Engineering", "CTO"], acquisition: 2, touches: 2, quality: 1.5 },
  { key: "nurture", name: "Nurture: Trial Follow-up", channel: "email", vehicle: "Nurture sequence", start: 17, months: 18, monthlyCost: 400, growth: 0.02, personas: ["IT Manager", "Engineering Manager"], acquisition: 0, touches: 18, quality: 1, utm: { source: "nurture", medium: "email" } },
  { key: "features", name: "Email: Feature Announcements", channel: "email", vehicle: "Announcement e-mails", start: 11, months: 12, monthlyCost: 500, growth: 0.02, personas: ["IT Manager", "Developer"], acquisition: 0, touches: 10, quality: 1, utm: { source: "announcements", medium: "email" } },
  { key: "ebook", name: EBOOK_CAMPAIGN, channel: "paid_social", vehicle: "Ebook + paid social", start: "q3", months: 3, monthlyCost: 18_000, growth: 0.1, personas: ["IT Manager"], acquisition: 0, touches: 6, quality: 0.2, asset: "The IT Manager's Guide to Cloud Costs", utm: { source: "facebook", medium: "paid_social" } },
  { key: "playbook", name: "Cloud Ops Playbook (Ebook)", channel: "content", vehicle: "Ebook", start: 16, months: 12, monthlyCost: 1_500, growth: 0.03, personas: ["IT Manager", "Operations Director"], acquisition: 5, touches: 5, quality: 0.9, asset: "The Cloud Ops Playbook" },
  { key: "devops_report", name: "State of DevOps Report", channel: "content", vehicle: "Research report", start: 8, months: 6, monthlyCost: 3_000, growth: 0.02, personas: ["VP Engineering", "CTO", "Engineering Manager"], acquisition: 4, touches: 4, quality: 1.3, asset: "State of DevOps Report" },
  { key: "roi", name: "ROI Calculator", channel: "content", vehicle: "Interactive tool", start: 12, months: 9, monthlyCost: 1_000, growth: 0.03, personas: ["CFO", "VP Engineering"], acquisition: 2, touches: 3, quality: 1.3, asset: "Cloud ROI Calculator" },
  { key: "launch_webinar", name: "Platform Launch Webinar", channel: "webinar", vehicle: "Webinar", start: 15, months: 1, monthlyCost: 8_000, growth: 0, personas: ["IT Manager", "Engineering Manager", "VP Engineering"], acquisition: 6, touches: 6, quality: 1.1, asset: "Platform Launch" },
  { key: "k8s_webinar", name: "Webinar: Kubernetes Cost Control", channel: "webinar", vehicle: "Webinar", start: 10, months: 1, monthlyCost: 4_000, growth: 0, personas: ["Developer", "Engineering Manager"], acquisition: 5, touches: 5, quality: 1, asset: "Kubernetes Cost Control" },
  { key: "scaling_webinars", name: "Webinar Series: Scaling Engineering Teams", channel: "webinar", vehicle: "Webinar series", start: 6, months: 3, monthlyCost: 3_500, growth: 0.02, personas: ["VP Engineering", "CTO"], acquisition: 3, touches: 4, quality: 1.4, asset: "Scaling Engineering Teams" },
  { key: "security_webinar", name: "Webinar: Security for IT Teams", channel: "webinar", vehicle: "Webinar", start: 3, months: 1, monthlyCost: 5_000, growth: 0, personas: ["IT Manager"], acquisition: 6, touches: 5, quality: 0.9, asset: "Security for IT Teams" },
  { key: "devops_summit", name: "DevOps Summit Booth", channel: "event", vehicle: "Trade show", start: 13, months: 1, monthlyCost: 30_000, growth: 0, personas: ["IT Manager", "Developer"], acquisition: 8, touches: 4, quality: 0.8, asset: "DevOps Summit" },
  { key: "cloud_expo", name: "Cloud Expo Europe", channel: "event", vehicle: "Trade show", start: 7, months: 1, monthlyCost: 36_000, growth: 0, personas: ["IT Manager", "Operations Director"], acquisition: 7, touches: 4, quality: 0.8, asset: "Cloud Expo Europe" },
  { key: "cto_dinners", name: "CTO Roundtable Dinners", channel: "event", vehicle: "Executive dinner", start: 9, months: 4, monthlyCost: 6_000, growth: 0.02, personas: ["CTO", "VP Engineering"], acquisition: 1, touches: 1.5, quality: 1.8, asset: "CTO Roundtable" },
  { key: "roadshow", name: "Regional Roadshow", channel: "event", vehicle: "Roadshow", start: 4, months: 2, monthlyCost: 12_000, growth: 0.02, personas: ["IT Manager", "Engineering Manager"], acquisition: 5, touches: 3, quality: 1, asset: "Northwind Roadshow" },
  { key: "it_forum", name: "IT Leaders Forum Sponsorship", channel: "event", vehicle: "Sponsorship", start: 1, months: 1, monthlyCost: 25_000, growth: 0, personas: ["IT Manager"], acquisition: 6, touches: 3, quality: 0.85, asset: "IT Leaders Forum" },
  { key: "retargeting", name: "Retargeting: Pricing Page", channel: "paid_social", vehicle: "Display retargeting", start: 9, months: 9, monthlyCost: 2_500, growth: 0.05, personas: ["IT Manager", "Engineering Manager"], acquisition: 2, touches: 6, quality: 1, utm: { source: "meta", medium: "retargeting" } },
  { key: "conquest", name: "Competitor Conquest Search", channel: "paid_search", vehicle: "Google Ads", start: 5, months: 6, monthlyCost: 3_000, growth: 0.06, personas: ["IT Manager", "VP Engineering"], acquisition: 3, touches: 3, quality: 1, utm: { source: "google", medium: "cpc" } },
  { key: "abm", name: "ABM: Enterprise Top 100", channel: "paid_social", vehicle: "ABM display", start: 6, months: 6, monthlyCost: 4_500, growth: 0.03, personas: ["CTO", "VP Engineering"], acquisition: 1.5, touches: 3, quality: 1.6, utm: { source: "linkedin", medium: "abm" } },
  { key: "azure", name: "Partner Co-marketing: Azure", channel: "partner", vehicle: "Co-marketing", start: 14, months: 12, monthlyCost: 1_800, growth: 0.02, personas: ["CTO", "VP Engineering", "IT Manager"], acquisition: 3, touches: 3, quality: 1.2, utm: { source: "azure", medium: "partner" } },
  { key: "aws_webinar", name: "Partner Webinar with AWS", channel: "partner", vehicle: "Joint webinar", start: 2, months: 1, monthlyCost: 6_000, growth: 0, personas: ["VP Engineering", "Engineering Manager"], acquisition: 4, touches: 3, quality: 1.2, asset: "Cost-aware Architecture on AWS", utm: { source: "aws", medium: "partner" } },
  { key: "g2", name: "G2 Reviews Push", channel: "social", vehicle: "Review sites", start: 10, months: 4, monthlyCost: 1_500, growth: 0.02, personas: ["IT Manager", "Developer"], acquisition: 2, touches: 2, quality: 1 },
  { key: "dev_community", name: "Developer Community Sponsorship", channel: "social", vehicle: "Community", start: 14, months: 10, monthlyCost: 1_200, growth: 0.02, personas: ["Developer"], acquisition: 4, touches: 4, quality: 0.7 },
  { key: "product_hunt", name: "Product Hunt Launch", channel: "social", vehicle: "Launch", start: 15, months: 1, monthlyCost: 2_000, growth: 0, personas: ["Developer", "CTO"], acquisition: 5, touches: 3, quality: 0.8 },
  { key: "annual_promo", name: "Email: Annual Plan Promo", channel: "email", vehicle: "Promotion", start: 2, months: 1, monthlyCost: 700, growth: 0, personas: ["IT Manager", "CFO"], acquisition: 0, touches: 8, quality: 1, utm: { source: "promo", medium: "email" } },
  { key: "next_launch", name: "Next-gen Platform Launch", channel: "event", vehicle: "Launch event", start: -1, months: 2, monthlyCost: 20_000, growth: 0, personas: ["VP Engineering", "CTO"], acquisition: 0, touches: 0, quality: 1 },
];
