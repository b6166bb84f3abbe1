import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../contracts/business-calendar.js";
import {
  EMPTY_TOTALS,
  addAdherence,
  adherenceRates,
  choosePlaybook,
  convertingTouchOf,
  defaultFirstChannel,
  evaluateAdherence,
  followUpChannelOf,
  leadChannelOf,
  playbookMatches,
  recommendFirstChannel,
  stepDueAt,
  type AdherenceInput,
  type PlaybookMatch,
} from "./playbooks.js";

const BERLIN: BusinessCalendar = { ...DEFAULT_CALENDAR, timezone: "Europe/Berlin" };
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const m = (over: Partial<PlaybookMatch> = {}): PlaybookMatch => ({ sources: [], channels: [], personas: [], ...over });
const pb = (id: string, position: number, match: PlaybookMatch, enabled = true) => ({ id, position, match, enabled });

describe("choosing a playbook", () => {
  const lead = { source: "Inbound", channel: "webinar", persona: "CTO" };

  it("matches when every non-empty list names the lead's value (case-insensitive); an empty list matches anything", () => {
    expect(playbookMatches(m(), lead)).toBe(true);
    expect(playbookMatches(m({ sources: ["inbound"], channels: ["webinar", "event"] }), lead)).toBe(true);
    expect(playbookMatches(m({ channels: ["event"] }), lead)).toBe(false);
    // A constrained list never matches a lead without that value.
    expect(playbookMatches(m({ personas: ["CTO"] }), { ...lead, persona: null })).toBe(false);
  });

  it("picks the most specific match, then the lowest position, then the lowest id; disabled playbooks never match", () => {
    const any = pb("a", 0, m());
    const webinar = pb("b", 5, m({ channels: ["webinar"] }));
    const webinarCto = pb("c", 9, m({ channels: ["webinar"], personas: ["cto"] }));
    const webinarCtoOff = pb("d", 1, m({ channels: ["webinar"], personas: ["cto"], sources: ["inbound"] }), false);
    expect(choosePlaybook([any, webinar, webinarCto, webinarCtoOff], lead)?.id).toBe("c");
    expect(choosePlaybook([any, webinar], lead)?.id).toBe("b");
    const event = pb("e", 0, m({ channels: ["event"] }));
    expect(choosePlaybook([event, webinar], lead)?.id).toBe("b");
    const tieLow = pb("z", 2, m({ sources: ["inbound"] }));
    const tieHigh = pb("y", 3, m({ personas: ["cto"] }));
    expect(choosePlaybook([tieHigh, tieLow], lead)?.id).toBe("z");
    expect(choosePlaybook([pb("q", 2, m({ sources: ["inbound"] })), tieLow], lead)?.id).toBe("q");
    expect(choosePlaybook([event, webinarCtoOff], lead)).toBeNull();
  });
});

describe("channels", () => {
  it.each([
    ["call", null, "phone"],
    ["sales_email", "email", "email"],
    ["sales_email", "social", "linkedin"],
    ["meeting", null, "meeting"],
    ["content_share", null, "email"],
    ["content_share", "social", "linkedin"],
    ["email_reply", "email", null],
    ["webinar_attend", "webinar", null],
  ] as const)("%s on %s is followed up on %s", (type, channel, expected) => {
    expect(followUpChannelOf({ type, channel })).toBe(expected);
  });

  it("the converting touch is the latest marketing touch at or before the handoff; its channel wins over the contact's", () => {
    const touches = [
      { at: 3, type: "call", channel: null },
      { at: 1, type: "webinar_attend", channel: "webinar" },
      { at: 2, type: "email_reply", channel: "email" },
      { at: 9, type: "page_view", channel: "direct" },
    ];
    expect(convertingTouchOf(touches, 5)).toEqual(touches[2]);
    expect(convertingTouchOf(touches, 0)).toBeNull();
    expect(leadChannelOf("paid_search", touches[2]!)).toBe("email");
    expect(leadChannelOf("paid_search", null)).toBe("paid_search");
  });

  it("without a playbook, an e-mail responder or content reader gets an e-mail, a webinar or event visitor a call", () => {
    expect(defaultFirstChannel({ type: "email_reply", channel: "email" })).toBe("email");
    expect(defaultFirstChannel({ type: "content_download", channel: "content" })).toBe("email");
    expect(defaultFirstChannel({ type: "webinar_attend", channel: "webinar" })).toBe("phone");
    expect(defaultFirstChannel({ type: "event_visit", channel: "event" })).toBe("phone");
    expect(defaultFirstChannel(null)).toBe("phone");
    expect(recommendFirstChannel({ firstChannel: "linkedin" }, { type: "email_reply", channel: "email" })).toEqual({ channel: "linkedin", basis: "playbook" });
    expect(recommendFirstChannel(null, { type: "email_click", channel: "email" })).toEqual({ channel: "email", basis: "converting_touch" });
  });
});

