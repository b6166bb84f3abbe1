import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client.js";
import type { Clock } from "../platform/clock.js";
import type { Authenticator } from "../platform/http/auth-hook.js";
import { createIdentityModule } from "./identity/index.js";

export type ModuleDeps = {
  db: Database;
  clock: Clock;
  sessionKey: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginRateLimitPerMinute: number;
};

/** The one list of modules: each returns its routes and services; app.ts registers them. */
export function createModules(deps: ModuleDeps) {
  const identity = createIdentityModule({ ...deps, onWorkspaceCreated: [] });
  const authenticator: Authenticator = { bySession: identity.auth.bySession, byToken: identity.auth.byToken };
  const routes: ((app: FastifyInstance) => Promise<void>)[] = [identity.routes];
  return { routes, authenticator, identity };
}

export type Modules = ReturnType<typeof createModules>;
