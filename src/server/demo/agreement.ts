/**
 * The demo's lead agreement: version 1, active since the start of the window, holds exactly the fit and
 * engagement rules the generator scores with (so every score explains itself), and version 2 — marketing's
 * answer to the e-book leads sales rejects — is proposed, approved by marketing, waiting for sales.
 */
import type { PoolClient } from "pg";
import type { DefinitionBody, FitRule } from "../../shared/contracts/agreement.js";
import { DAY } from "./calendar.js";
import type { DemoContext } from "./context.js";
import { ID_KIND } from "./ids.js";
import { FREE_MAIL_DOMAINS } from "./names.js";
import { CORE_COUNTRIES, CORE_INDUSTRIES, ENGAGEMENT_HALF_LIFE_DAYS, ENGAGEMENT_POINTS, FIT_GRADE_THRESHOLDS, PERSONAS, REGIONS, STUDENT_TITLES, type Persona } from "./story.js";

const REGION_NAMES = REGIONS.items;

const personaRules: FitRule[] = (Object.keys(PERSONAS) as Persona[]).map((p) => ({
  id: `persona-${p.toLowerCase().replace(/[^a-z]+/g, "-")}`,
  label: `Persona: ${p}`,
  conditions: [{ field: "contact.persona", op: "eq", value: p }],
  points: PERSONAS[p].fit,
}));

const core = [...CORE_INDUSTRIES];

/** Version 1: the rules the demo's scores were generated with. */
export const DEMO_DEFINITION_V1: DefinitionBody = {
  fitRules: [
    ...personaRules,
    { id: "size-enterprise", label: "2,000+ employees", conditions: [{ field: "account.employees", op: "gte", value: 2000 }], points: 20 },
    { id: "size-mid", label: "200–1,999 employees", conditions: [{ field: "account.employees", op: "gte", value: 200 }, { field: "account.employees", op: "lt", value: 2000 }], points: 15 },
    { id: "size-small", label: "Under 200 employees", conditions: [{ field: "account.employees", op: "lt", value: 200 }], points: 5 },
    { id: "industry-core", label: "Core industry", conditions: [{ field: "account.industry", op: "in", value: core }], points: 15 },
    { id: "industry-other", label: "Other industry", conditions: [{ field: "account.industry", op: "exists" }, { field: "account.industry", op: "not_in", value: core }], points: 5 },
    { id: "free-mail", label: "Free-mail address (no company)", conditions: [{ field: "contact.email_domain", op: "in", value: [...FREE_MAIL_DOMAINS] }], points: -40 },
    { id: "core-country", label: "Core country", conditions: [{ field: "contact.country", op: "in", value: [...CORE_COUNTRIES] }], points: 5 },
  ],
  gradeThresholds: FIT_GRADE_THRESHOLDS,
  engagementRules: Object.entries(ENGAGEMENT_POINTS).map(([type, points]) => ({
    id: `touch-${type.replace(/_/g, "-")}`,
    label: type.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
    match: { types: [type as never] },
    points,
  })),
  halfLifeDays: ENGAGEMENT_HALF_LIFE_DAYS,
  mqlRule: { grades: ["A", "B", "C"], engagementThreshold: 15 },
  notes: "Agreed at the kick-off: fit from persona, company size, industry and country; engagement from marketing touches, 30-day half-life.",
};

/**
 * Version 2, marketing's answer to sales rejecting the e-book leads: a download from that campaign is worth less,
 * students and interns score down, and page-view bursts are capped.
 */
export function demoDefinitionV2(ebookCampaignId: string): DefinitionBody {
  return {
    ...DEMO_DEFINITION_V1,
    fitRules: [
      ...DEMO_DEFINITION_V1.fitRules,
      { id: "students", label: "Students, interns and job seekers", conditions: [{ field: "contact.title", op: "in", value: [...STUDENT_TITLES] }], points: -30 },
    ],
    engagementRules: [
      { id: "ebook-download", label: "E-book download (Q3 Ebook Blitz)", match: { types: ["content_download"], campaignIds: [ebookCampaignId] }, points: 2 },
      ...DEMO_DEFINITION_V1.engagementRules.map((r) => (r.id === "touch-page-view" ? { ...r, cap: { count: 5, windowDays: 7 } } : r)),
    ],
    notes: "Sales rejects most e-book leads: a download from the Q3 Ebook Blitz alone should not make an MQL. Students score down; page-view bursts stop qualifying on their own.",
  };
}

const COLUMNS = [
  "workspace_id", "id", "version", "status", "fit_rules", "grade_thresholds", "engagement_rules", "half_life_days", "mql_rule", "notes", "created_by",
  "proposed_by", "proposed_at", "marketing_approved_by", "marketing_approved_at", "sales_approved_by", "sales_approved_at", "activated_at", "created_at", "updated_at",
];

