import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { newId } from "../../platform/ids.js";
import { notFound } from "../../../shared/errors.js";
import type { JobKind, ListJobsQuery } from "../../../shared/contracts/jobs.js";
import type { JobRow, JobsRepository } from "./jobs.repository.js";

/** What a handler gets: the job's parameters and a way to report progress. */
export type JobContext = {
  workspaceId: string;
  jobId: string;
  subjectId: string | null;
  params: Record<string, unknown>;
  requestedBy: string | null;
  /** Reports progress; cheap to call often (written at most every 250 ms, and always at the end). */
  progress(done: number, total?: number | null, label?: string | null): Promise<void>;
};

/** Does the work and returns the result stored on the job. */
export type JobHandler = (job: JobContext) => Promise<Record<string, unknown>>;

/** Where "a job is waiting" is announced: pg-boss in a server, nothing in tests (they drain jobs themselves). */
export type JobQueue = { notify(ref: { workspaceId: string; jobId: string }): Promise<void> };

/** Where failures are reported with their stack (the job row keeps the message for users). */
export type JobLog = (msg: string, err: unknown) => void;

/** A queue nobody listens to: jobs wait in the jobs table until something runs them. */
export const silentQueue: JobQueue = { notify: async () => {} };

export type JobSpec = { kind: JobKind; subjectId?: string | null; params?: Record<string, unknown>; requestedBy?: string | null };

const PROGRESS_INTERVAL_MS = 250;
// Well inside the sweep's 2-minute stall limit, whatever a handler does between progress reports.
const HEARTBEAT_MS = 20_000;

/** Long work as jobs: recorded in the tenant's jobs table, announced on a queue, run once, with progress. */
export function createJobsService({ db, repo, clock, queue, log = () => {} }: { db: Database; repo: JobsRepository; clock: Clock; queue: JobQueue; log?: JobLog }) {
  const handlers = new Map<string, JobHandler>();

  /** Registers the handler of a job kind (each module registers its own). */
  function register(kind: JobKind, handler: JobHandler) {
    handlers.set(kind, handler);
  }

  /** Records a queued job in the caller's transaction; call `announce` after it commits. */
  function enqueueIn(tx: Tx, workspaceId: string, spec: JobSpec) {
    return repo.insert(tx, {
      workspaceId,
      id: newId(),
      kind: spec.kind,
      subjectId: spec.subjectId ?? null,
      params: spec.params ?? {},
      requestedBy: spec.requestedBy ?? null,
      status: "queued",
      createdAt: clock.now(),
    });
  }

  /** Tells the workers a committed job is waiting. A lost announcement is recovered by the worker's sweep. */
  async function announce(job: Pick<JobRow, "workspaceId" | "id">) {
    await queue.notify({ workspaceId: job.workspaceId, jobId: job.id }).catch((err) => log(`announcing job ${job.id} failed; the sweep will pick it up`, err));
  }

  /** Records and announces a job in one step. */
  async function submit(workspaceId: string, spec: JobSpec) {
    const job = await db.inWorkspace(workspaceId, (tx) => enqueueIn(tx, workspaceId, spec));
    await announce(job);
    return job;
  }

  /** Runs a queued job if nobody else has claimed it; returns the finished row, or null when it was not ours. */
  async function run(workspaceId: string, jobId: string): Promise<JobRow | null> {
    const claimed = await db.inWorkspace(workspaceId, (tx) => repo.claim(tx, workspaceId, jobId, clock.now()));
    if (!claimed) return null;
    const handler = handlers.get(claimed.kind);
    const attempt = claimed.attempts;
    let last = 0;
    const write = (done: number, total: number | null, label: string | null) =>
      db.inWorkspace(workspaceId, (tx) => repo.progress(tx, workspaceId, jobId, attempt, { done, total, label }, clock.now()));
    const heartbeat = setInterval(() => {
      db.inWorkspace(workspaceId, (tx) => repo.heartbeat(tx, workspaceId, jobId, attempt, clock.now())).catch((err) => log(`heartbeat of job ${jobId} failed`, err));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    let current = { done: 0, total: null as number | null, label: null as string | null };
    const ctx: JobContext = {
      workspaceId,
      jobId,
      subjectId: claimed.subjectId,
      params: claimed.params,
      requestedBy: claimed.requestedBy,
      async progress(done, total = current.total, label = current.label) {
        current = { done, total: total ?? null, label: label ?? null };
        const t = Date.now();
        if (t - last < PROGRESS_INTERVAL_MS && !(total !== null && total !== undefined && done >= total)) return;
        last = t;
        await write(current.done, current.total, current.label);
      },
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${claimed.kind}`);
      const result = await handler(ctx);
      await write(current.total ?? current.done, current.total, current.label);
      return await db.inWorkspace(workspaceId, (tx) => repo.finish(tx, workspaceId, jobId, attempt, { status: "succeeded", result }, clock.now()));
    } catch (err) {
      log(`job ${claimed.kind} ${jobId} failed`, err);
      const message = err instanceof Error ? err.message : String(err);
      return db.inWorkspace(workspaceId, (tx) => repo.finish(tx, workspaceId, jobId, attempt, { status: "failed", error: message }, clock.now()));
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Runs every queued job of a workspace in order (the CLI and tests; servers use the worker). */
  async function drain(workspaceId: string) {
    const done: JobRow[] = [];
    for (;;) {
      const page = await db.inWorkspace(workspaceId, (tx) => repo.list(tx, workspaceId, { status: "queued", sort: "createdAt", limit: 50 }));
      if (page.items.length === 0) return done;
      for (const j of page.items) {
        const finished = await run(workspaceId, j.id);
        if (finished) done.push(finished);
      }
    }
  }

  /** One job of the caller's workspace. */
  function getJob(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const job = await repo.findById(tx, ctx.workspaceId, id);
      if (!job) throw notFound("Job");
      return job;
    });
  }

  /** The workspace's jobs, newest first. */
  function listJobs(ctx: RequestContext, q: ListJobsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, q));
  }

  /** The newest job of a kind about a subject, in the caller's transaction. */
  function latestFor(tx: Tx, workspaceId: string, kind: JobKind, subjectId: string) {
    return repo.latestFor(tx, workspaceId, kind, subjectId);
  }

  /** The queued and running jobs of a kind, in the caller's transaction (to refuse starting the same work twice). */
  async function pendingOf(tx: Tx, workspaceId: string, kind: JobKind) {
    const running = await repo.list(tx, workspaceId, { kind, status: "running", sort: "-createdAt", limit: 100 });
    const queued = await repo.list(tx, workspaceId, { kind, status: "queued", sort: "-createdAt", limit: 100 });
    return [...running.items, ...queued.items];
  }

  return { register, enqueueIn, announce, submit, run, drain, getJob, listJobs, latestFor, pendingOf };
}

export type JobsService = ReturnType<typeof createJobsService>;
