import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import type { NotificationMailerRepository, DueEmail } from "./notification-mailer.repository.js";
import { renderNotificationEmail } from "./notification-email.js";

/** Minutes to wait after attempt 1, 2, 3 before the next; the attempt after the last wait is the final one. */
export const EMAIL_BACKOFF_MINUTES = [1, 5, 30] as const;
export const EMAIL_MAX_ATTEMPTS = EMAIL_BACKOFF_MINUTES.length + 1;
const ERROR_MAX = 1_000;

type Deps = {
  db: Database;
  repo: NotificationMailerRepository;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  log?: (msg: string, err?: unknown) => void;
  /** E-mails locked and sent per transaction. */
  batchSize?: number;
  /** Batches per run, so one busy workspace cannot hold a sender forever (the next run continues). */
  maxBatches?: number;
};

export type SendResult = { sent: number; retrying: number; failed: number };

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, ERROR_MAX);

/**
 * Sends the e-mail copies of notifications after their transaction committed: each batch is claimed with
 * FOR UPDATE SKIP LOCKED and stays locked until its outcome is written, so two senders (two processes, or the
 * scheduled run and a kick) never send the same e-mail. A failed attempt is retried with backoff, then the
 * e-mail is marked failed with the error. A crash between sending and commit re-sends that batch (at least once).
 */
export function createNotificationMailer({ db, repo, mailer, clock, publicUrl, log = () => {}, batchSize = 25, maxBatches = 20 }: Deps) {
  async function sendBatch(workspaceId: string): Promise<SendResult & { claimed: number }> {
    return db.inWorkspace(workspaceId, async (tx) => {
      const due = await repo.claimDue(tx, workspaceId, clock.now(), EMAIL_BACKOFF_MINUTES, batchSize);
      const result = { claimed: due.length, sent: 0, retrying: 0, failed: 0 };
      if (due.length === 0) return result;
      const workspaceName = await repo.workspaceName(tx, workspaceId);
      const outcomes = await Promise.allSettled(due.map((d) => deliver(d, workspaceName)));
      const now = clock.now();
      for (const [i, outcome] of outcomes.entries()) {
        const d = due[i]!;
        if (outcome.status === "fulfilled") {
          await repo.markSent(tx, workspaceId, d.id, now);
          result.sent++;
          continue;
        }
        const attempt = d.attempts + 1;
        const error = describe(outcome.reason);
        if (d.recipientAddress === null || attempt >= EMAIL_MAX_ATTEMPTS) {
          await repo.markFailed(tx, workspaceId, d.id, d.recipientAddress === null ? error : `failed after ${attempt} attempts: ${error}`, now);
          result.failed++;
          log(`e-mail of notification ${d.id} failed`, outcome.reason);
        } else {
          await repo.markRetry(tx, workspaceId, d.id, attempt, EMAIL_MAX_ATTEMPTS, error, now);
          result.retrying++;
        }
      }
      return result;
    });
  }

  async function deliver(d: DueEmail, workspaceName: string): Promise<void> {
    if (d.recipientAddress === null) throw new Error("the recipient is no longer an active member of the workspace");
    const mail = renderNotificationEmail({ ...d, recipientName: d.recipientName ?? "", recipientAddress: d.recipientAddress, workspaceName, publicUrl });
    await mailer.send(mail);
  }

  /** Sends every due e-mail of a workspace (up to `maxBatches` batches); returns what happened. */
  async function sendDue(workspaceId: string): Promise<SendResult> {
    const total: SendResult = { sent: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const r = await sendBatch(workspaceId);
      total.sent += r.sent;
      total.retrying += r.retrying;
      total.failed += r.failed;
      if (r.claimed < batchSize) break;
    }
    return total;
  }

  const kicks = new Map<string, NodeJS.Timeout>();
  /**
   * Sends a workspace's due e-mails shortly, once the notifying transaction has (most likely) committed; repeated
   * kicks within the delay collapse into one. A kick that comes too early finds nothing: the scheduled run sends it.
   */
  function kick(workspaceId: string, delayMs: number) {
    if (kicks.has(workspaceId)) return;
    const timer = setTimeout(() => {
      kicks.delete(workspaceId);
      sendDue(workspaceId).catch((err) => log(`sending notification e-mails of workspace ${workspaceId} failed`, err));
    }, delayMs);
    timer.unref();
    kicks.set(workspaceId, timer);
  }

  /** Cancels pending kicks and closes the SMTP connections. */
  function close() {
    for (const t of kicks.values()) clearTimeout(t);
    kicks.clear();
    mailer.close();
  }

  /** The job worker's every-minute run: retries and anything a kick missed. */
  const schedule: ScheduledTask = {
    name: "notification-email",
    cron: "* * * * *",
    runForWorkspace: async (workspaceId) => {
      await sendDue(workspaceId);
    },
  };

  return { sendDue, kick, close, schedule };
}

export type NotificationMailer = ReturnType<typeof createNotificationMailer>;
