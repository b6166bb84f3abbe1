/**
 * Follow-up playbooks (DESIGN §6.3, issue 4 item 6): which playbook a lead gets, the channel of the first touch,
 * and how closely the rep followed it. Pure rules; docs/PLAYBOOKS.md explains them for people.
 */
import type { BusinessCalendar } from "../contracts/business-calendar.js";
import { localDateOf, nextOpening, startOfLocalDay } from "./business-time.js";
import { followUpKind } from "./routing.js";
import { TOUCHPOINT_CATEGORIES, type TouchpointType } from "./touchpoints.js";

/** Channels a rep follows a lead up on. */
export const FOLLOW_UP_CHANNELS = ["email", "phone", "meeting", "linkedin"] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const FOLLOW_UP_CHANNEL_LABELS: Record<FollowUpChannel, string> = { email: "E-mail", phone: "Phone call", meeting: "Meeting", linkedin: "LinkedIn" };

export type PlaybookMatch = { sources: string[]; channels: string[]; personas: string[] };
export type PlaybookStep = { day: number; channel: FollowUpChannel; action: string; talkTrack: string | null; assetId: string | null };
export type MatchablePlaybook = { id: string; position: number; enabled: boolean; match: PlaybookMatch };
/** What a playbook is matched on: the contact's source and persona, and the channel the lead came through. */
export type LeadProfile = { source: string | null; channel: string | null; persona: string | null };
/** A touch as these rules read it. */
export type TouchFacts = { at: number; type: string; channel: string | null };

const norm = (v: string | null) => (v ?? "").trim().toLowerCase();

/** Whether one match list admits a value: an empty list admits anything, otherwise the value must be listed (case-insensitive). */
function admits(list: readonly string[], value: string | null): boolean {
  return list.length === 0 || (norm(value) !== "" && list.some((x) => norm(x) === norm(value)));
}

/** Whether a playbook's match holds for the lead. */
export function playbookMatches(match: PlaybookMatch, lead: LeadProfile): boolean {
  return admits(match.sources, lead.source) && admits(match.channels, lead.channel) && admits(match.personas, lead.persona);
}

/** How many of the three lists a match constrains (0–3); a more specific playbook beats a general one. */
export function specificityOf(match: PlaybookMatch): number {
  return [match.sources, match.channels, match.personas].filter((l) => l.length > 0).length;
}

/** The playbook for a lead: among enabled matches, the most specific, then the lowest position, then the lowest id. */
export function choosePlaybook<P extends MatchablePlaybook>(playbooks: readonly P[], lead: LeadProfile): P | null {
  let best: P | null = null;
  for (const p of playbooks) {
    if (!p.enabled || !playbookMatches(p.match, lead)) continue;
    if (!best) best = p;
    else {
      const d = specificityOf(p.match) - specificityOf(best.match);
      if (d > 0 || (d === 0 && (p.position < best.position || (p.position === best.position && p.id < best.id)))) best = p;
    }
  }
  return best;
}

/** The follow-up channel of a sales activity (call → phone, sales_email → email, meeting → meeting, content_share → email); null for marketing touches. A sales e-mail or share logged on the `social` channel is a LinkedIn message. */
export function followUpChannelOf(touch: Pick<TouchFacts, "type" | "channel">): FollowUpChannel | null {
  if (TOUCHPOINT_CATEGORIES[touch.type as TouchpointType] !== "sales") return null;
  switch (touch.type as TouchpointType) {
    case "call":
      return "phone";
    case "meeting":
      return "meeting";
    default:
      return touch.channel === "social" ? "linkedin" : "email";
  }
}

/** The converting touch: the lead's latest marketing touch at or before `at` (touches in any order). */
export function convertingTouchOf<T extends TouchFacts>(touches: readonly T[], at: number): T | null {
  let found: T | null = null;
  for (const t of touches) {
    if (TOUCHPOINT_CATEGORIES[t.type as TouchpointType] !== "marketing" || t.at > at) continue;
    if (!found || t.at > found.at) found = t;
  }
  return found;
}

