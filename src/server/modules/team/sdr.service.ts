import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import type { PassedLeads, PassedLeadsQuery, Scoreboard, ScoreboardQuery } from "../../../shared/contracts/team.js";
import { sdrScoreboard } from "../../reports/sdr-scoreboard.report.js";
import { sdrScoreboardTrend } from "../../reports/sdr-scoreboard-trend.report.js";
import { sdrPassedLeads } from "../../reports/sdr-passed-leads.report.js";
import { sdrLeadCampaigns } from "../../reports/sdr-lead-campaigns.report.js";
import { workspaceZone } from "../../reports/sdr-comp-facts.report.js";
import { assertFilterIds } from "../../reports/report-scope.js";
import type { CompRepository } from "./comp.repository.js";
import { sdrScope } from "./team.policy.js";

type Deps = { db: Database; repo: Pick<CompRepository, "members"> };

/** The SDR views: the scoreboard of every SDR (managers) or one's own row (an SDR). */
export function createSdrService({ db, repo }: Deps) {
  /** Per SDR and period: meetings booked and accepted, sourced opportunities, pipeline and won revenue, with ratios, and each month of it. */
  function scoreboard(ctx: RequestContext, q: ScoreboardQuery): Promise<Scoreboard> {
    const only = sdrScope(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const timezone = await workspaceZone(tx, ctx.workspaceId);
      const reps = await sdrScoreboard(tx, ctx.workspaceId, { from: q.from, to: q.to, timezone, podId: q.podId, onlyUserId: only ?? undefined });
      if (!reps) throw notFound("Pod");
      const months = await sdrScoreboardTrend(tx, ctx.workspaceId, { from: q.from, to: q.to, timezone }, reps.map((r) => r.userId));
      return { from: q.from, to: q.to, timezone, reps: reps.map((r) => ({ ...r, months: months.get(r.userId) ?? [] })) };
    });
  }

  /**
   * What became of every lead an SDR passed in the period, and the campaigns their best leads came from. An SDR
   * gets their own (another SDR's is a 403); managers name the SDR. A member of another workspace is a 404.
   */
  function passedLeads(ctx: RequestContext, q: PassedLeadsQuery): Promise<PassedLeads> {
    const only = sdrScope(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const sdrId = q.sdrId ?? only;
      if (!sdrId) throw invalidField("query.sdrId", "pick the SDR whose leads to show");
      const [member] = await repo.members(tx, ctx.workspaceId, [sdrId]);
      if (!member) throw notFound("SDR");
      if (only && sdrId !== only) throw new AppError("forbidden", "An SDR sees their own passed leads only");
      await assertFilterIds(tx, ctx.workspaceId, { campaignId: q.campaignId });
      const timezone = await workspaceZone(tx, ctx.workspaceId);
      const scope = { sdrId, from: q.from, to: q.to, timezone };
      const page = await sdrPassedLeads(tx, ctx.workspaceId, scope, q);
      const campaigns = await sdrLeadCampaigns(tx, ctx.workspaceId, scope);
      return { sdr: { userId: sdrId, name: member.name }, from: q.from, to: q.to, timezone, ...page, campaigns };
    });
  }

  return { scoreboard, passedLeads };
}

export type SdrService = ReturnType<typeof createSdrService>;
