import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { recordAudit } from "../../platform/audit.js";
import { hashPassword } from "../../platform/crypto.js";
import { newId } from "../../platform/ids.js";
import { AppError } from "../../../shared/errors.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { IdentityRepository } from "./identity.repository.js";
import { systemActor } from "../../platform/actor.js";

type Deps = {
  db: Database;
  repo: IdentityRepository;
  clock: Clock;
  /** Other modules seed their defaults (reason codes, SLA policies, …) in the creating transaction. */
  onWorkspaceCreated: ((tx: Tx, workspaceId: string, at: Date) => Promise<void>)[];
};

export type CreateWorkspaceInput = {
  name: string;
  slug: string;
  timezone?: string;
  currency?: string;
  admin: { email: string; name: string; password: string };
};

export type AddMemberInput = { email: string; name: string; role: Role; password: string; teamId?: string | null; title?: string | null };

/** Creating workspaces and adding members outside a request (CLI, demo, tests). */
export function createWorkspacesService({ db, repo, clock, onWorkspaceCreated }: Deps) {
  /** Creates a workspace with its first admin; returns the ids. */
  async function createWorkspace(input: CreateWorkspaceInput): Promise<{ workspaceId: string; adminUserId: string }> {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) throw new AppError("validation_failed", "slug: use 2–63 lower-case letters, digits and dashes", [{ path: "slug", message: "invalid slug" }]);
    if (await repo.findWorkspaceIdBySlug(db.orm, input.slug)) throw new AppError("conflict", `A workspace with slug ${input.slug} exists`);
    const workspaceId = newId();
    const now = clock.now();
    const passwordHash = await hashPassword(input.admin.password);
    const adminUserId = await db.inWorkspace(workspaceId, async (tx) => {
      await repo.insertWorkspace(tx, { id: workspaceId, name: input.name, slug: input.slug, timezone: input.timezone ?? "UTC", currency: input.currency ?? "USD", createdAt: now });
      const existing = await repo.findUserByEmail(tx, input.admin.email.toLowerCase());
      const userId = existing?.id ?? newId();
      if (!existing) await repo.insertUser(tx, { id: userId, email: input.admin.email.toLowerCase(), name: input.admin.name, passwordHash, createdAt: now });
      await repo.insertMembership(tx, { workspaceId, userId, role: "admin", createdAt: now });
      for (const seed of onWorkspaceCreated) await seed(tx, workspaceId, now);
      await recordAudit(tx, workspaceId, systemActor(userId), now, { action: "workspace.created", entity: "workspace", entityId: workspaceId, changes: { name: input.name, slug: input.slug } });
      return userId;
    });
    return { workspaceId, adminUserId };
  }

  /** Adds a member with a password (CLI `user add`, demo users). */
  async function addMember(workspaceId: string, input: AddMemberInput): Promise<string> {
    const now = clock.now();
    const passwordHash = await hashPassword(input.password);
    return db.inWorkspace(workspaceId, async (tx) => {
      if (!(await repo.getWorkspace(tx, workspaceId))) throw new AppError("not_found", "Workspace not found");
      const email = input.email.toLowerCase();
      const existing = await repo.findUserByEmail(tx, email);
      const userId = existing?.id ?? newId();
      if (!existing) await repo.insertUser(tx, { id: userId, email, name: input.name, passwordHash, createdAt: now });
      if (await repo.getMember(tx, workspaceId, userId)) throw new AppError("conflict", `${email} is already a member`);
      await repo.insertMembership(tx, { workspaceId, userId, role: input.role, teamId: input.teamId ?? null, title: input.title ?? null, createdAt: now });
      await recordAudit(tx, workspaceId, null, now, { action: "user.created", entity: "user", entityId: userId, changes: { email, role: input.role } });
      return userId;
    });
  }

  /** Creates a team outside a request; returns its id. */
  async function addTeam(workspaceId: string, name: string, side: "sales" | "marketing"): Promise<string> {
    const id = newId();
    await db.inWorkspace(workspaceId, (tx) => repo.insertTeam(tx, { workspaceId, id, name, side, createdAt: clock.now() }));
    return id;
  }

  /** A workspace id by slug. */
  function findWorkspaceId(slug: string) {
    return repo.findWorkspaceIdBySlug(db.orm, slug);
  }

  return { createWorkspace, addMember, addTeam, findWorkspaceId };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
