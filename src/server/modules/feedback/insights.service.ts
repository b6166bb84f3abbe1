import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { AppError, invalidField } from "../../../shared/errors.js";
import { LIMITS } from "../../../shared/limits.js";
import type { RejectionsQuery, Suggestion } from "../../../shared/contracts/feedback.js";
import { localDateOf, startOfLocalDay } from "../../../shared/domain/business-time.js";
import { describeSuggestion, findSignal, negativeRule } from "../../../shared/domain/rejection-insights.js";
import type { AgreementService } from "../agreement/index.js";
import { definitionBodyOf } from "../agreement/index.js";
import type { GroupBy, RejectionsRepository } from "./rejections.repository.js";

type Deps = { db: Database; repo: RejectionsRepository; clock: Clock; agreement: Pick<AgreementService, "getActiveDefinitionIn" | "createDraft"> };

const DEFAULT_DAYS = 90;
// A suggestion needs a pattern, not an anecdote: enough rejections in the group, and a reason that recurs.
const MIN_GROUP_REJECTIONS = 10;
const MIN_REASON_COUNT = 5;
const MIN_REASON_SHARE = 0.25;

type Period = { from: string; to: string; fromAt: Date; toAt: Date };

/** Rejections rolled up for marketing, and recurring reasons turned into proposed changes of the lead definition. */
export function createInsightsService({ db, repo, clock, agreement }: Deps) {
  async function periodOf(tx: Tx, workspaceId: string, q: { from?: string; to?: string }): Promise<Period> {
    const res = await tx.execute<{ tz: string }>(sql`select timezone as tz from workspaces where id = ${workspaceId}`);
    const zone = res.rows[0]?.tz ?? "UTC";
    const now = clock.now().getTime();
    const to = q.to ?? localDateOf(zone, now + 86_400_000);
    const from = q.from ?? localDateOf(zone, startOfLocalDay(zone, to) - DEFAULT_DAYS * 86_400_000);
    if (from >= to) throw invalidField("query.from", "must be before to");
    return { from, to, fromAt: new Date(startOfLocalDay(zone, from)), toAt: new Date(startOfLocalDay(zone, to)) };
  }

  /** Accepted and rejected MQLs per campaign or source in the period, with the reasons of the rejections. */
  function rejections(ctx: RequestContext, q: RejectionsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const p = await periodOf(tx, ctx.workspaceId, q);
      const labels = await repo.rejectLabels(tx, ctx.workspaceId);
      const groups = new Map<string, { key: string; label: string; campaignId: string | null; accepted: number; rejected: number; reasons: Map<string, number> }>();
      for (const r of await repo.decisionCounts(tx, ctx.workspaceId, p.fromAt, p.toAt, q.by)) {
        const g = groups.get(r.key) ?? { key: r.key, label: r.label, campaignId: r.campaign_id, accepted: 0, rejected: 0, reasons: new Map<string, number>() };
        if (r.to_stage === "sal") g.accepted += r.n;
        else {
          g.rejected += r.n;
          const code = r.reason_code ?? "unspecified";
          g.reasons.set(code, (g.reasons.get(code) ?? 0) + r.n);
        }
        groups.set(r.key, g);
      }
      return {
        from: p.from,
        to: p.to,
        by: q.by,
        groups: [...groups.values()]
          .map((g) => ({
            key: g.key,
            label: g.label,
            campaignId: g.campaignId,
            accepted: g.accepted,
            rejected: g.rejected,
            rejectionRate: g.accepted + g.rejected === 0 ? null : g.rejected / (g.accepted + g.rejected),
            reasons: [...g.reasons]
              .map(([code, count]) => ({ code, label: labels.get(code) ?? code, count, share: count / g.rejected }))
              .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
          }))
          .sort((a, b) => b.rejected - a.rejected || (a.label < b.label ? -1 : 1)),
      };
    });
  }

  async function suggestionsIn(tx: Tx, workspaceId: string, p: Period, by: GroupBy): Promise<Suggestion[]> {
    const active = await agreement.getActiveDefinitionIn(tx, workspaceId);
    const thresholds = active?.gradeThresholds ?? { A: 40, B: 25, C: 10 };
    const labels = await repo.rejectLabels(tx, workspaceId);
    const facts = await repo.decisionFacts(tx, workspaceId, p.fromAt, p.toAt, by);
    const accepted = facts.filter((f) => f.to_stage === "sal");
    const out: Suggestion[] = [];
    const byGroup = new Map<string, typeof facts>();
    for (const f of facts) if (f.to_stage === "rejected") byGroup.set(f.key, [...(byGroup.get(f.key) ?? []), f]);
    for (const [groupKey, rejected] of byGroup) {
      if (rejected.length < MIN_GROUP_REJECTIONS) continue;
      const byReason = new Map<string, typeof facts>();
      for (const f of rejected) if (f.reason_code) byReason.set(f.reason_code, [...(byReason.get(f.reason_code) ?? []), f]);
      for (const [reasonCode, leads] of byReason) {
        const share = leads.length / rejected.length;
        if (leads.length < MIN_REASON_COUNT || share < MIN_REASON_SHARE) continue;
        const signal = findSignal(leads, accepted);
        if (!signal) continue;
        const reasonLabel = labels.get(reasonCode) ?? reasonCode;
        const groupLabel = rejected[0]!.label;
        out.push({
          key: `${by}:${groupKey}:${reasonCode}`,
          by,
          groupKey,
          groupLabel,
          reasonCode,
          reasonLabel,
          share,
          count: leads.length,
          evidence: signal,
          rule: negativeRule(signal, reasonCode, reasonLabel, thresholds),
          message: describeSuggestion({ share, count: leads.length, groupLabel, reasonLabel, signal }),
        });
      }
    }
    return out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  }

  /** Recurring rejection reasons that a negative fit rule would catch, per campaign or source. */
  function suggestions(ctx: RequestContext, q: RejectionsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const p = await periodOf(tx, ctx.workspaceId, q);
      return { from: p.from, to: p.to, items: await suggestionsIn(tx, ctx.workspaceId, p, q.by) };
    });
  }

  /** Drafts a new version of the lead definition: the active rules plus the suggestion's negative fit rule. */
  async function draftFromSuggestion(ctx: RequestContext, body: { key: string; from?: string; to?: string }) {
    const by = body.key.split(":")[0];
    if (by !== "campaign" && by !== "source") throw invalidField("body.key", "is not a suggestion key");
    const { suggestion, definition } = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const p = await periodOf(tx, ctx.workspaceId, body);
      const s = (await suggestionsIn(tx, ctx.workspaceId, p, by)).find((x) => x.key === body.key);
      if (!s) throw invalidField("body.key", "no such suggestion for this period (the data may have changed; reload the suggestions)");
      const active = await agreement.getActiveDefinitionIn(tx, ctx.workspaceId);
      if (!active) throw new AppError("conflict", "There is no active lead definition to change yet; agree on one first");
      return { suggestion: s, definition: definitionBodyOf(active) };
    });
    const ids = new Set(definition.fitRules.map((r) => r.id));
    let id = suggestion.rule.id;
    for (let i = 2; ids.has(id); i++) id = `${suggestion.rule.id.slice(0, 55)}-${i}`;
    const rule = { ...suggestion.rule, id };
    const notes = [definition.notes, `Suggested from sales feedback: ${suggestion.message}`].filter(Boolean).join("\n\n");
    const draft = await agreement.createDraft(ctx, { definition: { ...definition, fitRules: [...definition.fitRules, rule], notes: notes.slice(0, LIMITS.longText) } });
    return { definitionId: draft.id, version: draft.version, rule };
  }

  return { rejections, suggestions, draftFromSuggestion };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
