import { describe, expect, it } from "vitest";
import type { Condition } from "../contracts/agreement.js";
import {
  buildHandoffContext,
  followUpKind,
  nextRoundRobin,
  podRatio,
  recommendedNextStep,
  routeLead,
  type HandoffTouch,
  type RoutableMember,
  type RoutableRule,
} from "./routing.js";
import type { FitSubject } from "./scoring.js";

// Ids sort as strings; round-robin turns follow this order.
const A = "00000000-0000-7000-8000-00000000000a";
const B = "00000000-0000-7000-8000-00000000000b";
const C = "00000000-0000-7000-8000-00000000000c";
const D = "00000000-0000-7000-8000-00000000000d";
const OWNER = "00000000-0000-7000-8000-0000000000ee";
const MKT = "00000000-0000-7000-8000-0000000000ff";
const TEAM = "team-east";
const OTHER_TEAM = "team-west";

const rep = (userId: string, openLeads = 0, over: Partial<RoutableMember> = {}): RoutableMember => ({ userId, role: "sales", teamId: TEAM, openLeads, ...over });

const rule = (id: string, over: Partial<RoutableRule> = {}): RoutableRule => ({
  id,
  kind: "round_robin",
  enabled: true,
  conditions: [],
  assigneeId: null,
  teamId: TEAM,
  capacity: null,
  lastAssigneeId: null,
  ...over,
});

const enterprise: Condition = { field: "account.employees", op: "gte", value: 1000 };
const emea: Condition = { field: "account.region", op: "in", value: ["EMEA", "UK"] };

describe("round-robin", () => {
  const team = [rep(C), rep(A), rep(B)];
  const cases: { name: string; last: string | null; capacity: number | null; members: RoutableMember[]; expected: string | null }[] = [
    { name: "starts with the first rep in id order", last: null, capacity: null, members: team, expected: A },
    { name: "continues after the last assignee", last: A, capacity: null, members: team, expected: B },
    { name: "wraps around after the last rep", last: C, capacity: null, members: team, expected: A },
    { name: "continues after where a departed last assignee would sort", last: "00000000-0000-7000-8000-00000000000b0", capacity: null, members: [rep(A), rep(C)], expected: C },
    { name: "skips a rep at capacity", last: A, capacity: 2, members: [rep(A), rep(B, 2), rep(C, 1)], expected: C },
    { name: "skips a rep over capacity", last: null, capacity: 2, members: [rep(A, 5), rep(B, 1)], expected: B },
    { name: "wraps past reps at capacity", last: B, capacity: 1, members: [rep(A), rep(B), rep(C, 1)], expected: A },
    { name: "gives nobody when all are at capacity", last: null, capacity: 3, members: [rep(A, 3), rep(B, 3), rep(C, 4)], expected: null },
    { name: "ignores capacity when the rule has none", last: null, capacity: null, members: [rep(A, 500)], expected: A },
    { name: "takes only the rule's team", last: null, capacity: null, members: [rep(A, 0, { teamId: OTHER_TEAM }), rep(B)], expected: B },
    { name: "takes only sales-side members", last: null, capacity: null, members: [rep(A, 0, { role: "marketing" }), rep(B, 0, { role: "admin" }), rep(C, 0, { role: "sdr" })], expected: C },
    { name: "counts managers as sales side", last: null, capacity: null, members: [rep(D, 0, { role: "manager" })], expected: D },
    { name: "gives nobody for an empty team", last: null, capacity: null, members: [], expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(nextRoundRobin({ teamId: TEAM, capacity: c.capacity, lastAssigneeId: c.last }, c.members)).toBe(c.expected);
    });
  }

  it("hands out turns in order across successive leads", () => {
    const members = [rep(A), rep(B), rep(C)];
    let last: string | null = null;
    const got: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      last = nextRoundRobin({ teamId: TEAM, capacity: null, lastAssigneeId: last }, members);
      got.push(last);
    }
    expect(got).toEqual([A, B, C, A, B]);
  });
});

