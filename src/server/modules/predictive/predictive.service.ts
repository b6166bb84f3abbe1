import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { AppError, notFound } from "../../../shared/errors.js";
import { ModelMetricsSchema, type ListModelsQuery, type TrainModelBody } from "../../../shared/contracts/predictive.js";
import { parsePredictiveModel, scoreRow, type PredictiveModel } from "../../../shared/domain/predictive/index.js";
import { ENGAGEMENT_WINDOW_DAYS, PREDICTIVE_MIN_PER_CLASS, RETRAIN_AFTER_DAYS, describeContributions } from "../../../shared/domain/predictive-features.js";
import type { JobsService } from "../jobs/index.js";
import type { ModelRow, PredictiveRepository } from "./predictive.repository.js";
import type { PredictiveScanRepository } from "./predictive-scan.repository.js";
import { featuresOf, notEnoughOutcomes } from "./predictive-training.service.js";
import { requireModelReader, requireModelTrainer } from "./predictive.policy.js";

type Deps = {
  db: Database;
  repo: PredictiveRepository;
  scan: PredictiveScanRepository;
  clock: Clock;
  jobs: Pick<JobsService, "enqueueIn" | "announce" | "latestFor">;
};

const DAY_MS = 86_400_000;
const TOP_FACTORS = 5;
// Parsed models by id: a version never changes once stored, so explanations skip re-validating its JSON.
const MODEL_CACHE_SIZE = 50;

function summaryOf(row: ModelRow) {
  const metrics = ModelMetricsSchema.parse(row.metrics);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    auc: row.auc,
    brier: metrics.brier,
    accuracy: metrics.accuracy,
    positives: metrics.positives,
    negatives: metrics.negatives,
    trainedOn: row.trainedOn,
    trainedAt: row.trainedAt,
    trainedBy: row.trainedBy,
    jobId: row.jobId,
    metrics,
  };
}

/** The workspace's predictive model: training requests, versions and metrics, and per-contact explanations. */
export function createPredictiveService({ db, repo, scan, clock, jobs }: Deps) {
  const parsed = new Map<string, PredictiveModel>();

  function modelOf(row: ModelRow): PredictiveModel {
    let model = parsed.get(row.id);
    if (!model) {
      model = parsePredictiveModel(row.model);
      if (parsed.size >= MODEL_CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
      parsed.set(row.id, model);
    }
    return model;
  }

  // The workspace id is the subject of its training jobs, so "is one already waiting?" is one indexed lookup.
  async function pendingTraining(tx: Tx, workspaceId: string) {
    const latest = await jobs.latestFor(tx, workspaceId, "predictive_train", workspaceId);
    return latest && (latest.status === "queued" || latest.status === "running") ? latest : null;
  }

  /** Queues a training job (202); refuses with 409 below the minimum outcomes, and returns a job already waiting. */
  async function requestTraining(ctx: RequestContext, body: TrainModelBody) {
    requireModelTrainer(ctx.actor);
    const now = clock.now();
    const { job, isNew } = await db.inWorkspace(ctx.workspaceId, async (tx) => {
      await repo.lockWorkspaceModels(tx, ctx.workspaceId);
      const counts = await scan.countOutcomes(tx, ctx.workspaceId);
      const refusal = notEnoughOutcomes(counts.positives, counts.negatives);
      if (refusal) throw new AppError("conflict", refusal);
      const pending = await pendingTraining(tx, ctx.workspaceId);
      if (pending) return { job: pending, isNew: false };
      const params = body?.lambda === undefined ? {} : { lambda: body.lambda };
      const queued = await jobs.enqueueIn(tx, ctx.workspaceId, { kind: "predictive_train", subjectId: ctx.workspaceId, params, requestedBy: ctx.actor.userId });
      await recordAudit(
        tx,
        ctx.workspaceId,
        ctx.actor,
        now,
        { action: "predictive_model.training_requested", entity: "job", entityId: queued.id, changes: { ...params, positives: counts.positives, negatives: counts.negatives, trigger: "request" } },
        ctx.requestId,
      );
      return { job: queued, isNew: true };
    });
    if (isNew) await jobs.announce(job);
    return job;
  }

  /** Queues a retrain when the workspace has enough outcomes and no model newer than RETRAIN_AFTER_DAYS (the nightly task). */
  async function retrainIfDue(workspaceId: string) {
    const now = clock.now();
    const job = await db.inWorkspace(workspaceId, async (tx) => {
      await repo.lockWorkspaceModels(tx, workspaceId);
      const active = await repo.findActive(tx, workspaceId);
      if (active && now.getTime() - active.trainedAt.getTime() < RETRAIN_AFTER_DAYS * DAY_MS) return null;
      const counts = await scan.countOutcomes(tx, workspaceId);
      if (notEnoughOutcomes(counts.positives, counts.negatives)) return null;
      if (await pendingTraining(tx, workspaceId)) return null;
      const lambda = active ? ModelMetricsSchema.parse(active.metrics).lambda : undefined;
      const params = lambda === undefined ? {} : { lambda };
      const queued = await jobs.enqueueIn(tx, workspaceId, { kind: "predictive_train", subjectId: workspaceId, params, requestedBy: null });
      await recordAudit(tx, workspaceId, null, now, {
        action: "predictive_model.training_requested",
        entity: "job",
        entityId: queued.id,
        changes: { ...params, positives: counts.positives, negatives: counts.negatives, trigger: "schedule", previousVersion: active?.version ?? null },
      });
      return queued;
    });
    if (job) await jobs.announce(job);
    return job;
  }

  /** Model versions with their headline metrics, newest first. */
  async function listModels(ctx: RequestContext, q: ListModelsQuery) {
    requireModelReader(ctx.actor);
    const rows = await db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, q.limit));
    return { items: rows.map(summaryOf) };
  }

  /** The active model with its held-out metrics (null before the first training), and today's outcome counts. */
  async function getActiveModel(ctx: RequestContext) {
    requireModelReader(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const active = await repo.findActive(tx, ctx.workspaceId);
      const counts = await scan.countOutcomes(tx, ctx.workspaceId);
      return {
        model: active ? summaryOf(active) : null,
        outcomes: { ...counts, minPerClass: PREDICTIVE_MIN_PER_CLASS, enough: notEnoughOutcomes(counts.positives, counts.negatives) === null },
      };
    });
  }

  /**
   * A contact's chance of a won deal under the active model, with its strongest factors. Computed on read (and not
   * stored: a read never writes), so a contact created or changed since the last training is current here; the
   * stored score lists sort by is refreshed by each training and the nightly retrain.
   */
  async function explainContact(ctx: RequestContext, contactId: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const [contact] = await scan.loadContacts(tx, ctx.workspaceId, [contactId], now, ENGAGEMENT_WINDOW_DAYS);
      if (!contact) throw notFound("Contact");
      const active = await repo.findActive(tx, ctx.workspaceId);
      if (!active) return { contactId, model: null, probability: null, logOdds: null, baseLogOdds: null, cutoff: contact.cutoff, factors: [] };
      const model = modelOf(active);
      const features = featuresOf(contact);
      const score = scoreRow(model, features.row, TOP_FACTORS);
      return {
        contactId,
        model: { id: active.id, version: active.version, trainedAt: active.trainedAt },
        probability: score.probability,
        logOdds: score.logOdds,
        baseLogOdds: model.intercept,
        cutoff: contact.cutoff,
        factors: describeContributions(score.contributions, features.display),
      };
    });
  }

  return { requestTraining, retrainIfDue, listModels, getActiveModel, explainContact };
}

export type PredictiveService = ReturnType<typeof createPredictiveService>;
