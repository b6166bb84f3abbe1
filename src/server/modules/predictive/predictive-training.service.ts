import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { systemActor } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import type { ModelMetrics } from "../../../shared/contracts/predictive.js";
import { evaluateHoldout, predictRows, topFeatures, trainPredictiveModel, type PredictiveModel, type RawRow } from "../../../shared/domain/predictive/index.js";
import {
  ENGAGEMENT_WINDOW_DAYS,
  PREDICTIVE_COLUMNS,
  PREDICTIVE_DEFAULT_LAMBDA,
  PREDICTIVE_MIN_PER_CLASS,
  PREDICTIVE_SEED,
  PREDICTIVE_TEST_FRACTION,
  contactFeatures,
} from "../../../shared/domain/predictive-features.js";
import type { JobContext } from "../jobs/index.js";
import type { PredictiveRepository } from "./predictive.repository.js";
import type { PredictiveScanRepository, ScannedContact } from "./predictive-scan.repository.js";

type Deps = { db: Database; repo: PredictiveRepository; scan: PredictiveScanRepository; clock: Clock };

const PAGE = 2_000;

/** The model's feature row for a scanned contact. */
export function featuresOf(c: ScannedContact) {
  return contactFeatures(c);
}

/** The message of a refused training: names both class sizes and the minimum. */
export function notEnoughOutcomes(positives: number, negatives: number): string | null {
  if (positives >= PREDICTIVE_MIN_PER_CLASS && negatives >= PREDICTIVE_MIN_PER_CLASS) return null;
  return (
    `Not enough closed-loop outcomes to train: ${positives} won and ${negatives} lost, no-decision, rejected or disqualified contacts; ` +
    `at least ${PREDICTIVE_MIN_PER_CLASS} of each are needed`
  );
}

