import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";
import { memberships } from "./identity.js";
import type { JobKind } from "../../../shared/contracts/jobs.js";

export type JobStatus = "queued" | "running" | "succeeded" | "failed";

/** Long work a user started or the system scheduled (re-score, back-test, model training), with its progress. */
export const jobs = pgTable(
  "jobs",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<JobKind>().notNull(),
    /** What the job is about (a lead definition, a model), for "the latest back-test of version 3". */
    subjectId: uuid("subject_id"),
    status: text("status").$type<JobStatus>().notNull().default("queued"),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    progressLabel: text("progress_label"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    requestedBy: uuid("requested_by"),
    createdAt: ts("created_at").notNull(),
    startedAt: ts("started_at"),
    heartbeatAt: ts("heartbeat_at"),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // serves: the job list, newest first
    index("jobs_created_idx").on(t.workspaceId, t.createdAt),
    // serves: the latest job of a kind about a subject (back-test of a version)
    index("jobs_subject_idx").on(t.workspaceId, t.kind, t.subjectId, t.createdAt),
    // serves: the worker's sweep for queued and stalled jobs
    index("jobs_status_idx").on(t.workspaceId, t.status),
  ],
);

/** In-app notifications: one row per recipient. */
export const notifications = pgTable(
  "notifications",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    /** Where the notification leads in the web app, e.g. `/agreement/…`. */
    link: text("link"),
    entity: text("entity"),
    entityId: uuid("entity_id"),
    createdAt: ts("created_at").notNull(),
    readAt: ts("read_at"),
    /** E-mail copy: null when the recipient does not want one; pending until the mailer sends it. */
    emailStatus: text("email_status").$type<"pending" | "sent" | "failed">(),
    emailedAt: ts("emailed_at"),
    emailError: text("email_error"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    // serves: a user's feed newest first and the unread count
    index("notifications_user_idx").on(t.workspaceId, t.userId, t.createdAt),
  ],
);