/** The channel a lead came through, for matching: its converting touch's channel, else the contact's own channel. */
export function leadChannelOf(contactChannel: string | null, converting: Pick<TouchFacts, "channel"> | null): string | null {
  return converting?.channel ?? contactChannel;
}

/** The first channel when no playbook matches, read from the converting touch as the handoff's next step is: e-mail answerers and content readers get an e-mail, everyone else a call. */
export function defaultFirstChannel(converting: Pick<TouchFacts, "type" | "channel"> | null): FollowUpChannel {
  const kind = followUpKind(converting);
  return kind === "email" || kind === "content" ? "email" : "phone";
}

export type FirstChannel = { channel: FollowUpChannel; basis: "playbook" | "converting_touch" };

/** The recommended first channel: the playbook's, or without one the default for the converting touch. */
export function recommendFirstChannel(playbook: { firstChannel: FollowUpChannel } | null, converting: Pick<TouchFacts, "type" | "channel"> | null): FirstChannel {
  return playbook ? { channel: playbook.firstChannel, basis: "playbook" } : { channel: defaultFirstChannel(converting), basis: "converting_touch" };
}

const DAY = 86_400_000;
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * When a step of day `day` is due: business day 0 is the day the lead was assigned (or the next business day when
 * assigned outside open hours); day d is the d-th business day after it; the step is due at local midnight ending it.
 */
export function stepDueAt(cal: BusinessCalendar, assignedAt: number, day: number): number {
  return dueFromDayZero(cal, localDateOf(cal.timezone, nextOpening(cal, assignedAt)), day);
}

// Due instants by calendar, business day 0 and step day: a report evaluates tens of thousands of assignments that
// share a few hundred day-0 dates, and walking business days through the zone is what evaluation spends its time on.
const dueCache = new WeakMap<BusinessCalendar, Map<string, number>>();
const DUE_CACHE_LIMIT = 50_000;

