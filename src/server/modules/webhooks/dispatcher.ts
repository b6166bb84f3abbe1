import type pg from "pg";
import type { Clock } from "../../platform/clock.js";
import { WEBHOOKS_CHANNEL } from "./webhooks.repository.js";
import type { SenderService } from "./sender.service.js";

type Deps = { pool: pg.Pool; clock: Clock; sender: Pick<SenderService, "sendDue">; log?: (msg: string, err?: unknown) => void };

// Retries due within this window are timed in-process; later ones are left to the once-a-minute sweep.
const TIMED_WINDOW_MS = 90_000;
const RECONNECT_MS = 5_000;

export type WebhookDispatcher = { stop(): Promise<void> };

/**
 * Sends deliveries as soon as they commit: LISTENs for the announcement `publishIn` makes (pg_notify is
 * delivered only on commit), runs the sender for that workspace, and times short retries (5 s) in-process.
 * Every server process may run one: the sender's claim makes each attempt go out once. The scheduled sweep
 * remains the safety net for lost announcements and restarts.
 */
export async function startWebhookDispatcher({ pool, clock, sender, log = () => {} }: Deps): Promise<WebhookDispatcher> {
  let stopped = false;
  let client: pg.PoolClient | null = null;
  const running = new Set<string>();
  const again = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();

  function schedule(workspaceId: string, at: Date | null) {
    if (!at || stopped) return;
    const delay = Math.max(250, at.getTime() - clock.now().getTime());
    if (delay > TIMED_WINDOW_MS) return;
    clearTimeout(timers.get(workspaceId));
    const t = setTimeout(() => kick(workspaceId), delay);
    t.unref();
    timers.set(workspaceId, t);
  }

  function kick(workspaceId: string) {
    if (stopped) return;
    // One run per workspace at a time here; a kick during a run asks for one more pass after it.
    if (running.has(workspaceId)) {
      again.add(workspaceId);
      return;
    }
    running.add(workspaceId);
    void sender
      .sendDue(workspaceId)
      .then((r) => schedule(workspaceId, r.nextDueAt))
      .catch((err) => log(`webhook sending failed for workspace ${workspaceId}`, err))
      .finally(() => {
        running.delete(workspaceId);
        if (again.delete(workspaceId)) kick(workspaceId);
      });
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    try {
      const c = await pool.connect();
      c.on("notification", (msg) => {
        if (msg.channel === WEBHOOKS_CHANNEL && msg.payload) kick(msg.payload);
      });
      // A broken connection can emit "error" more than once; releasing it twice throws inside the emitter and
      // takes the whole server down, so only the first error releases it and schedules the reconnect.
      let lost = false;
      c.on("error", (err) => {
        if (lost) return;
        lost = true;
        log("webhook listener connection lost; reconnecting", err);
        if (client === c) client = null;
        c.release(err);
        if (!stopped) setTimeout(() => void connect(), RECONNECT_MS).unref();
      });
      await c.query(`listen ${WEBHOOKS_CHANNEL}`);
      client = c;
    } catch (err) {
      log("webhook listener could not connect; retrying", err);
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    }
  }

  await connect();
  return {
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      const c = client;
      client = null;
      if (c) {
        await c.query(`unlisten ${WEBHOOKS_CHANNEL}`).catch(() => {});
        try {
          c.release();
        } catch {
          // A connection error during the unlisten already released it.
        }
      }
    },
  };
}
