import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../../shared/contracts/common.js";
import {
  CreateTeamBodySchema,
  CreateUserBodySchema,
  CreatedUserSchema,
  InvitationListSchema,
  ListUsersQuerySchema,
  TeamListSchema,
  TeamSchema,
  UpdateUserBodySchema,
  UserPageSchema,
  UserSchema,
} from "../../../shared/contracts/users.js";
import type { UsersService } from "./users.service.js";

/** Members, teams and invitations. */
export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  const tags = ["users"];
  app.get("/users", { schema: { tags, summary: "List members", querystring: ListUsersQuerySchema, response: { 200: UserPageSchema } } }, (req) => users.listUsers(req.ctx, req.query));
  app.post(
    "/users",
    { schema: { tags, summary: "Add a member (with a password) or invite one (without)", body: CreateUserBodySchema, response: { 201: CreatedUserSchema } } },
    async (req, reply) => reply.status(201).send(await users.createUser(req.ctx, req.body)),
  );
  app.get("/users/:id", { schema: { tags, summary: "Get a member", params: IdParamsSchema, response: { 200: UserSchema } } }, (req) => users.getUser(req.ctx, req.params.id));
  app.patch(
    "/users/:id",
    { schema: { tags, summary: "Change a member's role, team, title, name or active flag", params: IdParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema } } },
    (req) => users.updateUser(req.ctx, req.params.id, req.body),
  );
  app.get("/teams", { schema: { tags, summary: "List teams", response: { 200: TeamListSchema } } }, async (req) => ({ items: await users.listTeams(req.ctx) }));
  app.post(
    "/teams",
    { schema: { tags, summary: "Create a team", body: CreateTeamBodySchema, response: { 201: TeamSchema } } },
    async (req, reply) => reply.status(201).send(await users.createTeam(req.ctx, req.body)),
  );
  app.get("/invitations", { schema: { tags, summary: "List open invitations", response: { 200: InvitationListSchema } } }, async (req) => ({ items: await users.listInvitations(req.ctx) }));
  app.delete("/invitations/:id", { schema: { tags, summary: "Withdraw an invitation", params: IdParamsSchema } }, async (req, reply) => {
    await users.revokeInvitation(req.ctx, req.params.id);
    return reply.status(204).send();
  });
};