describe("routing a lead through ordered rules", () => {
  const subject = (over: FitSubject = {}): FitSubject => ({ "account.employees": 5000, "account.region": "EMEA", "contact.seniority": "vp", ...over });
  const members = [rep(A), rep(B), rep(C), rep(OWNER, 0, { teamId: null }), rep(MKT, 0, { role: "marketing", teamId: null })];
  const ownerRule = rule("r-owner", { kind: "account_owner", teamId: null });
  const territory = rule("r-emea", { kind: "territory", conditions: [emea, enterprise], assigneeId: C, teamId: null });
  const roundRobin = rule("r-rr", { capacity: 2 });
  const fallback = rule("r-fallback", { kind: "territory", assigneeId: OWNER, teamId: null });

  const cases: { name: string; rules: RoutableRule[]; lead: { subject: FitSubject; accountOwnerId: string | null }; members?: RoutableMember[]; expected: { ruleId: string; kind: string; assigneeId: string } | null }[] = [
    {
      name: "the account owner comes first when the account has one",
      rules: [ownerRule, territory, roundRobin],
      lead: { subject: subject(), accountOwnerId: OWNER },
      expected: { ruleId: "r-owner", kind: "account_owner", assigneeId: OWNER },
    },
    {
      name: "an account owned by a marketer falls through: leads go to the sales side",
      rules: [ownerRule, territory, roundRobin],
      lead: { subject: subject(), accountOwnerId: MKT },
      expected: { ruleId: "r-emea", kind: "territory", assigneeId: C },
    },
    {
      name: "an account without owner falls through to the territory",
      rules: [ownerRule, territory, roundRobin],
      lead: { subject: subject(), accountOwnerId: null },
      expected: { ruleId: "r-emea", kind: "territory", assigneeId: C },
    },
    {
      name: "a deactivated account owner falls through",
      rules: [ownerRule, territory],
      lead: { subject: subject(), accountOwnerId: "00000000-0000-7000-8000-000000000999" },
      expected: { ruleId: "r-emea", kind: "territory", assigneeId: C },
    },
    {
      name: "a territory applies only when every condition holds (region matches, size does not)",
      rules: [territory, roundRobin],
      lead: { subject: subject({ "account.employees": 200 }), accountOwnerId: null },
      expected: { ruleId: "r-rr", kind: "round_robin", assigneeId: A },
    },
    {
      name: "territory conditions compare case-insensitively, like fit rules",
      rules: [territory, roundRobin],
      lead: { subject: subject({ "account.region": "uk" }), accountOwnerId: null },
      expected: { ruleId: "r-emea", kind: "territory", assigneeId: C },
    },
    {
      name: "a missing field fails a territory condition",
      rules: [territory, roundRobin],
      lead: { subject: subject({ "account.region": null }), accountOwnerId: null },
      expected: { ruleId: "r-rr", kind: "round_robin", assigneeId: A },
    },
    {
      name: "a disabled rule is skipped",
      rules: [{ ...ownerRule, enabled: false }, { ...territory, enabled: false }, roundRobin],
      lead: { subject: subject(), accountOwnerId: OWNER },
      expected: { ruleId: "r-rr", kind: "round_robin", assigneeId: A },
    },
    {
      name: "a round-robin with every rep at capacity gives way to the next rule",
      rules: [roundRobin, fallback],
      lead: { subject: subject(), accountOwnerId: null },
      members: [rep(A, 2), rep(B, 3), rep(C, 2), rep(OWNER, 9, { teamId: null })],
      expected: { ruleId: "r-fallback", kind: "territory", assigneeId: OWNER },
    },
    {
      name: "round-robin conditions gate the rule too",
      rules: [{ ...roundRobin, conditions: [{ field: "contact.seniority", op: "in", value: ["c_level"] }] }, fallback],
      lead: { subject: subject(), accountOwnerId: null },
      expected: { ruleId: "r-fallback", kind: "territory", assigneeId: OWNER },
    },
    {
      name: "a territory whose assignee left does not assign",
      rules: [{ ...territory, assigneeId: "00000000-0000-7000-8000-000000000999" }],
      lead: { subject: subject(), accountOwnerId: null },
      expected: null,
    },
    { name: "no rules, no assignment", rules: [], lead: { subject: subject(), accountOwnerId: OWNER }, expected: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(routeLead(c.rules, c.lead, c.members ?? members)).toEqual(c.expected);
    });
  }
});

describe("pod ratio", () => {
  const cases: [number, { status: string; label: string }][] = [
    [0, { status: "understaffed", label: "1:0 — below 3 AEs" }],
    [2, { status: "understaffed", label: "1:2 — below 3 AEs" }],
    [3, { status: "ok", label: "1:3" }],
    [4, { status: "ok", label: "1:4" }],
    [6, { status: "ok", label: "1:6" }],
    [7, { status: "overloaded", label: "1:7 — above 6 AEs" }],
  ];
  for (const [aes, expected] of cases) {
    it(`${aes} AEs → ${expected.status}`, () => expect(podRatio(aes)).toEqual(expected));
  }
});

const at = (iso: string) => new Date(iso);
const touch = (over: Partial<HandoffTouch>): HandoffTouch => ({ at: at("2026-03-01T10:00:00Z"), type: "page_view", channel: null, campaignId: null, campaignName: null, campaignChannel: null, properties: {}, ...over });

