import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { attributionWeights, type AttributionBasisName } from "../../../shared/domain/attribution.js";
import type { AttributionRepository, CreditRow, DealRow, EligibleRow } from "./attribution.repository.js";

type Deps = { db: Database; repo: AttributionRepository; clock: Clock };

/** Deals per statement in a rebuild: a page's touches (tens of thousands of rows) stay one round trip each way. */
const PAGE = 2000;

/** What a rebuild wrote: deals seen, deal rows (one per deal and basis), credit rows, and the deals per basis left without an eligible touch. */
export type RebuildResult = { deals: number; dealRows: number; credits: number; unattributed: Record<AttributionBasisName, number> };

const ms = (d: Date | string) => (d instanceof Date ? d.getTime() : Date.parse(d));
const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/** Turns eligible rows (grouped by deal and basis, touches in order) into credit and deal rows. */
export function creditsOf(rows: readonly EligibleRow[]): { credits: CreditRow[]; deals: DealRow[] } {
  const credits: CreditRow[] = [];
  const deals: DealRow[] = [];
  for (let i = 0; i < rows.length; ) {
    const head = rows[i]!;
    let j = i;
    while (j < rows.length && rows[j]!.deal_id === head.deal_id && rows[j]!.basis === head.basis) j++;
    const group = head.touch_id === null ? [] : rows.slice(i, j);
    const convertedAt = asDate(head.converted_at);
    const amount = Number(head.amount);
    const w = attributionWeights(group.map((r) => ms(r.occurred_at!)), convertedAt.getTime(), head.mql_at === null ? null : ms(head.mql_at));
    group.forEach((r, k) => {
      credits.push({
        dealId: head.deal_id, basis: head.basis, touchpointId: r.touch_id!, position: k + 1,
        campaignId: r.campaign_id, channel: r.channel, assetId: r.asset_id,
        occurredAt: asDate(r.occurred_at!), convertedAt, amount,
        w: [w.first[k]!, w.last[k]!, w.linear[k]!, w.uShaped[k]!, w.wShaped[k]!, w.timeDecay[k]!],
      });
    });
    deals.push({ dealId: head.deal_id, basis: head.basis, convertedAt, amount, touches: group.length });
    i = j;
  }
  return { credits, deals };
}

/**
 * Materialises attribution (DESIGN §6.5): for each deal and basis, its eligible touches with the weight of every
 * model. Written in the transaction that creates or changes a deal, and rebuilt set-wise for a whole workspace.
 */
export function createAttributionService({ db, repo, clock }: Deps) {
  async function writeIn(tx: Tx, workspaceId: string, dealIds: readonly string[], clearFirst: boolean) {
    if (clearFirst) await repo.clear(tx, workspaceId, dealIds);
    const { credits, deals } = creditsOf(await repo.eligible(tx, workspaceId, dealIds));
    await repo.insertCredits(tx, workspaceId, credits);
    await repo.insertDeals(tx, workspaceId, deals, clock.now());
    const none = (b: string) => deals.filter((d) => d.basis === b && d.touches === 0).length;
    return { credits: credits.length, dealRows: deals.length, unattributed: { pipeline: none("pipeline"), revenue: none("revenue") } };
  }

  /** Rewrites one deal's credits and deal rows (both bases) in the caller's transaction. */
  async function materializeDealIn(tx: Tx, workspaceId: string, dealId: string): Promise<void> {
    await writeIn(tx, workspaceId, [dealId], true);
  }

  /** Rewrites every deal's attribution in the workspace, a page of deals per statement; returns what it wrote. */
  async function rebuildIn(tx: Tx, workspaceId: string, onProgress?: (done: number, total: number) => void): Promise<RebuildResult> {
    const total = await repo.countDeals(tx, workspaceId);
    await repo.clear(tx, workspaceId, null);
    const out: RebuildResult = { deals: 0, dealRows: 0, credits: 0, unattributed: { pipeline: 0, revenue: 0 } };
    onProgress?.(0, total);
    for (let after: string | null = null; ; ) {
      const ids = await repo.dealIdsAfter(tx, workspaceId, after, PAGE);
      if (ids.length === 0) break;
      const page = await writeIn(tx, workspaceId, ids, false);
      out.credits += page.credits;
      out.dealRows += page.dealRows;
      out.unattributed.pipeline += page.unattributed.pipeline;
      out.unattributed.revenue += page.unattributed.revenue;
      out.deals += ids.length;
      after = ids[ids.length - 1]!;
      onProgress?.(out.deals, total);
    }
    return out;
  }

  /** `rebuildIn` in its own transaction. */
  function rebuildWorkspace(workspaceId: string, onProgress?: (done: number, total: number) => void) {
    return db.inWorkspace(workspaceId, (tx) => rebuildIn(tx, workspaceId, onProgress));
  }

  return { materializeDealIn, rebuildIn, rebuildWorkspace };
}

export type AttributionService = ReturnType<typeof createAttributionService>;
