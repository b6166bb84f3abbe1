import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { useHarness } from "../../../../test/harness.js";
import { startJobWorker, type JobWorker } from "./worker.js";

const h = useHarness();
const workers: JobWorker[] = [];
afterAll(async () => {
  for (const w of workers) await w.stop();
});

async function waitFor<T>(probe: () => Promise<T | null>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("job worker (pg-boss)", () => {
  it("runs each announced job exactly once with two workers, and the sweep recovers lost announcements and dead workers", async () => {
    const ws = await h.workspace();
    const { jobs } = h.modules.jobs;
    const runs = new Map<string, number>();
    jobs.register("predictive_train", async (job) => {
      runs.set(job.jobId, (runs.get(job.jobId) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 50));
      return { ok: true };
    });
    // Two processes' workers on the same database (the clock is the harness's fixed one, in the past: nothing looks stalled yet).
    const real = { now: () => new Date() };
    for (let i = 0; i < 2; i++) workers.push(await startJobWorker({ ownerUrl: h.tdb.ownerUrl, ownerDb: h.tdb.ownerDb, jobs, clock: real }));

    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const job = await jobs.submit(ws.workspaceId, { kind: "predictive_train" });
      ids.push(job.id);
      // Both workers hear about every job: the conditional claim decides who runs it.
      for (const w of workers) await w.queue.notify({ workspaceId: ws.workspaceId, jobId: job.id });
    }
    const status = async () => {
      const r = await h.tdb.ownerDb.orm.execute<{ n: number }>(sql`select count(*)::int as n from jobs where workspace_id = ${ws.workspaceId} and status = 'succeeded'`);
      return r.rows[0]!.n;
    };
    await waitFor(async () => ((await status()) === 6 ? true : null));
    expect(ids.map((id) => runs.get(id))).toEqual([1, 1, 1, 1, 1, 1]);

    // A job whose announcement was lost (committed, never sent) and one whose worker died mid-run.
    const lost = await h.modules.jobs.jobs.submit(ws.workspaceId, { kind: "predictive_train" });
    const dead = await h.modules.jobs.jobs.submit(ws.workspaceId, { kind: "predictive_train" });
    await h.tdb.ownerDb.orm.execute(sql`update jobs set created_at = now() - interval '1 minute' where id = ${lost.id}`);
    await h.tdb.ownerDb.orm.execute(sql`update jobs set status = 'running', attempts = 1, created_at = now() - interval '10 minutes', heartbeat_at = now() - interval '5 minutes' where id = ${dead.id}`);
    await workers[0]!.sweep();
    await workers[0]!.sweep(); // the stalled job is queued again by the first sweep and announced by the second
    await waitFor(async () => ((await status()) === 8 ? true : null));
    expect(runs.get(lost.id)).toBe(1);
    expect(runs.get(dead.id)).toBe(1);
    const attempts = await h.tdb.ownerDb.orm.execute<{ attempts: number }>(sql`select attempts from jobs where id = ${dead.id}`);
    expect(attempts.rows[0]!.attempts).toBe(2);
  }, 60_000);
});
