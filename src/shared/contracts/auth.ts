import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ROLES } from "../domain/roles.js";
import { EmailSchema, IdSchema, TimestampSchema, nameField } from "./common.js";

export const RoleSchema = z.enum(ROLES);

export const PasswordSchema = z.string().min(LIMITS.password.min).max(LIMITS.password.max);

export const LoginBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(LIMITS.password.max),
  workspace: z.string().max(100).optional(),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const WorkspaceSummarySchema = z.object({ id: IdSchema, name: z.string(), slug: z.string(), role: RoleSchema });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummarySchema>;

export const MeSchema = z.object({
  user: z.object({ id: IdSchema, email: z.string(), name: z.string() }),
  workspace: z.object({ id: IdSchema, name: z.string(), slug: z.string(), timezone: z.string(), currency: z.string() }),
  role: RoleSchema,
  workspaces: z.array(WorkspaceSummarySchema),
  csrfToken: z.string().nullable(),
  via: z.enum(["session", "token"]),
});
export type Me = z.infer<typeof MeSchema>;

export const SwitchWorkspaceBodySchema = z.object({ workspaceId: IdSchema });

export const AcceptInviteBodySchema = z.object({
  token: z.string().min(10).max(200),
  name: nameField().optional(),
  password: PasswordSchema,
});
export type AcceptInviteBody = z.infer<typeof AcceptInviteBodySchema>;

export const ChangePasswordBodySchema = z.object({ currentPassword: z.string().min(1).max(LIMITS.password.max), newPassword: PasswordSchema });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const TOKEN_SCOPES = ["read", "write"] as const;
export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  userId: IdSchema,
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  expiresAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreateApiTokenBodySchema = z.object({
  name: nameField(LIMITS.tokenName),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(["read", "write"]),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBodySchema>;

/** The created token: the secret appears here once and is never retrievable again. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
