import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { ScheduledTask } from "../../platform/jobs/worker.js";
import { createWebhooksRepository } from "./webhooks.repository.js";
import { createEndpointsService } from "./endpoints.service.js";
import { createDeliveriesService } from "./deliveries.service.js";
import { createSenderService } from "./sender.service.js";
import { createHttpPost, type PostFn } from "./http-post.js";
import { systemResolve, type ResolveHost } from "./ssrf.js";
import { startWebhookDispatcher } from "./dispatcher.js";
import { createDealClosedProducer, createHandedOffProducer, createStageChangedProducer } from "./producers.js";
import { webhooksRoutes } from "./webhooks.routes.js";

type Deps = {
  db: Database;
  clock: Clock;
  /** Lets http:// and private/loopback targets through (TANDEM_WEBHOOKS_ALLOW_PRIVATE; tests and local development only). */
  allowPrivateTargets?: boolean;
  /** The DNS edge (default: the system resolver). */
  resolve?: ResolveHost;
  /** The HTTP edge (default: node:http(s) pinned to the checked address). */
  post?: PostFn;
};

/** Outbound webhooks (DESIGN §7): signed Standard Webhooks deliveries with retries, a log, replay; SSRF-safe. */
export function createWebhooksModule({ db, clock, allowPrivateTargets = false, resolve = systemResolve, post = createHttpPost() }: Deps) {
  const repo = createWebhooksRepository();
  const targets = { allowPrivate: allowPrivateTargets, resolve };
  const endpoints = createEndpointsService({ db, repo, clock, targets });
  const webhooks = createDeliveriesService({ db, repo, clock });
  const sender = createSenderService({ db, repo, clock, targets, post });
  // The sweep: due retries and anything whose announcement was lost (a restart, a dropped listener).
  const schedules: ScheduledTask[] = [{ name: "tandem-webhooks-send", cron: "* * * * *", runForWorkspace: async (workspaceId) => void (await sender.sendDue(workspaceId)) }];
  const producers = { stageChanged: createStageChangedProducer(webhooks), handedOff: createHandedOffProducer(webhooks), dealClosed: createDealClosedProducer(webhooks) };
  async function routes(app: FastifyInstance) {
    await app.register(webhooksRoutes, { endpoints, deliveries: webhooks });
  }
  /** Starts sending right after commit in this process (servers call it once; tests call `sender.sendDue`). */
  function startDispatcher(opts: { log?: (msg: string, err?: unknown) => void } = {}) {
    return startWebhookDispatcher({ pool: db.pool, clock, sender, log: opts.log });
  }
  return { routes, webhooks, publishIn: webhooks.publishIn, endpoints, sender, schedules, producers, startDispatcher };
}

export type WebhooksModule = ReturnType<typeof createWebhooksModule>;
export type { WebhookDispatcher } from "./dispatcher.js";
export type WebhooksService = WebhooksModule["webhooks"];
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../../shared/contracts/webhooks.js";