/** Writes both versions inside the demo's load transaction. */
export async function insertDemoAgreement(client: PoolClient, ctx: DemoContext): Promise<void> {
  const { staff } = ctx;
  const marketer = staff.marketingIds[0] ?? staff.marketingManagerId;
  const agreedAt = new Date(ctx.windowStart - 7 * DAY);
  const proposedAt = new Date(ctx.now - 3 * DAY);
  const rows = [
    [ctx.ids.next(ID_KIND.definition), 1, "active", DEMO_DEFINITION_V1, marketer, agreedAt, staff.marketingManagerId, agreedAt, staff.salesManagerId, agreedAt, agreedAt],
    [ctx.ids.next(ID_KIND.definition), 2, "proposed", demoDefinitionV2(ctx.campaigns.ebook.id), marketer, proposedAt, staff.marketingManagerId, new Date(ctx.now - 2 * DAY), null, null, null],
  ] as const;
  for (const [id, version, status, body, proposedBy, proposed, mBy, mAt, sBy, sAt, activated] of rows) {
    const values = [
      ctx.workspaceId, id, version, status, JSON.stringify(body.fitRules), JSON.stringify(body.gradeThresholds), JSON.stringify(body.engagementRules), body.halfLifeDays,
      JSON.stringify(body.mqlRule), body.notes ?? null, proposedBy, proposedBy, proposed, mBy, mAt, sBy, sAt, activated, proposed, mAt,
    ];
    await client.query(`insert into lead_definitions (${COLUMNS.join(", ")}) values (${COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`, values);
  }
}

/**
 * Routing as the demo's sales team runs it: the account's owner first, then round-robin in the AE team of the
 * lead's region (at most 60 open leads each); and one pod per SDR with the two AEs of a territory — a 1:2 ratio,
 * which the pods page flags as below the 3–6 band.
 */
export async function insertDemoRouting(client: PoolClient, ctx: DemoContext): Promise<void> {
  const teams = new Map((await client.query<{ id: string; name: string }>("select id, name from teams where workspace_id = $1", [ctx.workspaceId])).rows.map((t) => [t.name, t.id]));
  const at = new Date(ctx.windowStart - 7 * DAY);
  const east = REGION_NAMES.filter((r) => r.territory === "east").map((r) => r.name);
  const west = REGION_NAMES.filter((r) => r.territory === "west").map((r) => r.name);
  const rules = [
    { name: "Existing account owner", kind: "account_owner", conditions: [], teamId: null, capacity: null },
    { name: "East: round-robin in AE East", kind: "round_robin", conditions: [{ field: "account.region", op: "in", value: east }], teamId: teams.get("AE East"), capacity: 60 },
    { name: "West: round-robin in AE West", kind: "round_robin", conditions: [{ field: "account.region", op: "in", value: west }], teamId: teams.get("AE West"), capacity: 60 },
  ];
  for (const [i, r] of rules.entries()) {
    await client.query(
      "insert into routing_rules (workspace_id, id, position, name, kind, conditions, team_id, capacity, enabled, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9)",
      [ctx.workspaceId, ctx.ids.next(ID_KIND.routing), i + 1, r.name, r.kind, JSON.stringify(r.conditions), r.teamId ?? null, r.capacity, at],
    );
  }
  const pods = [
    { name: "Pod East", sdr: ctx.staff.sdr.volume, aes: ctx.staff.ae.east },
    { name: "Pod West", sdr: ctx.staff.sdr.quality, aes: ctx.staff.ae.west },
  ];
  for (const p of pods) {
    const id = ctx.ids.next(ID_KIND.routing);
    await client.query("insert into pods (workspace_id, id, name, sdr_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)", [ctx.workspaceId, id, p.name, p.sdr, at]);
    for (const ae of p.aes) await client.query("insert into pod_members (workspace_id, pod_id, user_id, created_at) values ($1, $2, $3, $4)", [ctx.workspaceId, id, ae, at]);
  }
  // Story 5's two pay plans (docs/WINLOSS-TEAM.md): the meeting-booking SDR on per-meeting pay, the other on revenue.
  const plans = [
    { name: "Per accepted meeting", kind: "per_meeting", amount: 75, rate: null, days: null, sdr: ctx.staff.sdr.volume },
    { name: "Revenue share", kind: "revenue_share", amount: null, rate: 5, days: 90, sdr: ctx.staff.sdr.quality },
  ];
  for (const p of plans) {
    const id = ctx.ids.next(ID_KIND.routing);
    await client.query(
      "insert into comp_plans (workspace_id, id, name, kind, amount_per_meeting, rate_percent, clawback_days, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
      [ctx.workspaceId, id, p.name, p.kind, p.amount, p.rate, p.days, at],
    );
    await client.query("insert into comp_assignments (workspace_id, user_id, plan_id, created_at) values ($1, $2, $3, $4)", [ctx.workspaceId, p.sdr, id, at]);
  }
}
