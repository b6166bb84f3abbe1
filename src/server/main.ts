import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { filesDirOf, openRuntime } from "./runtime.js";
import { createDeferredQueue, startJobWorker, type JobWorker } from "./platform/jobs/worker.js";
import type { WebhookDispatcher } from "./modules/webhooks/index.js";
import { createDemo, formatDemoLogins, isEmptyInstance, readDemoLogins } from "./demo-setup.js";

/** Starts Tandem: database (embedded unless DATABASE_URL), migrations, demo on first run, HTTP on PORT. */
export async function runServer(config: Config, say: (msg: string) => void = (m) => process.stdout.write(`${m}\n`)): Promise<void> {
  const rt = await openRuntime(config, say);
  const running: { app?: FastifyInstance; worker?: JobWorker; webhooks?: WebhookDispatcher } = {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: shutting down`);
    await running.app?.close().catch(() => {});
    await running.worker?.stop().catch(() => {});
    await running.webhooks?.stop().catch(() => {});
    await rt.close().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  if (config.demo.autoCreate && (await isEmptyInstance(rt))) {
    say("first start: creating the demo workspace…");
    const started = Date.now();
    await createDemo(rt);
    say(`demo workspace created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const webDir = fs.existsSync(path.join(config.webDir, "index.html")) ? config.webDir : null;
  if (!webDir) say(`web app not built (${config.webDir}); serving the API only — run npm run build`);
  const jobQueue = createDeferredQueue();
  const app = await buildApp({
    db: rt.database.db,
    clock: rt.clock,
    logLevel: config.logLevel,
    sessionKey: rt.secrets.sessionKey,
    publicUrl: config.http.publicUrl,
    secureCookies: config.http.secureCookies,
    sessionIdleMinutes: config.auth.sessionIdleMinutes,
    sessionAbsoluteHours: config.auth.sessionAbsoluteHours,
    loginRateLimitPerMinute: config.auth.loginRateLimitPerMinute,
    webDir,
    jobQueue,
    mail: config.mail.enabled ? { url: config.mail.url, from: config.mail.from } : null,
    webhooksAllowPrivateTargets: config.webhooks.allowPrivateTargets,
    chromiumPath: config.chromiumPath,
    filesDir: filesDirOf(config),
    dataDir: config.dataDir,
  });
  if (config.webhooks.allowPrivateTargets) say("warning: TANDEM_WEBHOOKS_ALLOW_PRIVATE is on; webhooks may reach private and loopback addresses");
  running.app = app;
  running.worker = await startJobWorker({
    ownerUrl: rt.database.ownerUrl,
    ownerDb: rt.database.ownerDb,
    jobs: app.modules.jobs.jobs,
    clock: rt.clock,
    schedules: app.modules.schedules,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  jobQueue.bind(running.worker.queue);
  // Webhook deliveries go out right after their transaction commits; the worker's sweep catches the rest.
  running.webhooks = await app.modules.webhooks.startDispatcher({ log: (msg, err) => app.log.error({ err }, msg) });
  await app.listen({ port: config.http.port, host: config.http.host });
  const demo = readDemoLogins(config.dataDir);
  say(`\nTandem is running at ${config.http.publicUrl}  (API docs: ${config.http.publicUrl}/api/docs)`);
  if (demo) say(formatDemoLogins(demo));
}
