import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

describe("jobs", () => {
  it("runs a queued job once, with its progress and result, and records a failure with its message", async () => {
    const ws = await h.workspace();
    const { jobs } = h.modules.jobs;
    const seen: number[] = [];
    jobs.register("predictive_train", async (job) => {
      if (job.params.fail) throw new Error("not enough outcomes");
      for (let i = 1; i <= 3; i++) {
        seen.push(i);
        await job.progress(i, 3, "counting");
      }
      return { counted: 3 };
    });
    const ok = await jobs.submit(ws.workspaceId, { kind: "predictive_train", params: {} });
    const bad = await jobs.submit(ws.workspaceId, { kind: "predictive_train", params: { fail: true } });
    const finished = await jobs.run(ws.workspaceId, ok.id);
    expect(finished).toMatchObject({ status: "succeeded", progressDone: 3, progressTotal: 3, progressLabel: "counting", result: { counted: 3 }, attempts: 1 });
    // A second delivery of the same announcement finds nothing to claim.
    expect(await jobs.run(ws.workspaceId, ok.id)).toBeNull();
    expect(seen).toEqual([1, 2, 3]);

    await jobs.drain(ws.workspaceId);
    const failed = json<{ status: string; error: string }>(await h.as(ws.users.sales).get(`/api/v1/jobs/${bad.id}`));
    expect(failed).toMatchObject({ status: "failed", error: "not enough outcomes" });
    const list = json<{ items: { id: string }[] }>(await h.as(ws.users.sdr).get("/api/v1/jobs?kind=predictive_train&status=failed"));
    expect(list.items.map((j) => j.id)).toEqual([bad.id]);
  });

  it("lets only the latest attempt finish a job the sweep took back from a worker presumed dead", async () => {
    const ws = await h.workspace();
    const { jobs } = h.modules.jobs;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    jobs.register("backtest", async () => {
      calls += 1;
      if (calls === 1) await gate; // the first run hangs until the second has finished
      return { run: calls };
    });
    const job = await jobs.submit(ws.workspaceId, { kind: "backtest" });
    const first = jobs.run(ws.workspaceId, job.id);
    await new Promise((r) => setTimeout(r, 100));
    // What the sweep does to a running job whose heartbeat went stale.
    await h.tdb.ownerDb.pool.query("update jobs set status = 'queued' where id = $1", [job.id]);
    const second = await jobs.run(ws.workspaceId, job.id);
    expect(second).toMatchObject({ status: "succeeded", attempts: 2, result: { run: 2 } });
    release();
    expect(await first).toBeNull();
    const row = json<{ status: string; result: { run: number } }>(await h.as(ws.users.admin).get(`/api/v1/jobs/${job.id}`));
    expect(row).toMatchObject({ status: "succeeded", result: { run: 2 } });
  });

  it("hides other workspaces' jobs", async () => {
    const a = await h.workspace();
    const b = await h.workspace("Other");
    const job = await h.modules.jobs.jobs.submit(a.workspaceId, { kind: "rescore" });
    expect((await h.as(b.users.admin).get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect(json<{ items: unknown[] }>(await h.as(b.users.admin).get("/api/v1/jobs")).items).toEqual([]);
  });
});
