import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../../shared/errors.js";
import type { RequestContext } from "../actor.js";

export const SESSION_COOKIE = "tandem_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    /** Set for every authenticated route; public routes never read it. */
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** A route anyone may call (login, health, docs, public capture). */
    public?: boolean;
  }
}

export type Authenticator = {
  /** Resolves a session cookie's token to a context, or null when it is unknown or expired. */
  bySession(token: string, requestId: string): Promise<RequestContext | null>;
  /** Resolves a bearer API token to a context, or null. */
  byToken(token: string, requestId: string): Promise<RequestContext | null>;
};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The CSRF token for a session: an HMAC of its id, so nothing extra is stored. */
export function csrfTokenFor(sessionKey: string, sessionId: string): string {
  return createHmac("sha256", sessionKey).update(`csrf:${sessionId}`).digest("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function bearerOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m?.[1]) throw new AppError("unauthenticated", "Authorization header must be 'Bearer <token>'");
  return m[1];
}

/**
 * Authenticates every non-public route: a bearer API token, or a session cookie (whose writes must also carry
 * the session's CSRF token). Token scopes limit writes.
 */
export function registerAuthHook(app: FastifyInstance, auth: Authenticator, sessionKey: string): void {
  app.decorateRequest("ctx", null as unknown as RequestContext);
  app.addHook("onRequest", async (req) => {
    // Only the API authenticates; the web app's files are public (the app itself asks /api/v1/auth/me).
    if (req.routeOptions.config.public || !req.routeOptions.url || !req.url.startsWith("/api/")) return;
    const bearer = bearerOf(req);
    if (bearer) {
      const ctx = await auth.byToken(bearer, req.id);
      if (!ctx) throw new AppError("unauthenticated", "The API token is invalid, expired or revoked");
      if (UNSAFE.has(req.method) && !ctx.actor.scopes.includes("write")) {
        throw new AppError("forbidden", "This API token has read scope only");
      }
      req.ctx = ctx;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) throw new AppError("unauthenticated", "Sign in or send an API token");
    const ctx = await auth.bySession(cookie, req.id);
    if (!ctx?.sessionId) throw new AppError("unauthenticated", "Your session has expired; sign in again");
    if (UNSAFE.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !safeEqual(sent, csrfTokenFor(sessionKey, ctx.sessionId))) {
        throw new AppError("forbidden", `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    req.ctx = ctx;
  });
}
