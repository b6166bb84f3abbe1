import { z } from "zod";
import { LIMITS } from "../limits.js";
import { RoleSchema, PasswordSchema } from "./auth.js";
import { EmailSchema, IdSchema, TimestampSchema, csvQuery, listQuerySchema, nameField, optionalText, pageSchema } from "./common.js";

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  createdAt: TimestampSchema,
});
export type User = z.infer<typeof UserSchema>;

/** Admin creates a user directly (with a password) or invites them (without one: a link is returned once). */
export const CreateUserBodySchema = z.object({
  email: EmailSchema,
  name: nameField(),
  role: RoleSchema,
  teamId: IdSchema.nullable().optional(),
  title: optionalText(),
  password: PasswordSchema.optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const CreatedUserSchema = z.object({ user: UserSchema.nullable(), invitation: z.object({ id: IdSchema, email: z.string(), role: RoleSchema, url: z.string(), expiresAt: TimestampSchema }).nullable() });

export const UpdateUserBodySchema = z
  .object({
    name: nameField().optional(),
    role: RoleSchema.optional(),
    teamId: IdSchema.nullable().optional(),
    title: optionalText(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "give at least one field to change");
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const USER_SORTS = ["name", "email", "createdAt"] as const;
export const ListUsersQuerySchema = listQuerySchema(USER_SORTS).extend({
  q: z.string().trim().max(LIMITS.search).optional(),
  role: csvQuery(RoleSchema).optional(),
  teamId: IdSchema.optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;
export const UserPageSchema = pageSchema(UserSchema);

export const TeamSchema = z.object({ id: IdSchema, name: z.string(), side: z.enum(["sales", "marketing"]), memberCount: z.number().int() });
export type Team = z.infer<typeof TeamSchema>;
export const CreateTeamBodySchema = z.object({ name: nameField(100), side: z.enum(["sales", "marketing"]).default("sales") });
export type CreateTeamBody = z.infer<typeof CreateTeamBodySchema>;
export const TeamListSchema = z.object({ items: z.array(TeamSchema) });

export const InvitationSchema = z.object({ id: IdSchema, email: z.string(), name: z.string(), role: RoleSchema, createdAt: TimestampSchema, expiresAt: TimestampSchema });
export const InvitationListSchema = z.object({ items: z.array(InvitationSchema) });
