import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { csrfTokenFor } from "../../platform/http/auth-hook.js";
import { hashPassword, randomToken, sha256, verifyPassword } from "../../platform/crypto.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import type { AcceptInviteBody, ChangePasswordBody, LoginBody, Me } from "../../../shared/contracts/auth.js";
import type { IdentityRepository } from "./identity.repository.js";

type Deps = {
  db: Database;
  repo: IdentityRepository;
  clock: Clock;
  sessionKey: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
};

export const API_TOKEN_PREFIX = "tdm_";
// Refresh last_seen/last_used at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

/** Sign-in, sessions, invitations and request authentication. */
export function createAuthService({ db, repo, clock, sessionKey, sessionIdleMinutes, sessionAbsoluteHours }: Deps) {
  const idleMs = sessionIdleMinutes * 60_000;
  const absoluteMs = sessionAbsoluteHours * 3_600_000;

  async function openSession(userId: string, workspaceId: string, userAgent: string | undefined) {
    const token = randomToken();
    const now = clock.now();
    const id = newId();
    await repo.insertSession(db.orm, {
      id,
      tokenHash: sha256(token),
      userId,
      currentWorkspaceId: workspaceId,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + Math.min(idleMs, absoluteMs)),
      absoluteExpiresAt: new Date(now.getTime() + absoluteMs),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, sessionId: id, expiresAt: new Date(now.getTime() + absoluteMs) };
  }

  /** Checks e-mail and password and opens a session in the chosen (or first) workspace. */
  async function login(body: LoginBody, userAgent?: string) {
    const user = await repo.findUserByEmail(db.orm, body.email);
    const ok = await verifyPassword(user?.passwordHash ?? null, body.password);
    if (!user || !ok || user.disabledAt) throw new AppError("unauthenticated", "Wrong e-mail or password");
    const workspaces = await repo.listUserWorkspaces(db.orm, user.id);
    const chosen = body.workspace ? workspaces.find((w) => w.slug === body.workspace || w.id === body.workspace) : workspaces[0];
    if (!chosen) throw new AppError("unauthenticated", body.workspace ? "You are not a member of that workspace" : "You are not a member of any workspace");
    const session = await openSession(user.id, chosen.id, userAgent);
    await db.inWorkspace(chosen.id, (tx) =>
      recordAudit(tx, chosen.id, { kind: "user", userId: user.id, name: user.name, role: chosen.role, tokenId: null, scopes: [] }, clock.now(), { action: "auth.login", entity: "user", entityId: user.id }),
    );
    return session;
  }

  /** Resolves a session cookie to a request context, sliding its idle expiry. */
  async function bySession(token: string, requestId: string): Promise<RequestContext | null> {
    const now = clock.now();
    const s = await repo.findLiveSession(db.orm, sha256(token), now);
    if (!s?.role) return null;
    if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await repo.touchSession(db.orm, s.id, now, new Date(now.getTime() + idleMs));
    }
    return {
      workspaceId: s.workspace_id,
      sessionId: s.id,
      requestId,
      actor: { kind: "user", userId: s.user_id, name: s.name, role: s.role, tokenId: null, scopes: ["read", "write"] },
    };
  }

  /** Resolves a bearer token to a request context. */
  async function byToken(token: string, requestId: string): Promise<RequestContext | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const t = await repo.findApiToken(db.orm, sha256(token));
    const now = clock.now();
    if (!t || t.revoked_at || (t.expires_at && new Date(t.expires_at) <= now)) return null;
    return {
      workspaceId: t.workspace_id,
      sessionId: null,
      requestId,
      actor: {
        kind: "token",
        userId: t.user_id,
        name: t.user_name,
        role: t.role,
        tokenId: t.id,
        scopes: t.scopes.filter((s): s is "read" | "write" => s === "read" || s === "write"),
      },
    };
  }

  /** Ends a session. */
  async function logout(ctx: RequestContext) {
    if (ctx.sessionId) await repo.revokeSession(db.orm, ctx.sessionId, clock.now());
  }

  /** Who is signed in, where, and the CSRF token the web app must echo on writes. */
  async function me(ctx: RequestContext): Promise<Me> {
    const user = await repo.findUserById(db.orm, ctx.actor.userId);
    const workspace = await db.inWorkspace(ctx.workspaceId, (tx) => repo.getWorkspace(tx, ctx.workspaceId));
    if (!user || !workspace) throw notFound("User");
    return {
      user: { id: user.id, email: user.email, name: user.name },
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone, currency: workspace.currency },
      role: ctx.actor.role,
      workspaces: await repo.listUserWorkspaces(db.orm, user.id),
      csrfToken: ctx.sessionId ? csrfTokenFor(sessionKey, ctx.sessionId) : null,
      via: ctx.actor.kind === "token" ? "token" : "session",
    };
  }

  /** Moves the session to another workspace the user belongs to. */
  async function switchWorkspace(ctx: RequestContext, workspaceId: string) {
    if (!ctx.sessionId) throw new AppError("forbidden", "Only a browser session can switch workspace");
    const workspaces = await repo.listUserWorkspaces(db.orm, ctx.actor.userId);
    if (!workspaces.some((w) => w.id === workspaceId)) throw notFound("Workspace");
    await repo.setSessionWorkspace(db.orm, ctx.sessionId, workspaceId);
  }

  /** Accepts an invitation: creates the user (or joins an existing one) and signs them in. */
  async function acceptInvite(body: AcceptInviteBody, userAgent?: string) {
    const inv = await repo.findInvitation(db.orm, sha256(body.token));
    const now = clock.now();
    if (!inv || inv.accepted_at || new Date(inv.expires_at) <= now) throw new AppError("not_found", "This invitation is invalid, used or expired");
    const passwordHash = await hashPassword(body.password);
    const userId = await db.inWorkspace(inv.workspace_id, async (tx) => {
      if (!(await repo.markInvitationAccepted(tx, inv.workspace_id, inv.id, now))) throw new AppError("conflict", "This invitation was already used");
      const existing = await repo.findUserByEmail(tx, inv.email);
      const id = existing?.id ?? newId();
      if (existing) {
        if (existing.passwordHash && !(await verifyPassword(existing.passwordHash, body.password))) {
          throw new AppError("unauthenticated", "This e-mail already has an account: give its password to join");
        }
        if (!existing.passwordHash) await repo.updateUser(tx, id, { passwordHash });
      } else {
        await repo.insertUser(tx, { id, email: inv.email, name: body.name ?? inv.name, passwordHash, createdAt: now });
      }
      const teamId = await repo.getInvitationTeam(tx, inv.workspace_id, inv.id);
      await repo.insertMembership(tx, { workspaceId: inv.workspace_id, userId: id, role: inv.role, teamId, createdAt: now });
      await recordAudit(tx, inv.workspace_id, { kind: "user", userId: id, name: inv.name, role: inv.role, tokenId: null, scopes: [] }, now, {
        action: "user.invitation_accepted",
        entity: "user",
        entityId: id,
        changes: { role: inv.role },
      });
      return id;
    });
    return openSession(userId, inv.workspace_id, userAgent);
  }

  /** Changes the signed-in user's password and ends their other sessions. */
  async function changePassword(ctx: RequestContext, body: ChangePasswordBody) {
    const user = await repo.findUserById(db.orm, ctx.actor.userId);
    if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
      throw new AppError("validation_failed", "body.currentPassword: wrong password", [{ path: "body.currentPassword", message: "wrong password" }]);
    }
    const passwordHash = await hashPassword(body.newPassword);
    const now = clock.now();
    await repo.updateUser(db.orm, user.id, { passwordHash });
    await repo.revokeUserSessions(db.orm, user.id, now, ctx.sessionId ?? undefined);
    await db.inWorkspace(ctx.workspaceId, (tx) =>
      recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "user.password_changed", entity: "user", entityId: user.id }, ctx.requestId),
    );
  }

  return { login, bySession, byToken, logout, me, switchWorkspace, acceptInvite, changePassword, openSession };
}

export type AuthService = ReturnType<typeof createAuthService>;
