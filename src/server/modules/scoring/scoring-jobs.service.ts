import type { Database } from "../../db/client.js";
import type { RequestContext } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import type { Clock } from "../../platform/clock.js";
import { notFound } from "../../../shared/errors.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";
import type { StartBacktestBody } from "../../../shared/contracts/backtest.js";
import type { AgreementService } from "../agreement/index.js";
import type { JobsService } from "../jobs/index.js";
import type { BacktestService } from "./backtest.service.js";
import type { ScoringService } from "./scoring.service.js";

type Deps = {
  db: Database;
  clock: Clock;
  jobs: Pick<JobsService, "register" | "enqueueIn" | "announce" | "latestFor">;
  agreement: Pick<AgreementService, "getActiveDefinitionIn" | "findDefinitionIn">;
  scoring: Pick<ScoringService, "rescoreWorkspace">;
  backtests: BacktestService;
};

/** The scoring work that runs as jobs: full re-scores and back-tests, and the requests that start them. */
export function createScoringJobsService({ db, clock, jobs, agreement, scoring, backtests }: Deps) {
  jobs.register("rescore", async (job) => {
    await job.progress(0, null, "re-scoring contacts");
    const result = await scoring.rescoreWorkspace(job.workspaceId, (done, total) => job.progress(done, total, "re-scoring contacts"));
    return result;
  });

  jobs.register("backtest", async (job) => {
    const { candidate, baseline } = await db.inWorkspace(job.workspaceId, async (tx) => {
      const c = await agreement.findDefinitionIn(tx, job.workspaceId, job.subjectId!);
      if (!c) throw new Error("the lead definition no longer exists");
      const active = await agreement.getActiveDefinitionIn(tx, job.workspaceId);
      return { candidate: c, baseline: active && active.id !== c.id ? active : null };
    });
    const months = typeof job.params.months === "number" ? job.params.months : 12;
    const result = await backtests.runBacktest(job.workspaceId, candidate, baseline, months, (done, total) => job.progress(done, total, "replaying contacts"));
    return result as unknown as Record<string, unknown>;
  });

  /** Starts a back-test of a version against the active one. */
  async function startBacktest(ctx: RequestContext, definitionId: string, body: StartBacktestBody) {
    requireRole(ctx.actor, PERMISSIONS.draftDefinitions, "back-test lead definitions");
    const job = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await agreement.findDefinitionIn(tx, ctx.workspaceId, definitionId);
      if (!d) throw notFound("Lead definition");
      return jobs.enqueueIn(tx, ctx.workspaceId, { kind: "backtest", subjectId: d.id, params: { months: body.months, version: d.version }, requestedBy: ctx.actor.userId });
    });
    await jobs.announce(job);
    return job;
  }

  /** The newest back-test of a version (404 when none was run). */
  function latestBacktest(ctx: RequestContext, definitionId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await agreement.findDefinitionIn(tx, ctx.workspaceId, definitionId);
      if (!d) throw notFound("Lead definition");
      const job = await jobs.latestFor(tx, ctx.workspaceId, "backtest", d.id);
      if (!job) throw notFound("Back-test");
      return job;
    });
  }

  /** Starts a full re-score under the active definition (normally queued by activation). */
  async function startRescore(ctx: RequestContext) {
    requireRole(ctx.actor, PERMISSIONS.runRescore, "start a full re-score");
    const job = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const active = await agreement.getActiveDefinitionIn(tx, ctx.workspaceId);
      if (!active) throw notFound("Active lead definition");
      const queued = await jobs.enqueueIn(tx, ctx.workspaceId, { kind: "rescore", subjectId: active.id, params: { version: active.version }, requestedBy: ctx.actor.userId });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action: "scoring.rescore_requested", entity: "lead_definition", entityId: active.id, changes: { version: active.version, jobId: queued.id } }, ctx.requestId);
      return queued;
    });
    await jobs.announce(job);
    return job;
  }

  return { startBacktest, latestBacktest, startRescore };
}

export type ScoringJobsService = ReturnType<typeof createScoringJobsService>;
