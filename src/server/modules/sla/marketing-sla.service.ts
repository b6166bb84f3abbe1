import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { NotificationsService } from "../notifications/index.js";
import { startOfLocalDay } from "../../../shared/domain/business-time.js";
import { expectedByNow, marketingStatus, periodContaining, previousPeriod } from "../../../shared/domain/sla.js";
import type { MarketingSlaRepository } from "./marketing-sla.repository.js";
import type { PoliciesService, TypedPolicy } from "./policies.service.js";
import type { SlaRepository } from "./sla.repository.js";

type Deps = {
  db: Database;
  repo: SlaRepository;
  marketingRepo: MarketingSlaRepository;
  clock: Clock;
  policies: Pick<PoliciesService, "enabledOfKind">;
  notifications: Pick<NotificationsService, "notifyRolesIn">;
};

const segmentLabel = (p: TypedPolicy<"mql_target">) => (p.terms.segment ? `${p.terms.segment.field} = ${p.terms.segment.value}` : null);

/** Marketing's side of the SLA: MQL volume and acceptance per period and segment, paced while the period runs. */
export function createMarketingSlaService({ db, repo, marketingRepo, clock, policies, notifications }: Deps) {
  /** A policy's standing for the period containing `at` (final once the period ended). */
  async function standing(tx: Tx, workspaceId: string, zone: string, policy: TypedPolicy<"mql_target">, at: Date, now: Date) {
    const period = periodContaining(zone, policy.terms.period, at.getTime());
    const start = startOfLocalDay(zone, period.start);
    const end = startOfLocalDay(zone, period.end);
    const o = await marketingRepo.outcomes(tx, workspaceId, new Date(start), new Date(end), policy.terms.segment);
    const decided = o.accepted + o.rejected;
    const acceptanceRate = decided === 0 ? null : o.accepted / decided;
    const final = now.getTime() >= end;
    const expected = expectedByNow(policy.terms.mqlTarget, start, end, now.getTime());
    const status = marketingStatus({ mqls: o.mqls, mqlTarget: policy.terms.mqlTarget, acceptanceRate, minAcceptanceRate: policy.terms.minAcceptanceRate, expected }, final);
    return {
      policyId: policy.id,
      name: policy.name,
      segment: segmentLabel(policy),
      periodStart: period.start,
      periodEnd: period.end,
      ...o,
      mqlTarget: policy.terms.mqlTarget,
      expectedByNow: expected,
      pace: expected === 0 ? null : o.mqls / expected,
      acceptanceRate,
      minAcceptanceRate: policy.terms.minAcceptanceRate,
      status,
      final,
    };
  }

  /** Every enabled target's standing for the period containing `at`. */
  async function standings(tx: Tx, workspaceId: string, at: Date, now: Date) {
    const zone = await repo.workspaceZone(tx, workspaceId);
    const out = [];
    for (const p of await policies.enabledOfKind(tx, workspaceId, "mql_target")) out.push(await standing(tx, workspaceId, zone, p, at, now));
    return out;
  }

  /**
   * Evaluates each target's period that ended last (once: the result row is unique per policy and period) and tells
   * marketing and managers when it was missed. Returns how many periods were evaluated.
   */
  async function evaluateEndedPeriods(workspaceId: string, now: Date = clock.now()): Promise<number> {
    return db.inWorkspace(workspaceId, async (tx) => {
      const zone = await repo.workspaceZone(tx, workspaceId);
      let evaluated = 0;
      for (const p of await policies.enabledOfKind(tx, workspaceId, "mql_target")) {
        const current = periodContaining(zone, p.terms.period, now.getTime());
        const last = previousPeriod(zone, p.terms.period, current.start);
        // A target set after a period ended says nothing about that period.
        if (p.createdAt.getTime() >= startOfLocalDay(zone, last.end)) continue;
        const s = await standing(tx, workspaceId, zone, p, new Date(startOfLocalDay(zone, last.start)), now);
        const inserted = await repo.insertPeriodResult(tx, {
          workspaceId,
          policyId: p.id,
          periodStart: s.periodStart,
          periodEnd: s.periodEnd,
          mqls: s.mqls,
          mqlTarget: s.mqlTarget,
          accepted: s.accepted,
          rejected: s.rejected,
          acceptanceRate: s.acceptanceRate,
          minAcceptanceRate: s.minAcceptanceRate,
          met: s.status === "met",
          evaluatedAt: now,
        });
        if (!inserted) continue;
        evaluated++;
        if (s.status !== "met") {
          const rate = s.acceptanceRate === null ? "no decided leads" : `${Math.round(s.acceptanceRate * 100)} % accepted (minimum ${Math.round(s.minAcceptanceRate * 100)} %)`;
          await notifications.notifyRolesIn(tx, workspaceId, ["marketing", "manager"], {
            kind: "sla.marketing_missed",
            title: `Marketing SLA missed for ${s.periodStart.slice(0, 7)}${s.segment ? ` (${s.segment})` : ""}`,
            body: `${s.mqls} MQLs of ${s.mqlTarget} targeted; ${rate}.`,
            link: "/sla",
          });
        }
      }
      return evaluated;
    });
  }

  return { standings, evaluateEndedPeriods };
}

export type MarketingSlaService = ReturnType<typeof createMarketingSlaService>;
