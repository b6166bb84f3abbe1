import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_APP_URL: z.string().min(1).optional(),
  TANDEM_DATA_DIR: z.string().min(1).default(".tandem"),
  TANDEM_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(12 * 60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(7 * 24),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  TANDEM_DEMO: z.enum(["auto", "off"]).default("auto"),
  TANDEM_DEMO_PASSWORD: z.string().min(8).optional(),
  TANDEM_WEB_DIR: z.string().min(1).default("dist/web"),
  TANDEM_SECURE_COOKIES: z.enum(["auto", "on", "off"]).default("auto"),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be smtp://user:pass@host:587 or smtps://…:465" })
    .optional(),
  SMTP_FROM: z.string().trim().min(3).optional(),
  // Off unless set: lets webhooks reach http:// and private/loopback addresses (tests, local development only).
  TANDEM_WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1", "false", "true"]).default("0"),
  // Headless Chromium prints review PDFs; Debian's package by default.
  TANDEM_CHROMIUM: z.string().min(1).default("/usr/bin/chromium"),
}).refine((e) => !e.SMTP_URL || e.SMTP_FROM, { message: "required when SMTP_URL is set, e.g. \"Tandem <tandem@example.com>\"", path: ["SMTP_FROM"] });

export type Config = {
  env: "development" | "production" | "test";
  http: { port: number; host: string; publicUrl: string; secureCookies: boolean };
  db: { url: string | null; appUrl: string | null; embedded: boolean; poolSize: number };
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  auth: { sessionIdleMinutes: number; sessionAbsoluteHours: number; loginRateLimitPerMinute: number };
  demo: { autoCreate: boolean; password: string | null };
  webDir: string;
  /** Outgoing e-mail; off (`enabled: false`) unless SMTP_URL is set. */
  mail: MailConfig;
  /** Outbound webhooks; `allowPrivateTargets` is an SSRF hole meant only for tests and local development. */
  webhooks: { allowPrivateTargets: boolean };
  /** The Chromium binary that prints PDFs (quarterly reviews). */
  chromiumPath: string;
};

export type MailConfig = { enabled: true; url: string; from: string } | { enabled: false; url: null; from: null };

/** Parses the environment once into a typed config; throws listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl,
      secureCookies: e.TANDEM_SECURE_COOKIES === "auto" ? publicUrl.startsWith("https:") : e.TANDEM_SECURE_COOKIES === "on",
    },
    // No DATABASE_URL means embedded PostgreSQL: decided here and nowhere else.
    db: { url: e.DATABASE_URL ?? null, appUrl: e.DATABASE_APP_URL ?? null, embedded: !e.DATABASE_URL, poolSize: e.TANDEM_DB_POOL_SIZE },
    dataDir: path.resolve(e.TANDEM_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    auth: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
      loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    demo: { autoCreate: e.TANDEM_DEMO === "auto", password: e.TANDEM_DEMO_PASSWORD ?? null },
    webDir: path.resolve(e.TANDEM_WEB_DIR),
    mail: e.SMTP_URL && e.SMTP_FROM ? { enabled: true, url: e.SMTP_URL, from: e.SMTP_FROM } : { enabled: false, url: null, from: null },
    webhooks: { allowPrivateTargets: e.TANDEM_WEBHOOKS_ALLOW_PRIVATE === "1" || e.TANDEM_WEBHOOKS_ALLOW_PRIVATE === "true" },
    chromiumPath: e.TANDEM_CHROMIUM,
  };
}
