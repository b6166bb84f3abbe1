/**
 * SLA rules (DESIGN §6.4): when a timer warns, is due and escalates, whether a lead may be recycled, how marketing's
 * period targets are paced, and attainment. Instants are epoch ms; durations are business minutes of a calendar.
 */
import type { BusinessCalendar } from "../contracts/business-calendar.js";
import type { MqlTargetTerms, RecycleTerms, TimerTerms } from "../contracts/sla.js";
import { addBusinessMinutes, businessMinutesBetween, localDateOf, startOfLocalDay, warnAt } from "./business-time.js";

/** The ladder a timer walks, in order; a step's index is stored as the timer's `next_step`. */
export const LADDER = ["warning", "breached", "remind_owner", "notify_manager", "reassign"] as const;
export type LadderStep = (typeof LADDER)[number];

/** Warning and due instants of a timer started at `startedAt`. */
export function planTimer(cal: BusinessCalendar, startedAt: number, terms: TimerTerms): { warnAt: number; dueAt: number } {
  return { warnAt: warnAt(cal, startedAt, terms.dueMinutes, terms.warnFraction), dueAt: addBusinessMinutes(cal, startedAt, terms.dueMinutes) };
}

const ESCALATION_KEY = { remind_owner: "remindOwnerAfterMinutes", notify_manager: "notifyManagerAfterMinutes", reassign: "reassignAfterMinutes" } as const;

/** When step `index` fires for a timer, or null when the policy leaves that step out. */
export function stepAt(cal: BusinessCalendar, index: number, timer: { warnAt: number; dueAt: number }, terms: TimerTerms): number | null {
  const step = LADDER[index];
  if (!step) return null;
  if (step === "warning") return timer.warnAt;
  if (step === "breached") return timer.dueAt;
  const after = terms.escalation[ESCALATION_KEY[step]];
  return after === null ? null : addBusinessMinutes(cal, timer.dueAt, after);
}

/** The first step at or after `from` the policy includes, with its instant; null when the ladder is done. */
export function nextStep(cal: BusinessCalendar, from: number, timer: { warnAt: number; dueAt: number }, terms: TimerTerms): { index: number; at: number } | null {
  for (let i = from; i < LADDER.length; i++) {
    const at = stepAt(cal, i, timer, terms);
    if (at !== null) return { index: i, at };
  }
  return null;
}

export type RecycleCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether a lead with these sales attempts (instants) may be recycled at `now`: at least `minAttempts`, the
 * first of them at least `overBusinessMinutes` of business time before now.
 */
export function checkRecycle(cal: BusinessCalendar, attempts: readonly number[], now: number, terms: RecycleTerms): RecycleCheck {
  const span = attempts.length > 0 ? businessMinutesBetween(cal, Math.min(...attempts), now) : 0;
  if (attempts.length >= terms.minAttempts && span >= terms.overBusinessMinutes) return { ok: true };
  const need = `recycling needs at least ${terms.minAttempts} attempt${terms.minAttempts === 1 ? "" : "s"} over ${formatBusinessMinutes(terms.overBusinessMinutes)}`;
  const have = attempts.length === 0 ? "no attempts yet" : `${attempts.length} attempt${attempts.length === 1 ? "" : "s"} over ${formatBusinessMinutes(span)} so far`;
  return { ok: false, message: `${need}; ${have}` };
}

/** "4 business hours", "1 business day 2 h" (a business day counted as 8 hours), "45 business minutes". */
export function formatBusinessMinutes(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  if (m < 60) return `${m} business minute${m === 1 ? "" : "s"}`;
  if (m < 480 || m % 480 !== 0) {
    const h = Math.round((m / 60) * 10) / 10;
    return `${h} business hour${h === 1 ? "" : "s"}`;
  }
  const d = m / 480;
  return `${d} business day${d === 1 ? "" : "s"}`;
}

/** The period (local dates, end exclusive) of a month or quarter containing `at` in `zone`. */
export function periodContaining(zone: string, period: MqlTargetTerms["period"], at: number): { start: string; end: string } {
  const [y, m] = localDateOf(zone, at).split("-").map(Number) as [number, number];
  const first = period === "month" ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const len = period === "month" ? 1 : 3;
  const iso = (year: number, month: number) => `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-01`;
  return { start: iso(y, first), end: iso(y, first + len) };
}

/** The period just before the one starting `start`. */
export function previousPeriod(zone: string, period: MqlTargetTerms["period"], start: string): { start: string; end: string } {
  return periodContaining(zone, period, startOfLocalDay(zone, start) - 1);
}

/** MQLs expected by `now` if the target arrived evenly over the period's wall-clock time. */
export function expectedByNow(target: number, periodStart: number, periodEnd: number, now: number): number {
  if (now >= periodEnd) return target;
  if (now <= periodStart) return 0;
  return (target * (now - periodStart)) / (periodEnd - periodStart);
}

/** Marketing's standing for a period: met/missed once it ended, on track/behind while it runs. */
export function marketingStatus(
  t: { mqls: number; mqlTarget: number; acceptanceRate: number | null; minAcceptanceRate: number; expected: number },
  final: boolean,
): "met" | "missed" | "on_track" | "behind" {
  // No decided leads yet says nothing against the rate; a rate below the minimum counts against it.
  const rateOk = t.acceptanceRate === null || t.acceptanceRate >= t.minAcceptanceRate;
  if (final) return t.mqls >= t.mqlTarget && rateOk ? "met" : "missed";
  return t.mqls >= t.expected && rateOk ? "on_track" : "behind";
}

export type TimerOutcome = "onTime" | "breached" | "open";

/**
 * A due timer's outcome at `now`: breached (breached, or overdue and still running), met in time, or open (not yet
 * due, or stopped). The ledger applies it per timer; the SLA attainment report runs the same rule in SQL.
 */
export function timerOutcome(t: { state: string; dueAt: Date; breachedAt: Date | null }, now: Date): TimerOutcome {
  if (t.breachedAt || (t.state === "running" && t.dueAt <= now)) return "breached";
  if (t.state === "met") return "onTime";
  return "open";
}

/** onTime ÷ (onTime + breached), or null when nothing was due. */
export function attainment(onTime: number, breached: number): number | null {
  return onTime + breached === 0 ? null : onTime / (onTime + breached);
}

/** The median of the values, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
