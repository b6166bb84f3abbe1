import type { Role } from "../../../shared/domain/roles.js";
import type { ReasonKind } from "../../../shared/contracts/reason-codes.js";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid, foreignKey } from "drizzle-orm/pg-core";
import { ts, workspaceId } from "./columns.js";

/** Tenants. RLS lets a transaction see only the workspace it set. */
export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  timezone: text("timezone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  createdAt: ts("created_at").notNull(),
});

/** People who can log in; global, a user may belong to several workspaces. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  createdAt: ts("created_at").notNull(),
  disabledAt: ts("disabled_at"),
});

/** Teams inside a workspace (e.g. "AE East", "SDR pod 1", "Demand gen"). */
export const teams = pgTable(
  "teams",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    side: text("side").$type<"sales" | "marketing">().notNull().default("sales"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique("teams_name_uq").on(t.workspaceId, t.name)],
);

/** A user's role in a workspace. */
export const memberships = pgTable(
  "memberships",
  {
    workspaceId: workspaceId(),
    userId: uuid("user_id").notNull().references(() => users.id),
    role: text("role").$type<Role>().notNull(),
    teamId: uuid("team_id"),
    title: text("title"),
    createdAt: ts("created_at").notNull(),
    deactivatedAt: ts("deactivated_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }),
    // serves: membership lookup by user at login (via tandem_user_workspaces)
    index("memberships_user_idx").on(t.userId),
  ],
);

/** Pending invitations: the token is shown once as a link and stored hashed. */
export const invitations = pgTable(
  "invitations",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    teamId: uuid("team_id"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").notNull(),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Browser sessions: the cookie holds a random token, the row its hash. Global (a session picks a workspace). */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    currentWorkspaceId: uuid("current_workspace_id").notNull(),
    createdAt: ts("created_at").notNull(),
    lastSeenAt: ts("last_seen_at").notNull(),
    idleExpiresAt: ts("idle_expires_at").notNull(),
    absoluteExpiresAt: ts("absolute_expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    userAgent: text("user_agent"),
  },
  // serves: "log out everywhere" and session cleanup by user
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** API tokens: shown once, stored as SHA-256 of the secret, revocable. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes").array().notNull(),
    createdAt: ts("created_at").notNull(),
    lastUsedAt: ts("last_used_at"),
    expiresAt: ts("expires_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Every write, who made it and what changed. */
export const auditLog = pgTable(
  "audit_log",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    at: ts("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorTokenId: uuid("actor_token_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id"),
    changes: jsonb("changes").$type<Record<string, unknown>>(),
    requestId: text("request_id"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // serves: the audit page (newest first) and an entity's history
    index("audit_log_at_idx").on(t.workspaceId, t.at.desc()),
    index("audit_log_entity_idx").on(t.workspaceId, t.entity, t.entityId),
  ],
);

/** Reason taxonomies: reject, recycle, disqualify, loss, no decision, win. */
export const reasonCodes = pgTable(
  "reason_codes",
  {
    workspaceId: workspaceId(),
    id: uuid("id").notNull(),
    kind: text("kind").$type<ReasonKind>().notNull(),
    code: text("code").notNull(),
    label: text("label").notNull(),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), unique("reason_codes_code_uq").on(t.workspaceId, t.kind, t.code)],
);

/** Stored responses for Idempotency-Key replays, scoped to the credential. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    workspaceId: workspaceId(),
    credential: text("credential").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    response: jsonb("response"),
    createdAt: ts("created_at").notNull(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.credential, t.key] }),
    // serves: the cleanup job deleting keys past retention
    index("idempotency_keys_created_idx").on(t.workspaceId, t.createdAt),
  ],
);