describe("step due times (business days in the calendar's zone)", () => {
  it("day 0 is the day of the handoff, or the next business day when it comes outside open hours", () => {
    // Friday 16:00 in Berlin (CET): due at Saturday 00:00 local.
    expect(iso(stepDueAt(BERLIN, t("2026-02-27T15:00:00Z"), 0))).toBe("2026-02-27T23:00:00.000Z");
    // Day 1 skips the weekend: Monday, due Tuesday 00:00 local.
    expect(iso(stepDueAt(BERLIN, t("2026-02-27T15:00:00Z"), 1))).toBe("2026-03-02T23:00:00.000Z");
    // Friday 18:00 is after hours: day 0 is Monday.
    expect(iso(stepDueAt(BERLIN, t("2026-02-27T17:00:00Z"), 0))).toBe("2026-03-02T23:00:00.000Z");
    // Early Friday 05:00 local is still Friday.
    expect(iso(stepDueAt(BERLIN, t("2026-02-27T04:00:00Z"), 0))).toBe("2026-02-27T23:00:00.000Z");
  });

  it("skips holidays and keeps local midnight across a DST change", () => {
    const withHoliday = { ...BERLIN, holidays: ["2026-03-02"] };
    expect(iso(stepDueAt(withHoliday, t("2026-02-27T17:00:00Z"), 0))).toBe("2026-03-03T23:00:00.000Z");
    // Clocks go forward on Sunday 29 March 2026: Monday's day ends at 00:00 CEST = 22:00Z.
    expect(iso(stepDueAt(BERLIN, t("2026-03-27T09:00:00Z"), 1))).toBe("2026-03-30T22:00:00.000Z");
    // The UTC default calendar: Friday noon, day 2 is Tuesday, due Wednesday 00:00Z.
    expect(iso(stepDueAt(DEFAULT_CALENDAR, t("2026-02-27T12:00:00Z"), 2))).toBe("2026-03-04T00:00:00.000Z");
  });
});

