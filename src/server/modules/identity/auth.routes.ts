import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AcceptInviteBodySchema, ChangePasswordBodySchema, LoginBodySchema, MeSchema, SwitchWorkspaceBodySchema } from "../../../shared/contracts/auth.js";
import { AppError } from "../../../shared/errors.js";
import { SESSION_COOKIE } from "../../platform/http/auth-hook.js";
import type { AuthService } from "./auth.service.js";

type Opts = { auth: AuthService; secureCookies: boolean; loginRateLimitPerMinute: number };

const OkSchema = z.object({ ok: z.literal(true) });

/** Sign-in, sign-out, the current user, workspace switching, invitations and password changes. */
export const authRoutes: FastifyPluginAsyncZod<Opts> = async (app, { auth, secureCookies, loginRateLimitPerMinute }) => {
  const setCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", expires: expiresAt });

  const signIn = async (reply: FastifyReply, session: { token: string; expiresAt: Date }, requestId: string) => {
    setCookie(reply, session.token, session.expiresAt);
    const ctx = await auth.bySession(session.token, requestId);
    if (!ctx) throw new AppError("unauthenticated", "Session could not be opened");
    return auth.me(ctx);
  };

  const rateLimit = { max: loginRateLimitPerMinute, timeWindow: "1 minute" };

  app.post(
    "/auth/login",
    { config: { public: true, rateLimit }, schema: { tags: ["auth"], summary: "Sign in with e-mail and password", body: LoginBodySchema, response: { 200: MeSchema } } },
    async (req, reply) => signIn(reply, await auth.login(req.body, req.headers["user-agent"]), req.id),
  );

  app.post(
    "/auth/accept-invite",
    { config: { public: true, rateLimit }, schema: { tags: ["auth"], summary: "Accept an invitation, set a password and sign in", body: AcceptInviteBodySchema, response: { 200: MeSchema } } },
    async (req, reply) => signIn(reply, await auth.acceptInvite(req.body, req.headers["user-agent"]), req.id),
  );

  app.post("/auth/logout", { schema: { tags: ["auth"], summary: "Sign out", response: { 200: OkSchema } } }, async (req, reply) => {
    await auth.logout(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true as const };
  });

  app.get("/auth/me", { schema: { tags: ["auth"], summary: "The signed-in user, workspace, role and CSRF token", response: { 200: MeSchema } } }, async (req) => auth.me(req.ctx));

  app.post(
    "/auth/switch-workspace",
    { schema: { tags: ["auth"], summary: "Switch the session to another of your workspaces", body: SwitchWorkspaceBodySchema, response: { 200: MeSchema } } },
    async (req) => {
      await auth.switchWorkspace(req.ctx, req.body.workspaceId);
      const me = await auth.me({ ...req.ctx, workspaceId: req.body.workspaceId });
      const role = me.workspaces.find((w) => w.id === req.body.workspaceId)?.role ?? me.role;
      return { ...me, role };
    },
  );

  app.post(
    "/auth/password",
    { schema: { tags: ["auth"], summary: "Change your password (ends your other sessions)", body: ChangePasswordBodySchema, response: { 200: OkSchema } } },
    async (req) => {
      await auth.changePassword(req.ctx, req.body);
      return { ok: true as const };
    },
  );
};
