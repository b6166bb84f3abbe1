import type { MqlTargetTerms, RecycleTerms, SlaKind, TimerTerms } from "../../../../shared/contracts/sla.js";
import { formatPercent } from "../../../lib/format";
import { formatMinutes } from "./sla-format";

function hours(minutes: number): string {
  if (minutes % 60 === 0) {
    const h = minutes / 60;
    return `${h} business hour${h === 1 ? "" : "s"}`;
  }
  return `${formatMinutes(minutes)} of business time`;
}

function step(label: string, minutes: number | null): string {
  return minutes === null ? `${label}: off` : `${label} ${formatMinutes(minutes)} after`;
}

/** A policy's terms in plain words, e.g. "Accept or reject within 4 business hours; warn at 75 %; …". */
export function describeTerms(kind: SlaKind, terms: Record<string, unknown>): string {
  if (kind === "accept" || kind === "first_touch") {
    const t = terms as TimerTerms;
    const what = kind === "accept" ? "Accept or reject within" : "First touch within";
    const e = t.escalation;
    return `${what} ${hours(t.dueMinutes)}; warn at ${formatPercent(t.warnFraction)}; ${step("remind the owner", e.remindOwnerAfterMinutes)}, ${step("tell the manager", e.notifyManagerAfterMinutes)}, ${e.reassignAfterMinutes === null ? "reassign: off" : `reassign ${formatMinutes(e.reassignAfterMinutes)} after`}`;
  }
  if (kind === "recycle_attempts") {
    const t = terms as RecycleTerms;
    return `Recycle only after at least ${t.minAttempts} attempt${t.minAttempts === 1 ? "" : "s"} over ${hours(t.overBusinessMinutes)}`;
  }
  const t = terms as MqlTargetTerms;
  const segment = t.segment ? ` with ${t.segment.field} ${t.segment.value}` : "";
  return `${t.mqlTarget} MQLs${segment} per ${t.period}, at least ${formatPercent(t.minAcceptanceRate)} of them accepted by sales`;
}
