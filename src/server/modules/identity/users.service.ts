import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit, diffFields } from "../../platform/audit.js";
import { hashPassword, randomToken, sha256 } from "../../platform/crypto.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import type { CreateTeamBody, CreateUserBody, ListUsersQuery, UpdateUserBody, User } from "../../../shared/contracts/users.js";
import type { IdentityRepository } from "./identity.repository.js";
import { requireUserAdmin } from "./identity.policy.js";

/** Drops undefined keys, so an update touches only the fields given. */
function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type Deps = { db: Database; repo: IdentityRepository; clock: Clock; publicUrl: string };

const INVITATION_DAYS = 7;

/** Members, roles, teams and invitations of a workspace. */
export function createUsersService({ db, repo, clock, publicUrl }: Deps) {
  /** Lists the workspace's members. */
  function listUsers(ctx: RequestContext, query: ListUsersQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.listMembers(tx, ctx.workspaceId, query));
  }

  /** One member. */
  async function getUser(ctx: RequestContext, userId: string): Promise<User> {
    const user = await db.inWorkspace(ctx.workspaceId, (tx) => repo.getMember(tx, ctx.workspaceId, userId));
    if (!user) throw notFound("User");
    return user;
  }

  /** Adds a user with a password, or invites them (the link is returned once). */
  async function createUser(ctx: RequestContext, body: CreateUserBody) {
    requireUserAdmin(ctx.actor);
    const now = clock.now();
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (body.teamId && !(await repo.findTeam(tx, ctx.workspaceId, body.teamId))) throw invalidField("body.teamId", "no such team");
      const existing = await repo.findUserByEmail(tx, body.email);
      if (existing && (await repo.getMember(tx, ctx.workspaceId, existing.id))) {
        throw new AppError("conflict", `${body.email} is already a member of this workspace`, [{ path: "body.email", message: "already a member" }]);
      }
      if (!passwordHash) {
        const token = randomToken();
        const id = newId();
        const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
        await repo.insertInvitation(tx, {
          workspaceId: ctx.workspaceId,
          id,
          email: body.email,
          name: body.name,
          role: body.role,
          teamId: body.teamId ?? null,
          tokenHash: sha256(token),
          invitedBy: ctx.actor.userId,
          createdAt: now,
          expiresAt,
        });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "user.invited", entity: "invitation", entityId: id, changes: { email: body.email, role: body.role } }, ctx.requestId);
        return { user: null, invitation: { id, email: body.email, role: body.role, url: `${publicUrl}/invite/${token}`, expiresAt } };
      }
      const userId = existing?.id ?? newId();
      if (!existing) await repo.insertUser(tx, { id: userId, email: body.email, name: body.name, passwordHash, createdAt: now });
      await repo.insertMembership(tx, { workspaceId: ctx.workspaceId, userId, role: body.role, teamId: body.teamId ?? null, title: body.title ?? null, createdAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "user.created", entity: "user", entityId: userId, changes: { email: body.email, role: body.role } }, ctx.requestId);
      return { user: await repo.getMember(tx, ctx.workspaceId, userId), invitation: null };
    });
  }

  /** Changes a member's name, role, team, title or active flag; the last active admin stays an admin. */
  async function updateUser(ctx: RequestContext, userId: string, body: UpdateUserBody): Promise<User> {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.getMember(tx, ctx.workspaceId, userId);
      if (!before) throw notFound("User");
      requireUserAdmin(ctx.actor);
      if (body.teamId && !(await repo.findTeam(tx, ctx.workspaceId, body.teamId))) throw invalidField("body.teamId", "no such team");
      const losesAdmin = before.role === "admin" && before.active && ((body.role && body.role !== "admin") || body.active === false);
      if (losesAdmin && (await repo.countActiveAdmins(tx, ctx.workspaceId)) <= 1) {
        throw new AppError("conflict", "The workspace needs at least one active admin");
      }
      if (body.name) await repo.updateUser(tx, userId, { name: body.name });
      const patch = definedOnly({
        role: body.role,
        teamId: body.teamId,
        title: body.title,
        deactivatedAt: body.active === undefined ? undefined : body.active ? null : now,
      });
      if (Object.keys(patch).length) await repo.updateMembership(tx, ctx.workspaceId, userId, patch);
      if (body.active === false) await repo.revokeUserSessions(tx, userId, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "user.updated", entity: "user", entityId: userId, changes: diffFields(before, body) }, ctx.requestId);
      const after = await repo.getMember(tx, ctx.workspaceId, userId);
      if (!after) throw notFound("User");
      return after;
    });
  }

  /** Open invitations. */
  function listInvitations(ctx: RequestContext) {
    requireUserAdmin(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.listOpenInvitations(tx, ctx.workspaceId, clock.now()));
  }

  /** Withdraws an open invitation. */
  async function revokeInvitation(ctx: RequestContext, invitationId: string) {
    requireUserAdmin(ctx.actor);
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.deleteInvitation(tx, ctx.workspaceId, invitationId))) throw notFound("Invitation");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, clock.now(), { action: "user.invitation_revoked", entity: "invitation", entityId: invitationId }, ctx.requestId);
    });
  }

  /** Teams with member counts. */
  function listTeams(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.listTeams(tx, ctx.workspaceId));
  }

  /** Creates a team. */
  async function createTeam(ctx: RequestContext, body: CreateTeamBody) {
    requireUserAdmin(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (await repo.findTeamByName(tx, ctx.workspaceId, body.name)) throw new AppError("conflict", `A team named ${body.name} exists`, [{ path: "body.name", message: "already exists" }]);
      const id = newId();
      await repo.insertTeam(tx, { workspaceId: ctx.workspaceId, id, name: body.name, side: body.side, createdAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "team.created", entity: "team", entityId: id, changes: { name: body.name } }, ctx.requestId);
      return { id, name: body.name, side: body.side, memberCount: 0 };
    });
  }

  return { listUsers, getUser, createUser, updateUser, listInvitations, revokeInvitation, listTeams, createTeam };
}

export type UsersService = ReturnType<typeof createUsersService>;
