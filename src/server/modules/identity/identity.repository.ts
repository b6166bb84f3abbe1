import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { apiTokens, invitations, memberships, sessions, teams, users, workspaces } from "../../db/schema/index.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { ListUsersQuery, User } from "../../../shared/contracts/users.js";
import { keyset, likePattern, parseSort, toPage, type SortSpec } from "../../platform/pagination.js";

export type SessionRow = typeof sessions.$inferSelect;

/** Data access for workspaces, users, memberships, teams, sessions, invitations and API tokens. */
export function createIdentityRepository() {
  const userColumns = {
    id: users.id,
    email: users.email,
    name: users.name,
    role: memberships.role,
    teamId: memberships.teamId,
    teamName: teams.name,
    title: memberships.title,
    active: sql<boolean>`(${memberships.deactivatedAt} is null and ${users.disabledAt} is null)`,
    createdAt: memberships.createdAt,
  };

  function memberQuery(tx: Queryable, workspaceId: string) {
    return tx
      .select(userColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(teams, and(eq(teams.workspaceId, memberships.workspaceId), eq(teams.id, memberships.teamId)))
      .$dynamic()
      .where(eq(memberships.workspaceId, workspaceId));
  }

  const USER_SORTS: Record<string, Omit<SortSpec, "desc">> = {
    name: { column: sql`${users.name}`, id: sql`${users.id}`, cast: "text" },
    email: { column: sql`${users.email}`, id: sql`${users.id}`, cast: "text" },
    createdAt: { column: sql`${memberships.createdAt}`, id: sql`${users.id}`, cast: "timestamptz" },
  };

  return {
    /** Finds a global user by e-mail. */
    async findUserByEmail(tx: Queryable, email: string) {
      const [row] = await tx.select().from(users).where(eq(users.email, email));
      return row ?? null;
    },

    /** Finds a global user by id. */
    async findUserById(tx: Queryable, userId: string) {
      const [row] = await tx.select().from(users).where(eq(users.id, userId));
      return row ?? null;
    },

    /** Inserts a global user. */
    async insertUser(tx: Queryable, row: typeof users.$inferInsert) {
      await tx.insert(users).values(row);
    },

    /** Updates a user's name or password. */
    async updateUser(tx: Queryable, userId: string, patch: Partial<Pick<typeof users.$inferInsert, "name" | "passwordHash">>) {
      await tx.update(users).set(patch).where(eq(users.id, userId));
    },

    /** The workspaces a user belongs to (a SECURITY DEFINER look-up: no workspace is set yet at login). */
    async listUserWorkspaces(tx: Queryable, userId: string) {
      const res = await tx.execute<{ workspace_id: string; name: string; slug: string; role: Role }>(
        sql`select workspace_id, name, slug, role from tandem_user_workspaces(${userId})`,
      );
      return res.rows.map((r) => ({ id: r.workspace_id, name: r.name, slug: r.slug, role: r.role }));
    },

    /** Inserts a session. */
    async insertSession(tx: Queryable, row: typeof sessions.$inferInsert) {
      await tx.insert(sessions).values(row);
    },

    /** A live session by token hash with its user and the role in its current workspace. */
    async findLiveSession(tx: Queryable, tokenHash: string, now: Date) {
      const res = await tx.execute<{ id: string; user_id: string; workspace_id: string; last_seen_at: Date; name: string; role: Role | null }>(sql`
        select s.id, s.user_id, s.current_workspace_id as workspace_id, s.last_seen_at, u.name,
               tandem_membership_role(s.user_id, s.current_workspace_id) as role
        from sessions s join users u on u.id = s.user_id and u.disabled_at is null
        where s.token_hash = ${tokenHash} and s.revoked_at is null
          and s.idle_expires_at > ${now} and s.absolute_expires_at > ${now}`);
      const row = res.rows[0];
      return row ? { ...row, last_seen_at: new Date(row.last_seen_at) } : null;
    },

    /** Slides a session's idle expiry (never past its absolute expiry). */
    async touchSession(tx: Queryable, sessionId: string, now: Date, idleExpiresAt: Date) {
      await tx
        .update(sessions)
        .set({ lastSeenAt: now, idleExpiresAt: sql`least(${idleExpiresAt}, ${sessions.absoluteExpiresAt})` })
        .where(eq(sessions.id, sessionId));
    },

    /** Revokes one session. */
    async revokeSession(tx: Queryable, sessionId: string, now: Date) {
      await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    },

    /** Revokes every session of a user (password change, deactivation). */
    async revokeUserSessions(tx: Queryable, userId: string, now: Date, exceptSessionId?: string) {
      const conds: SQL[] = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
      if (exceptSessionId) conds.push(sql`${sessions.id} <> ${exceptSessionId}`);
      await tx.update(sessions).set({ revokedAt: now }).where(and(...conds));
    },

    /** Points a session at another workspace. */
    async setSessionWorkspace(tx: Queryable, sessionId: string, workspaceId: string) {
      await tx.update(sessions).set({ currentWorkspaceId: workspaceId }).where(eq(sessions.id, sessionId));
    },

    /** An API token by hash, with its user's name and role (SECURITY DEFINER: the workspace is not known yet). */
    async findApiToken(tx: Queryable, tokenHash: string) {
      const res = await tx.execute<{
        workspace_id: string;
        id: string;
        user_id: string;
        scopes: string[];
        expires_at: Date | null;
        revoked_at: Date | null;
        user_name: string;
        role: Role;
      }>(sql`select * from tandem_find_api_token(${tokenHash})`);
      return res.rows[0] ?? null;
    },

    /** The workspace row. */
    async getWorkspace(tx: Queryable, workspaceId: string) {
      const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
      return row ?? null;
    },

    /** Inserts a workspace (the transaction must have set it as current). */
    async insertWorkspace(tx: Queryable, row: typeof workspaces.$inferInsert) {
      await tx.insert(workspaces).values(row);
    },

    /** A workspace id by slug, across tenants. */
    async findWorkspaceIdBySlug(tx: Queryable, slug: string): Promise<string | null> {
      const res = await tx.execute<{ id: string | null }>(sql`select tandem_workspace_id_by_slug(${slug}) as id`);
      return res.rows[0]?.id ?? null;
    },

    /** One member of the workspace as the API shows it. */
    async getMember(tx: Queryable, workspaceId: string, userId: string): Promise<User | null> {
      const [row] = await memberQuery(tx, workspaceId).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
      return (row as User | undefined) ?? null;
    },

    /** Members of a workspace, filtered, sorted and paged. */
    async listMembers(tx: Queryable, workspaceId: string, q: ListUsersQuery) {
      const { key, desc } = parseSort<keyof typeof USER_SORTS & string>(q.sort, "name");
      const spec = USER_SORTS[key] ?? USER_SORTS.name!;
      const page = keyset({ ...spec, desc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(memberships.workspaceId, workspaceId), page.after];
      if (q.q) conds.push(or(ilike(users.name, likePattern(q.q)), ilike(users.email, likePattern(q.q))));
      if (q.role?.length) conds.push(inArray(memberships.role, q.role));
      if (q.teamId) conds.push(eq(memberships.teamId, q.teamId));
      if (q.active !== undefined) conds.push(q.active ? sql`(${memberships.deactivatedAt} is null and ${users.disabledAt} is null)` : sql`(${memberships.deactivatedAt} is not null or ${users.disabledAt} is not null)`);
      const rows = (await memberQuery(tx, workspaceId)
        .where(and(...conds))
        .orderBy(page.orderBy)
        .limit(q.limit + 1)) as User[];
      return toPage(rows, q.limit, (r) => (key === "email" ? r.email : key === "createdAt" ? r.createdAt : r.name));
    },

    /** Inserts a membership. */
    async insertMembership(tx: Queryable, row: typeof memberships.$inferInsert) {
      await tx.insert(memberships).values(row);
    },

    /** Changes a membership's role, team, title or active flag. */
    async updateMembership(tx: Queryable, workspaceId: string, userId: string, patch: Partial<typeof memberships.$inferInsert>) {
      await tx.update(memberships).set(patch).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    },

    /** How many active admins the workspace has (the last one cannot be demoted). */
    async countActiveAdmins(tx: Queryable, workspaceId: string): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin"), isNull(memberships.deactivatedAt)));
      return row?.n ?? 0;
    },

    /** Teams with member counts. */
    async listTeams(tx: Queryable, workspaceId: string) {
      return tx
        .select({
          id: teams.id,
          name: teams.name,
          side: teams.side,
          memberCount: sql<number>`(select count(*)::int from memberships m where m.workspace_id = ${teams.workspaceId} and m.team_id = ${teams.id} and m.deactivated_at is null)`,
        })
        .from(teams)
        .where(eq(teams.workspaceId, workspaceId))
        .orderBy(asc(teams.name));
    },

    /** A team by id. */
    async findTeam(tx: Queryable, workspaceId: string, teamId: string) {
      const [row] = await tx.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
      return row ?? null;
    },

    /** A team by name. */
    async findTeamByName(tx: Queryable, workspaceId: string, name: string) {
      const [row] = await tx.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.name, name)));
      return row ?? null;
    },

    /** Inserts a team. */
    async insertTeam(tx: Queryable, row: typeof teams.$inferInsert) {
      await tx.insert(teams).values(row);
    },

    /** Inserts an invitation. */
    async insertInvitation(tx: Queryable, row: typeof invitations.$inferInsert) {
      await tx.insert(invitations).values(row);
    },

    /** Open invitations of a workspace. */
    async listOpenInvitations(tx: Queryable, workspaceId: string, now: Date) {
      return tx
        .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), sql`${invitations.expiresAt} > ${now}`))
        .orderBy(asc(invitations.createdAt));
    },

    /** An invitation by token hash, across tenants (the invitee has no session yet). */
    async findInvitation(tx: Queryable, tokenHash: string) {
      const res = await tx.execute<{ workspace_id: string; id: string; email: string; name: string; role: Role; expires_at: Date; accepted_at: Date | null }>(
        sql`select * from tandem_find_invitation(${tokenHash})`,
      );
      return res.rows[0] ?? null;
    },

    /** The team chosen on an invitation. */
    async getInvitationTeam(tx: Queryable, workspaceId: string, invitationId: string): Promise<string | null> {
      const [row] = await tx.select({ teamId: invitations.teamId }).from(invitations).where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId)));
      return row?.teamId ?? null;
    },

    /** Marks an invitation used; returns false if someone used it first. */
    async markInvitationAccepted(tx: Queryable, workspaceId: string, invitationId: string, now: Date): Promise<boolean> {
      const rows = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },

    /** Deletes an open invitation; returns whether it existed. */
    async deleteInvitation(tx: Queryable, workspaceId: string, invitationId: string): Promise<boolean> {
      const rows = await tx
        .delete(invitations)
        .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },

    /** Inserts an API token row. */
    async insertApiToken(tx: Queryable, row: typeof apiTokens.$inferInsert) {
      await tx.insert(apiTokens).values(row);
    },

    /** API tokens of a workspace, or of one user. */
    async listApiTokens(tx: Queryable, workspaceId: string, userId: string | null) {
      const conds: SQL[] = [eq(apiTokens.workspaceId, workspaceId)];
      if (userId) conds.push(eq(apiTokens.userId, userId));
      return tx
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          prefix: apiTokens.prefix,
          scopes: apiTokens.scopes,
          userId: apiTokens.userId,
          createdAt: apiTokens.createdAt,
          lastUsedAt: apiTokens.lastUsedAt,
          expiresAt: apiTokens.expiresAt,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .where(and(...conds))
        .orderBy(asc(apiTokens.createdAt));
    },

    /** One API token of the workspace. */
    async findApiTokenById(tx: Queryable, workspaceId: string, tokenId: string) {
      const [row] = await tx.select().from(apiTokens).where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, tokenId)));
      return row ?? null;
    },

    /** Revokes an API token. */
    async revokeApiToken(tx: Queryable, workspaceId: string, tokenId: string, now: Date) {
      await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
    },

    /** Records when a token was last used. */
    async touchApiToken(tx: Queryable, workspaceId: string, tokenId: string, now: Date) {
      await tx.update(apiTokens).set({ lastUsedAt: now }).where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, tokenId)));
    },
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
