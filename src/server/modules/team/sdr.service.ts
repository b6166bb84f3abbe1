import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { notFound } from "../../../shared/errors.js";
import type { Scoreboard, ScoreboardQuery } from "../../../shared/contracts/team.js";
import { sdrScoreboard } from "../../reports/sdr-scoreboard.report.js";
import { workspaceZone } from "../../reports/sdr-comp-facts.report.js";
import { sdrScope } from "./team.policy.js";

type Deps = { db: Database };

/** The SDR views: the scoreboard of every SDR (managers) or one's own row (an SDR). */
export function createSdrService({ db }: Deps) {
  /** Per SDR and period: meetings booked and accepted, sourced opportunities, pipeline and won revenue, with ratios. */
  function scoreboard(ctx: RequestContext, q: ScoreboardQuery): Promise<Scoreboard> {
    const only = sdrScope(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const timezone = await workspaceZone(tx, ctx.workspaceId);
      const reps = await sdrScoreboard(tx, ctx.workspaceId, { from: q.from, to: q.to, timezone, podId: q.podId, onlyUserId: only ?? undefined });
      if (!reps) throw notFound("Pod");
      return { from: q.from, to: q.to, timezone, reps };
    });
  }

  return { scoreboard };
}

export type SdrService = ReturnType<typeof createSdrService>;
