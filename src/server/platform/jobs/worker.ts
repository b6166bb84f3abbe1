import PgBoss from "pg-boss";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Clock } from "../clock.js";
import type { JobQueue, JobsService } from "../../modules/jobs/index.js";

const JOBS_QUEUE = "tandem-jobs";
const SWEEP_QUEUE = "tandem-sweep";
// A running job whose worker has not reported for this long is presumed dead (its process was killed).
const STALL_MS = 2 * 60_000;
const MAX_ATTEMPTS = 3;

/** A task run on a cron schedule once per workspace (e.g. nightly model retraining). */
export type ScheduledTask = { name: string; cron: string; runForWorkspace(workspaceId: string): Promise<void> };

type WorkerDeps = {
  /** The owner's connection string: pg-boss keeps its own schema and the sweep looks across workspaces. */
  ownerUrl: string;
  ownerDb: Database;
  jobs: Pick<JobsService, "run">;
  clock: Clock;
  schedules?: ScheduledTask[];
  log?: (msg: string, err?: unknown) => void;
};

/** A queue to hand to the app before the worker exists; announcements made before `bind` are left to the sweep. */
export function createDeferredQueue(): JobQueue & { bind(target: JobQueue): void } {
  let target: JobQueue | null = null;
  return {
    bind: (t) => {
      target = t;
    },
    notify: async (ref) => {
      await target?.notify(ref);
    },
  };
}

export type JobWorker = { queue: JobQueue; stop(): Promise<void>; sweep(): Promise<number> };

/**
 * Starts the pg-boss worker: runs announced jobs (several processes may run it; a job's claim is a conditional
 * UPDATE, so each runs once), sweeps every minute for jobs whose announcement was lost or whose worker died,
 * and fires the scheduled tasks.
 */
export async function startJobWorker({ ownerUrl, ownerDb, jobs, clock, schedules = [], log = () => {} }: WorkerDeps): Promise<JobWorker> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: "pgboss", max: 3, application_name: "tandem-jobs" });
  boss.on("error", (err) => log("job queue error", err));
  await boss.start();
  // "short": at most one waiting message per singleton key, so the sweep's re-announcements of a job nobody has
  // picked up yet do not pile up behind a busy worker.
  await boss.createQueue(JOBS_QUEUE, { name: JOBS_QUEUE, policy: "short" });
  for (const name of [SWEEP_QUEUE, ...schedules.map((s) => s.name)]) await boss.createQueue(name);

  const queue: JobQueue = {
    async notify(ref) {
      await boss.send(JOBS_QUEUE, ref, { retryLimit: 2, retryDelay: 5, singletonKey: ref.jobId });
    },
  };

  async function sweep(): Promise<number> {
    const stale = new Date(clock.now().getTime() - STALL_MS);
    // Owner access (the migration role's policy) sees every workspace; this is the one cross-tenant query.
    await ownerDb.orm.execute(sql`
      update jobs set status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end,
        error = case when attempts >= ${MAX_ATTEMPTS} then 'the worker stopped ' || attempts || ' times while running this job' else error end,
        finished_at = case when attempts >= ${MAX_ATTEMPTS} then ${clock.now()}::timestamptz else null end
      where status = 'running' and heartbeat_at < ${stale}`);
    const waiting = await ownerDb.orm.execute<{ workspace_id: string; id: string }>(
      sql`select workspace_id, id from jobs where status = 'queued' and created_at < ${new Date(clock.now().getTime() - 5_000)} order by created_at limit 500`,
    );
    for (const row of waiting.rows) await queue.notify({ workspaceId: row.workspace_id, jobId: row.id });
    return waiting.rows.length;
  }

  await boss.work<{ workspaceId: string; jobId: string }>(JOBS_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await jobs.run(job.data.workspaceId, job.data.jobId);
  });
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
    await sweep();
  });
  await boss.schedule(SWEEP_QUEUE, "* * * * *");
  const runForEveryWorkspace = async (task: ScheduledTask) => {
    const ws = await ownerDb.orm.execute<{ id: string }>(sql`select id from workspaces order by created_at`);
    for (const { id } of ws.rows) await task.runForWorkspace(id).catch((err) => log(`${task.name} failed for workspace ${id}`, err));
  };
  for (const task of schedules) {
    await boss.work(task.name, { pollingIntervalSeconds: 30 }, () => runForEveryWorkspace(task));
    await boss.schedule(task.name, task.cron);
  }
  await sweep().catch((err) => log("job sweep failed", err));
  // Catch up at start: tasks are idempotent ("retrain if due"), so a new instance (the demo) or one that was down
  // at the scheduled hour does not wait for the next night.
  for (const task of schedules) void runForEveryWorkspace(task).catch((err) => log(`${task.name} failed at start`, err));

  return {
    queue,
    sweep,
    async stop() {
      await boss.stop({ graceful: true, timeout: 5_000, wait: true }).catch(() => {});
    },
  };
}