/** Training as a job: load the outcomes, hold out a stratified split, fit, activate a new version, score open contacts. */
export function createPredictiveTrainingService({ db, repo, scan, clock }: Deps) {
  async function loadTrainingSet(workspaceId: string, onPage: (done: number, total: number) => Promise<void>) {
    const rows: RawRow[] = [];
    const labels: number[] = [];
    const counts = await db.inWorkspace(workspaceId, (tx) => scan.countOutcomes(tx, workspaceId));
    const total = counts.positives + counts.negatives;
    const now = clock.now();
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const page = await db.inWorkspace(workspaceId, async (tx) => {
        const ids = await scan.contactIdPage(tx, workspaceId, cursor, PAGE);
        return { ids, contacts: await scan.loadContacts(tx, workspaceId, ids, now, ENGAGEMENT_WINDOW_DAYS, true) };
      });
      if (page.ids.length === 0) break;
      for (const c of page.contacts) {
        rows.push(featuresOf(c).row);
        labels.push(c.label as number);
      }
      after = page.ids[page.ids.length - 1]!;
      await onPage(rows.length, total);
    }
    return { rows, labels };
  }

  /** Fits on a stratified 80 % and measures on the held-out 20 %, then refits on every outcome for the stored model. */
  function fit(rows: RawRow[], labels: number[], lambda: number) {
    const options = { columns: PREDICTIVE_COLUMNS, lambda, testFraction: PREDICTIVE_TEST_FRACTION, seed: PREDICTIVE_SEED, top: 10 };
    const holdout = evaluateHoldout(rows, labels, options);
    const final = trainPredictiveModel(rows, labels, { columns: PREDICTIVE_COLUMNS, lambda });
    const positives = labels.reduce((n, y) => n + y, 0);
    const m = holdout.metrics;
    const metrics: ModelMetrics = {
      auc: Number.isFinite(m.auc) ? m.auc : null,
      brier: m.brier,
      accuracy: m.accuracy,
      logLoss: m.logLoss,
      calibration: m.calibration,
      positives,
      negatives: labels.length - positives,
      train: { rows: holdout.train.rows, positives: holdout.train.positives },
      test: { rows: holdout.test.rows, positives: holdout.test.positives },
      // Weights of columns that never vary come out as rounding noise (1e-28), not as features worth listing.
      topFeatures: topFeatures(final.model, 10).filter((w) => Math.abs(w.coefficient) > 1e-9),
      features: final.summary.features,
      lambda,
      testFraction: PREDICTIVE_TEST_FRACTION,
      seed: PREDICTIVE_SEED,
      windowDays: ENGAGEMENT_WINDOW_DAYS,
      iterations: final.summary.iterations,
      converged: final.summary.converged,
    };
    return { model: final.model, metrics };
  }

  async function activate(job: JobContext, model: PredictiveModel, metrics: ModelMetrics) {
    const now = clock.now();
    return db.inWorkspace(job.workspaceId, async (tx) => {
      await repo.lockWorkspaceModels(tx, job.workspaceId);
      const previous = await repo.findActive(tx, job.workspaceId);
      const version = await repo.nextVersion(tx, job.workspaceId);
      await repo.supersedeActive(tx, job.workspaceId);
      const row = await repo.insert(tx, {
        workspaceId: job.workspaceId,
        id: newId(),
        version,
        status: "active",
        model: model as unknown as Record<string, unknown>,
        metrics: metrics as unknown as Record<string, unknown>,
        auc: metrics.auc,
        trainedOn: metrics.positives + metrics.negatives,
        jobId: job.jobId,
        trainedBy: job.requestedBy,
        trainedAt: now,
      });
      const actor = job.requestedBy ? systemActor(job.requestedBy) : null;
      await recordAudit(tx, job.workspaceId, actor, now, {
        action: "predictive_model.activated",
        entity: "predictive_model",
        entityId: row.id,
        changes: { version, supersedes: previous?.version ?? null, auc: metrics.auc, positives: metrics.positives, negatives: metrics.negatives, jobId: job.jobId },
      });
      return row;
    });
  }

  /** Scores every contact without a current outcome under a model, a page per transaction; stops if it is replaced. */
  async function scoreOpenContacts(workspaceId: string, modelId: string, model: PredictiveModel, onPage?: (done: number, total: number) => Promise<void>) {
    const total = await db.inWorkspace(workspaceId, (tx) => scan.countOpen(tx, workspaceId));
    const now = clock.now();
    let after: string | null = null;
    let scored = 0;
    for (;;) {
      const cursor: string | null = after;
      const ids = await db.inWorkspace(workspaceId, async (tx) => {
        if ((await repo.findActive(tx, workspaceId))?.id !== modelId) return [];
        const page = await scan.contactIdPage(tx, workspaceId, cursor, PAGE, true);
        const contacts = await scan.loadContacts(tx, workspaceId, page, now, ENGAGEMENT_WINDOW_DAYS);
        const p = predictRows(model, contacts.map((c) => featuresOf(c).row));
        await scan.saveScores(tx, workspaceId, contacts.map((c, i) => ({ id: c.id, score: p[i] as number })));
        return page;
      });
      if (ids.length === 0) break;
      scored += ids.length;
      after = ids[ids.length - 1]!;
      await onPage?.(scored, total);
    }
    return scored;
  }

  /** The predictive_train job handler. */
  async function runTraining(job: JobContext): Promise<Record<string, unknown>> {
    await job.progress(0, null, "loading outcomes");
    const { rows, labels } = await loadTrainingSet(job.workspaceId, (done, total) => job.progress(done, total, "loading outcomes"));
    const positives = labels.reduce((n, y) => n + y, 0);
    const refusal = notEnoughOutcomes(positives, labels.length - positives);
    if (refusal) throw new Error(refusal);
    // Encoding and fitting are synchronous and take well under a second per 10k outcomes: one step on the bar.
    await job.progress(0, 1, "encoding and training");
    const lambda = typeof job.params.lambda === "number" ? job.params.lambda : PREDICTIVE_DEFAULT_LAMBDA;
    const { model, metrics } = fit(rows, labels, lambda);
    await job.progress(1, 1, "encoding and training");
    const row = await activate(job, model, metrics);
    const scored = await scoreOpenContacts(job.workspaceId, row.id, model, (done, total) => job.progress(done, total, "scoring contacts"));
    return { modelId: row.id, version: row.version, auc: metrics.auc, brier: metrics.brier, accuracy: metrics.accuracy, positives: metrics.positives, negatives: metrics.negatives, scored };
  }

  return { runTraining, scoreOpenContacts };
}

export type PredictiveTrainingService = ReturnType<typeof createPredictiveTrainingService>;