function dueFromDayZero(cal: BusinessCalendar, dayZero: string, day: number): number {
  let memo = dueCache.get(cal);
  if (!memo) dueCache.set(cal, (memo = new Map()));
  const key = `${dayZero}|${day}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let date = dayZero;
  for (let k = 0; k < day; k++) date = localDateOf(cal.timezone, nextOpening(cal, startOfLocalDay(cal.timezone, nextDate(date))));
  const due = startOfLocalDay(cal.timezone, nextDate(date));
  if (memo.size >= DUE_CACHE_LIMIT) memo.clear();
  memo.set(key, due);
  return due;
}

/** Stages that end the follow-up: the lead is no longer the rep's to work. */
export const FOLLOW_UP_END_STAGES = ["rejected", "recycled", "disqualified"] as const;

/** `skipped`: the lead left the sales side (rejected, recycled, disqualified) before the step fell due. */
export type StepStatus = "done" | "late" | "missed" | "pending" | "skipped";
export type StepProgress = { index: number; day: number; channel: FollowUpChannel; action: string; dueAt: number; status: StepStatus; doneAt: number | null };
export type Adherence = {
  firstTouch: { at: number; channel: FollowUpChannel } | null;
  /** Whether the first sales touch was on the recommended channel; null while the lead is untouched. */
  firstTouchOnChannel: boolean | null;
  steps: StepProgress[];
  /** Steps settled: done on time, done late, or past due while the lead was still worked. */
  stepsDue: number;
  stepsOnTime: number;
  /** Checks kept ÷ checks settled (the first-touch check once touched, plus each settled step); null with none settled. */
  share: number | null;
  /** The first step neither done nor past due. */
  nextStep: StepProgress | null;
};

export type AdherenceInput = {
  assignedAt: number;
  firstChannel: FollowUpChannel;
  steps: readonly Omit<PlaybookStep, "talkTrack" | "assetId">[];
  touches: readonly TouchFacts[];
  now: number;
  calendar: BusinessCalendar;
  /** When the lead left the sales side, if it did: steps due later are skipped, not missed. */
  endedAt?: number | null;
};

/**
 * Adherence of one assignment. Only sales touches at or after `assignedAt` count. Steps are taken in order of due
 * time; each claims the earliest unclaimed touch on its channel by its due time (done), else the earliest later one
 * (late); a step without a touch is missed once due and pending before — or skipped when the lead ended before it fell due.
 */
export function evaluateAdherence(input: AdherenceInput): Adherence {
  const touches = input.touches
    .map((t) => ({ at: t.at, channel: followUpChannelOf(t) }))
    .filter((t): t is { at: number; channel: FollowUpChannel } => t.channel !== null && t.at >= input.assignedAt)
    .sort((a, b) => a.at - b.at);
  const firstTouch = touches[0] ?? null;
  const claimed = new Set<number>();
  const claim = (channel: FollowUpChannel, test: (at: number) => boolean) => {
    const i = touches.findIndex((t, j) => !claimed.has(j) && t.channel === channel && test(t.at));
    if (i >= 0) claimed.add(i);
    return i >= 0 ? touches[i]!.at : null;
  };
  const dayZero = input.steps.length === 0 ? "" : localDateOf(input.calendar.timezone, nextOpening(input.calendar, input.assignedAt));
  const due = input.steps.map((s, index) => ({ ...s, index, dueAt: dueFromDayZero(input.calendar, dayZero, s.day) })).sort((a, b) => a.dueAt - b.dueAt || a.index - b.index);
  const onTime = new Map(due.map((s) => [s.index, claim(s.channel, (at) => at <= s.dueAt)]));
  const steps: StepProgress[] = due
    .map((s) => {
      const early = onTime.get(s.index) ?? null;
      const late = early === null ? claim(s.channel, (at) => at > s.dueAt) : null;
      const ended = input.endedAt != null && input.endedAt < s.dueAt;
      const status: StepStatus = early !== null ? "done" : late !== null ? "late" : ended ? "skipped" : s.dueAt <= input.now ? "missed" : "pending";
      return { index: s.index, day: s.day, channel: s.channel, action: s.action, dueAt: s.dueAt, status, doneAt: early ?? late };
    })
    .sort((a, b) => a.index - b.index);
  const settled = steps.filter((s) => s.status !== "pending" && s.status !== "skipped");
  const stepsOnTime = settled.filter((s) => s.status === "done").length;
  const firstTouchOnChannel = firstTouch ? firstTouch.channel === input.firstChannel : null;
  const checks = settled.length + (firstTouch ? 1 : 0);
  const kept = stepsOnTime + (firstTouchOnChannel ? 1 : 0);
  return {
    firstTouch,
    firstTouchOnChannel,
    steps,
    stepsDue: settled.length,
    stepsOnTime,
    share: checks === 0 ? null : kept / checks,
    nextStep: steps.find((s) => s.status === "pending") ?? null,
  };
}

export type AdherenceTotals = { leads: number; touched: number; firstTouchOnChannel: number; stepsDue: number; stepsOnTime: number };

/** Adds one assignment's adherence to running totals. */
export function addAdherence(totals: AdherenceTotals, a: Adherence): AdherenceTotals {
  return {
    leads: totals.leads + 1,
    touched: totals.touched + (a.firstTouch ? 1 : 0),
    firstTouchOnChannel: totals.firstTouchOnChannel + (a.firstTouchOnChannel ? 1 : 0),
    stepsDue: totals.stepsDue + a.stepsDue,
    stepsOnTime: totals.stepsOnTime + a.stepsOnTime,
  };
}

/** Rates of a group: first touch on the recommended channel among touched leads, steps on time among settled steps, and overall checks kept. */
export function adherenceRates(t: AdherenceTotals): { firstTouchOnChannelRate: number | null; stepsOnTimeRate: number | null; adherenceRate: number | null } {
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    firstTouchOnChannelRate: ratio(t.firstTouchOnChannel, t.touched),
    stepsOnTimeRate: ratio(t.stepsOnTime, t.stepsDue),
    adherenceRate: ratio(t.firstTouchOnChannel + t.stepsOnTime, t.touched + t.stepsDue),
  };
}

export const EMPTY_TOTALS: AdherenceTotals = { leads: 0, touched: 0, firstTouchOnChannel: 0, stepsDue: 0, stepsOnTime: 0 };