describe("recommended next step", () => {
  const cases: { name: string; last: HandoffTouch | null; campaign: string | null; kind: string; expected: string }[] = [
    { name: "e-mail reply", last: touch({ type: "email_reply", channel: "email" }), campaign: "Spring nurture", kind: "email", expected: 'Reply by e-mail within 4 business hours referencing "Spring nurture"' },
    { name: "e-mail click without campaign", last: touch({ type: "email_click" }), campaign: null, kind: "email", expected: "Reply by e-mail within 4 business hours referencing the e-mail they answered" },
    { name: "a page view from an e-mail link", last: touch({ type: "page_view", channel: "email" }), campaign: "Spring nurture", kind: "email", expected: 'Reply by e-mail within 4 business hours referencing "Spring nurture"' },
    { name: "webinar attendance names the webinar", last: touch({ type: "webinar_attend", properties: { webinar_title: "FinOps live" } }), campaign: "Q1 webinar", kind: "webinar", expected: 'Call within 4 business hours referencing the webinar "FinOps live"' },
    { name: "webinar without title falls back to the campaign", last: touch({ type: "webinar_register" }), campaign: "Q1 webinar", kind: "webinar", expected: 'Call within 4 business hours referencing the webinar "Q1 webinar"' },
    { name: "a download suggests related content", last: touch({ type: "content_download", properties: { asset_title: "FinOps Checklist" } }), campaign: "Ebook", kind: "content", expected: 'E-mail related content that follows up on "FinOps Checklist"' },
    { name: "a form without asset names the campaign", last: touch({ type: "form_submit" }), campaign: "Demo request", kind: "content", expected: 'E-mail related content that follows up on "Demo request"' },
    { name: "anything else is a call", last: touch({ type: "ad_click", channel: "paid_social" }), campaign: "LinkedIn", kind: "call", expected: 'Call within 4 business hours referencing "LinkedIn"' },
    { name: "no touch at all is a call", last: null, campaign: null, kind: "call", expected: "Call within 4 business hours to qualify the need" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(followUpKind(c.last)).toBe(c.kind);
      expect(recommendedNextStep(c.last, c.campaign)).toBe(c.expected);
    });
  }
});

describe("handoff context", () => {
  const webinar = { campaignId: "c-webinar", campaignName: "Q1 webinar", campaignChannel: "webinar" };
  const touches = [
    touch({ at: at("2026-03-01T12:00:00Z"), type: "content_download", channel: "content", properties: { asset_title: "FinOps Checklist" } }),
    touch({ at: at("2026-03-01T11:00:00Z"), type: "webinar_attend", channel: "webinar", ...webinar }),
    touch({ at: at("2026-03-01T10:00:00Z"), type: "content_view", properties: {} }),
  ];
  const base = {
    touches,
    lastCampaignTouch: touches[1]!,
    contentTouches: [touches[0]!, touches[2]!],
    scoreExplanation: 'v1: grade A, engagement 42.0 ≥ 40 after "Webinar attended"',
    fitPoints: 35,
    fitGrade: "A",
    engagement: 42.04,
    originalCampaign: { id: "c-orig", name: "Original", channel: "email" },
  };

  it("carries timeline, content, explanation, converting campaign and next step", () => {
    expect(buildHandoffContext(base)).toEqual({
      scoreExplanation: 'v1: grade A, engagement 42.0 ≥ 40 after "Webinar attended"',
      fit: { points: 35, grade: "A" },
      engagement: 42,
      timeline: [
        { at: "2026-03-01T12:00:00.000Z", type: "content_download", channel: "content", campaignName: null, assetTitle: "FinOps Checklist" },
        { at: "2026-03-01T11:00:00.000Z", type: "webinar_attend", channel: "webinar", campaignName: "Q1 webinar", assetTitle: null },
        { at: "2026-03-01T10:00:00.000Z", type: "content_view", channel: null, campaignName: null, assetTitle: null },
      ],
      contentConsumed: [
        { title: "FinOps Checklist", at: "2026-03-01T12:00:00.000Z" },
        { title: "Viewed content", at: "2026-03-01T10:00:00.000Z" },
      ],
      convertingCampaign: { id: "c-webinar", name: "Q1 webinar", channel: "webinar" },
      recommendedNextStep: 'E-mail related content that follows up on "FinOps Checklist"',
      note: null,
    });
  });

  it("falls back to the original campaign when no touch came through one", () => {
    const ctx = buildHandoffContext({ ...base, touches: [], lastCampaignTouch: null, contentTouches: [] });
    expect(ctx.convertingCampaign).toEqual({ id: "c-orig", name: "Original", channel: "email" });
    expect(ctx.recommendedNextStep).toBe('Call within 4 business hours referencing "Original"');
  });

  it("keeps the 20 most recent touches", () => {
    const many = Array.from({ length: 25 }, (_, i) => touch({ at: new Date(Date.parse("2026-03-01T00:00:00Z") - i * 60_000) }));
    const ctx = buildHandoffContext({ ...base, touches: many });
    expect(ctx.timeline).toHaveLength(20);
    expect(ctx.timeline[19]!.at).toBe("2026-02-28T23:41:00.000Z");
  });
});
