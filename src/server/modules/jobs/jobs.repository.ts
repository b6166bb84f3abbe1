import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { jobs } from "../../db/schema/index.js";
import type { JobKind, ListJobsQuery } from "../../../shared/contracts/jobs.js";
import { keyset, parseSort, toPage } from "../../platform/pagination.js";

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

/** Data access for jobs: the tenant-visible record of long work and its progress. */
export function createJobsRepository() {
  return {
    /** Records a queued job. */
    async insert(tx: Queryable, row: NewJob) {
      const [created] = await tx.insert(jobs).values(row).returning();
      return created!;
    },

    /** One job. */
    async findById(tx: Queryable, workspaceId: string, id: string) {
      const [row] = await tx.select().from(jobs).where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id)));
      return row ?? null;
    },

    /** Jobs filtered by kind, status or subject, newest first. */
    async list(tx: Queryable, workspaceId: string, q: ListJobsQuery) {
      const { desc: isDesc } = parseSort(q.sort, "-createdAt");
      const page = keyset({ column: sql`${jobs.createdAt}`, id: sql`${jobs.id}`, cast: "timestamptz", desc: isDesc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(jobs.workspaceId, workspaceId), page.after];
      if (q.kind) conds.push(eq(jobs.kind, q.kind));
      if (q.status) conds.push(eq(jobs.status, q.status));
      if (q.subjectId) conds.push(eq(jobs.subjectId, q.subjectId));
      const rows = await tx.select().from(jobs).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => r.createdAt);
    },

    /** The newest job of a kind about a subject. */
    async latestFor(tx: Queryable, workspaceId: string, kind: JobKind, subjectId: string) {
      const [row] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.kind, kind), eq(jobs.subjectId, subjectId)))
        .orderBy(desc(jobs.createdAt), desc(jobs.id))
        .limit(1);
      return row ?? null;
    },

    /** Claims a queued job for running; null when another worker already has it (exactly-once start). */
    async claim(tx: Queryable, workspaceId: string, id: string, now: Date) {
      const [row] = await tx
        .update(jobs)
        .set({ status: "running", startedAt: now, heartbeatAt: now, attempts: sql`${jobs.attempts} + 1`, error: null })
        .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id), eq(jobs.status, "queued")))
        .returning();
      return row ?? null;
    },

    // Progress, heartbeats and the finish are fenced by the attempt that claimed the job: a worker presumed dead
    // and requeued by the sweep may still be running, and must not overwrite the run that replaced it.
    /** Saves progress (and proves the worker is alive), only while this attempt still owns the job. */
    async progress(tx: Queryable, workspaceId: string, id: string, attempt: number, patch: { done: number; total: number | null; label: string | null }, now: Date) {
      await tx
        .update(jobs)
        .set({ progressDone: patch.done, progressTotal: patch.total, progressLabel: patch.label, heartbeatAt: now })
        .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.attempts, attempt)));
    },

    /** Proves the worker is alive between progress reports; false when this attempt no longer owns the job. */
    async heartbeat(tx: Queryable, workspaceId: string, id: string, attempt: number, now: Date) {
      const rows = await tx
        .update(jobs)
        .set({ heartbeatAt: now })
        .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.attempts, attempt)))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** Ends a running job with its result or error, if this attempt still owns it. */
    async finish(tx: Queryable, workspaceId: string, id: string, attempt: number, outcome: { status: "succeeded" | "failed"; result?: Record<string, unknown>; error?: string }, now: Date) {
      const [row] = await tx
        .update(jobs)
        .set({ status: outcome.status, result: outcome.result ?? null, error: outcome.error ?? null, finishedAt: now, heartbeatAt: now })
        .where(and(eq(jobs.workspaceId, workspaceId), eq(jobs.id, id), eq(jobs.status, "running"), eq(jobs.attempts, attempt)))
        .returning();
      return row ?? null;
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
