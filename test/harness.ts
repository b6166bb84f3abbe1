import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../src/server/app.js";
import type { Modules } from "../src/server/modules/index.js";
import { createFixedClock } from "../src/server/platform/clock.js";
import { ROLES, type Role } from "../src/shared/domain/roles.js";
import { createTestDatabase, type TestDatabase } from "./db.js";

export const TEST_SESSION_KEY = "test-session-key-0123456789abcdefghijklmnop";
export const TEST_PASSWORD = "correct horse battery";

export type TestWorkspace = {
  workspaceId: string;
  slug: string;
  users: Record<Role, { userId: string; email: string; token: string }>;
};

export type Harness = {
  tdb: TestDatabase;
  app: FastifyInstance;
  modules: Modules;
  clock: ReturnType<typeof createFixedClock>;
  /** A fresh workspace with one member per role, each holding a read-write API token. */
  workspace(name?: string): Promise<TestWorkspace>;
  /** Calls the API as a member (bearer token). */
  as(user: { token: string }): Caller;
};

export type Caller = {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

let counter = 0;

/** Sets up a fresh database and app for the test file; torn down after it. */
export function useHarness(opts: { now?: string } = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.tdb = await createTestDatabase();
    h.clock = createFixedClock(opts.now ?? "2026-03-02T09:00:00Z");
    h.app = await buildApp({ db: h.tdb.db, clock: h.clock, logLevel: "silent", sessionKey: TEST_SESSION_KEY, publicUrl: "http://tandem.test", loginRateLimitPerMinute: 1000 });
    // Services outside HTTP (workspace creation, draining jobs) are the app's own.
    h.modules = h.app.modules;
    h.workspace = async (name) => createWorkspace(h, name);
    h.as = (user) => caller(h.app, { authorization: `Bearer ${user.token}` });
  });
  afterAll(async () => {
    await h.app?.close();
    await h.tdb?.drop();
  });
  return h;
}

/** An inject-based API caller with fixed headers. */
export function caller(app: FastifyInstance, headers: Record<string, string>): Caller {
  const send = (method: InjectOptions["method"], url: string, body?: unknown, extra?: Record<string, string>) =>
    app.inject({ method, url, headers: { ...headers, ...extra }, ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }) });
  return {
    get: (url) => send("GET", url),
    post: (url, body, extra) => send("POST", url, body ?? {}, extra),
    patch: (url, body) => send("PATCH", url, body ?? {}),
    put: (url, body) => send("PUT", url, body ?? {}),
    delete: (url) => send("DELETE", url),
  };
}

async function createWorkspace(h: Harness, name = "Acme"): Promise<TestWorkspace> {
  const n = ++counter;
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${n}-${Math.random().toString(36).slice(2, 7)}`;
  const { workspaceId, adminUserId } = await h.modules.identity.workspaces.createWorkspace({
    name,
    slug,
    admin: { email: `admin@${slug}.test`, name: `${name} Admin`, password: TEST_PASSWORD },
  });
  const users = {} as TestWorkspace["users"];
  for (const role of ROLES) {
    const email = `${role}@${slug}.test`;
    const userId = role === "admin" ? adminUserId : await h.modules.identity.workspaces.addMember(workspaceId, { email, name: `${name} ${role}`, role, password: TEST_PASSWORD });
    const ctx = { workspaceId, sessionId: null, requestId: "test", actor: { kind: "user" as const, userId, name: role, role, tokenId: null, scopes: ["read", "write"] as const } };
    const created = await h.modules.identity.tokens.createToken(ctx, { name: `${role} token`, scopes: ["read", "write"] });
    users[role] = { userId, email: role === "admin" ? `admin@${slug}.test` : email, token: created.token };
  }
  return { workspaceId, slug, users };
}

/** Parses a JSON response body. */
export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
