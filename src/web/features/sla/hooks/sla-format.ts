import type { Serialized } from "../../../../shared/contracts/common.js";
import type { SlaTimer } from "../../../../shared/contracts/sla.js";

/** Business minutes as words: `45 m`, `2 h 15 m`, `31 h` (minutes dropped past ten hours). */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} m`;
  if (h >= 10 || m === 0) return `${h} h`;
  return `${h} h ${m} m`;
}

export type CountdownTone = "ok" | "warn" | "overdue" | "done";

/** How urgent a timer is at `now`: overdue past due, warn after its warning time or in its last quarter. */
export function countdownTone(timer: Serialized<SlaTimer>, now: number, dueMinutes?: number): CountdownTone {
  if (timer.state === "met" || timer.state === "cancelled") return "done";
  const left = timer.businessMinutesLeft;
  if (timer.state === "breached" || (left !== null && left < 0) || now >= Date.parse(timer.dueAt)) return "overdue";
  if (now >= Date.parse(timer.warnAt)) return "warn";
  if (dueMinutes && left !== null && left < dueMinutes / 4) return "warn";
  return "ok";
}

/** Mantine color of a countdown tone. */
export const TONE_COLOR: Record<CountdownTone, string> = { ok: "teal", warn: "yellow", overdue: "red", done: "gray" };

/** The countdown's words: `2 h 15 m left` or `Overdue 1 h 30 m`. */
export function countdownLabel(timer: Serialized<SlaTimer>, tone: CountdownTone): string {
  const left = timer.businessMinutesLeft;
  if (tone === "done") return timer.state === "met" ? "Met" : "Cancelled";
  if (tone === "overdue") return left !== null && left < 0 ? `Overdue ${formatMinutes(left)}` : "Overdue";
  return `${formatMinutes(left)} left`;
}