describe("adherence of one assignment", () => {
  // Handed over Friday 27 Feb 16:00 Berlin. Due: s0 Fri → 27th 23:00Z, s1 Mon → 2nd 23:00Z, s2 Wed → 4th 23:00Z, s3 Fri → 6th 23:00Z.
  const base: AdherenceInput = {
    assignedAt: t("2026-02-27T15:00:00Z"),
    firstChannel: "email",
    steps: [
      { day: 0, channel: "email", action: "Send the recording" },
      { day: 1, channel: "phone", action: "Call" },
      { day: 3, channel: "linkedin", action: "Connect" },
      { day: 5, channel: "phone", action: "Second call" },
    ],
    touches: [],
    now: t("2026-03-05T12:00:00Z"),
    calendar: BERLIN,
  };
  const touch = (at: string, type: string, channel: string | null = null) => ({ at: t(at), type, channel });

  it("counts the first touch on the recommended channel and each step done by its day, one touch per step", () => {
    const a = evaluateAdherence({
      ...base,
      touches: [
        touch("2026-02-27T14:00:00Z", "email_click", "email"), // marketing: never counts
        touch("2026-02-27T14:30:00Z", "call"), // before the handoff
        touch("2026-02-27T16:00:00Z", "sales_email", "email"), // first touch, on channel; s0 on time
        touch("2026-03-03T10:00:00Z", "call"), // too late for s1, on time for s3
        touch("2026-03-05T08:00:00Z", "sales_email", "social"), // LinkedIn after s2's due: late
        touch("2026-03-05T09:00:00Z", "call"), // s1, late
      ],
    });
    expect(a.firstTouch).toEqual({ at: t("2026-02-27T16:00:00Z"), channel: "email" });
    expect(a.firstTouchOnChannel).toBe(true);
    expect(a.steps.map((s) => [s.status, s.doneAt && iso(s.doneAt)])).toEqual([
      ["done", "2026-02-27T16:00:00.000Z"],
      ["late", "2026-03-05T09:00:00.000Z"],
      ["late", "2026-03-05T08:00:00.000Z"],
      ["done", "2026-03-03T10:00:00.000Z"],
    ]);
    expect(iso(a.steps[3]!.dueAt)).toBe("2026-03-06T23:00:00.000Z");
    // Checks: first touch ✓, s0 ✓, s1 ✗, s2 ✗, s3 ✓ → 3 of 5.
    expect([a.stepsDue, a.stepsOnTime, a.share, a.nextStep]).toEqual([4, 2, 0.6, null]);
  });

  it("marks past-due steps missed, later ones pending, and names the next step", () => {
    const a = evaluateAdherence({ ...base, now: t("2026-03-03T12:00:00Z"), touches: [touch("2026-02-27T16:00:00Z", "sales_email", "email")] });
    expect(a.steps.map((s) => s.status)).toEqual(["done", "missed", "pending", "pending"]);
    expect(a.nextStep).toMatchObject({ index: 2, action: "Connect" });
    // First touch ✓, s0 ✓, s1 ✗ → 2 of 3.
    expect([a.stepsDue, a.stepsOnTime, a.share]).toEqual([2, 1, 2 / 3]);
  });

  it("an untouched lead has nothing settled before its first due time; a cold call to an e-mail responder misses the first check", () => {
    const fresh = evaluateAdherence({ ...base, now: t("2026-02-27T16:00:00Z") });
    expect([fresh.firstTouch, fresh.firstTouchOnChannel, fresh.stepsDue, fresh.share, fresh.nextStep?.index]).toEqual([null, null, 0, null, 0]);
    const cold = evaluateAdherence({ ...base, now: t("2026-02-27T16:00:00Z"), touches: [touch("2026-02-27T15:10:00Z", "call")] });
    // The call still does the day-1 call step early, which settles it: first touch ✗, s1 ✓ → 1 of 2.
    expect(cold.steps.map((s) => s.status)).toEqual(["pending", "done", "pending", "pending"]);
    expect([cold.firstTouchOnChannel, cold.stepsDue, cold.share]).toEqual([false, 1, 0.5]);
  });

  it("skips the steps that fall due after the lead left the sales side, unless they were done", () => {
    // Rejected Monday 2 Mar 12:00Z: s1 (due 2nd 23:00Z) and later are skipped; s0 was done.
    const a = evaluateAdherence({ ...base, endedAt: t("2026-03-02T12:00:00Z"), touches: [touch("2026-02-27T16:00:00Z", "sales_email", "email")] });
    expect(a.steps.map((s) => s.status)).toEqual(["done", "skipped", "skipped", "skipped"]);
    expect([a.stepsDue, a.stepsOnTime, a.share, a.nextStep]).toEqual([1, 1, 1, null]);
    // Ended Saturday: s0 was due Friday and is missed all the same.
    const b = evaluateAdherence({ ...base, endedAt: t("2026-02-28T12:00:00Z") });
    expect(b.steps.map((s) => s.status)).toEqual(["missed", "skipped", "skipped", "skipped"]);
    expect([b.stepsDue, b.share]).toEqual([1, 0]);
  });

  it("adds assignments up into rates per group", () => {
    const one = evaluateAdherence({ ...base, now: t("2026-03-03T12:00:00Z"), touches: [touch("2026-02-27T16:00:00Z", "sales_email", "email")] });
    const two = evaluateAdherence({ ...base, now: t("2026-02-27T16:00:00Z"), touches: [touch("2026-02-27T15:10:00Z", "call")] });
    const three = evaluateAdherence({ ...base, now: t("2026-02-27T16:00:00Z") });
    const totals = [one, two, three].reduce(addAdherence, EMPTY_TOTALS);
    expect(totals).toEqual({ leads: 3, touched: 2, firstTouchOnChannel: 1, stepsDue: 3, stepsOnTime: 2 });
    expect(adherenceRates(totals)).toEqual({ firstTouchOnChannelRate: 0.5, stepsOnTimeRate: 2 / 3, adherenceRate: 3 / 5 });
    expect(adherenceRates(EMPTY_TOTALS)).toEqual({ firstTouchOnChannelRate: null, stepsOnTimeRate: null, adherenceRate: null });
  });
});
