import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { startOfLocalDay } from "../../../shared/domain/business-time.js";
import type { AdherenceReport, AdherenceReportQuery, AdherenceRow } from "../../../shared/contracts/playbooks.js";
import { EMPTY_TOTALS, addAdherence, adherenceRates, evaluateAdherence, type AdherenceTotals, type FollowUpChannel } from "../../../shared/domain/playbooks.js";
import type { Clock } from "../../platform/clock.js";
import { readAdherenceFacts } from "./adherence.report.js";
import type { CalendarSource } from "./recommend.service.js";

type Deps = { db: Database; clock: Clock; calendarFor: CalendarSource };

const toRow = (key: string, label: string, t: AdherenceTotals): AdherenceRow => ({ key, label, ...t, ...adherenceRates(t) });

/** Playbook adherence per rep or per lead source over a period (docs/PLAYBOOKS.md). */
export function createAdherenceService({ db, clock, calendarFor }: Deps) {
  /** Adherence of the assignments made in [from, to) (local dates of the workspace calendar), grouped, largest group first. */
  function adherenceReport(ctx: RequestContext, q: AdherenceReportQuery): Promise<AdherenceReport> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const calendar = await calendarFor(tx, ctx.workspaceId);
      const range = { from: new Date(startOfLocalDay(calendar.timezone, q.from)), to: new Date(startOfLocalDay(calendar.timezone, q.to)) };
      const facts = await readAdherenceFacts(tx, ctx.workspaceId, range, q.groupBy);
      const now = clock.now().getTime();
      const groups = new Map<string, { label: string; totals: AdherenceTotals }>();
      let total = EMPTY_TOTALS;
      for (const f of facts) {
        const a = evaluateAdherence({ assignedAt: f.assignedAt, firstChannel: f.firstChannel as FollowUpChannel, steps: f.steps, touches: f.touches, now, calendar, endedAt: f.endedAt });
        const g = groups.get(f.groupKey) ?? { label: f.groupLabel, totals: EMPTY_TOTALS };
        groups.set(f.groupKey, { label: g.label, totals: addAdherence(g.totals, a) });
        total = addAdherence(total, a);
      }
      const rows = [...groups.entries()].map(([key, g]) => toRow(key, g.label, g.totals)).sort((x, y) => y.leads - x.leads || x.label.localeCompare(y.label));
      return { from: q.from, to: q.to, groupBy: q.groupBy, rows, total: toRow("total", "All", total) };
    });
  }

  return { adherenceReport };
}

export type AdherenceService = ReturnType<typeof createAdherenceService>;
