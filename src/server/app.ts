import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "./db/client.js";
import type { Clock } from "./platform/clock.js";
import { registerErrorHandler } from "./platform/http/error-handler.js";
import { registerAuthHook } from "./platform/http/auth-hook.js";
import { registerIdempotency } from "./platform/http/idempotency.js";
import { newId } from "./platform/ids.js";
import { createModules, type Modules } from "./modules/index.js";
import type { JobQueue } from "./modules/jobs/index.js";
import type { NotificationMailSettings } from "./modules/notifications/index.js";

export type RouteEntry = { method: string; url: string };

declare module "fastify" {
  interface FastifyInstance {
    /** Every registered route, for the route sweep test and docs. */
    routeTable: RouteEntry[];
    /** The modules behind the routes (the job worker, the CLI and tests use their services). */
    modules: Modules;
  }
}

export type AppDeps = {
  db: Database;
  clock: Clock;
  /** Request logging level; "silent" turns it off (tests). */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  sessionKey: string;
  publicUrl: string;
  secureCookies?: boolean;
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
  loginRateLimitPerMinute?: number;
  /** Where new jobs are announced; without one they wait in the jobs table (tests drain them). */
  jobQueue?: JobQueue;
  /** Folder of the built web app to serve at `/`; none in API-only tests. */
  webDir?: string | null;
  /** SMTP settings for notification e-mails; none turns e-mail off. */
  mail?: NotificationMailSettings | null;
  /** Webhooks may target http:// and private addresses (tests, local development); off by default. */
  webhooksAllowPrivateTargets?: boolean;
  /** Chromium for PDF prints; Debian's `/usr/bin/chromium` by default. */
  chromiumPath?: string;
  /** Where uploaded content files are stored; `tandem-files` in the system temp folder by default (tests). */
  filesDir?: string;
  /** The data directory (uploaded import files); a folder in the system temp folder when none (tests). */
  dataDir?: string;
  /** Rows per committed import chunk (tests make it small). */
  importChunkRows?: number;
  /** Requests per minute a publishable key may make from one IP address (web capture; tests make it small). */
  captureRateLimitPerMinute?: number;
};

/** Builds the HTTP app without listening: modules, API under /api/v1, OpenAPI at /api/docs. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logLevel === "silent" ? false : { level: deps.logLevel, redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'] },
    genReqId: () => newId(),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (r) => {
    for (const method of [r.method].flat()) if (method !== "HEAD") routeTable.push({ method, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const modules = createModules({
    db: deps.db,
    clock: deps.clock,
    sessionKey: deps.sessionKey,
    publicUrl: deps.publicUrl,
    secureCookies: deps.secureCookies ?? false,
    sessionIdleMinutes: deps.sessionIdleMinutes ?? 12 * 60,
    sessionAbsoluteHours: deps.sessionAbsoluteHours ?? 7 * 24,
    loginRateLimitPerMinute: deps.loginRateLimitPerMinute ?? 10,
    jobQueue: deps.jobQueue,
    jobLog: (msg, err) => app.log.error({ err }, msg),
    mail: deps.mail ?? null,
    webhooksAllowPrivateTargets: deps.webhooksAllowPrivateTargets ?? false,
    chromiumPath: deps.chromiumPath,
    filesDir: deps.filesDir,
    dataDir: deps.dataDir,
    importChunkRows: deps.importChunkRows,
    captureRateLimitPerMinute: deps.captureRateLimitPerMinute,
  });
  app.decorate("modules", modules);

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: "rate_limited", message: `Too many attempts; retry in ${ctx.after}` }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Tandem API", version: "1", description: "The revenue-alignment API. Authenticate with a session cookie (plus X-CSRF-Token on writes) or `Authorization: Bearer <API token>`." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "tandem_session" } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The docs routes are public; everything else under /api/v1 authenticates.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/docs")) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list", deepLinking: true } });
  registerAuthHook(app, modules.authenticator, deps.sessionKey);
  registerIdempotency(app, deps.db, deps.clock);

  app.get(
    "/api/health",
    { config: { public: true }, schema: { tags: ["health"], summary: "Liveness and database check", response: { 200: z.object({ ok: z.boolean(), db: z.boolean() }) } } },
    async () => {
      await deps.db.orm.execute(sql`select 1`);
      return { ok: true, db: true };
    },
  );

  await app.register(
    async (api) => {
      for (const register of modules.routes) await register(api);
    },
    { prefix: "/api/v1" },
  );

  for (const register of modules.rootRoutes) await app.register(register);

  if (deps.webDir) {
    const { registerWeb } = await import("./platform/http/web.js");
    await registerWeb(app, deps.webDir);
  }
  return app;
}
