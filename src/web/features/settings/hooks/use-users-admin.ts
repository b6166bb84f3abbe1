import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { CreateTeamBody, CreateUserBody, CreatedUserSchema, InvitationSchema, Team, UpdateUserBody, User } from "../../../../shared/contracts/users.js";
import { api, type Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

export type CreatedUser = (typeof CreatedUserSchema)["_output"];
export type Invitation = (typeof InvitationSchema)["_output"];
export type SerializedInvitation = Serialized<Invitation>;

/** Members of the workspace, filtered and paged (ListUsersQuery). */
export function useUsers(query: Query) {
  return useCursorList<User>(["users", "list"], "/users", query);
}

/** Adds a member with a password, or invites one (the response carries a one-time invitation URL). */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateUserBody) => api.post<CreatedUser>("/users", body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      void qc.invalidateQueries({ queryKey: ["invitations"] });
      void qc.invalidateQueries({ queryKey: ["teams"] });
    },
  });
}

/** Changes a member's role, team, title, name or active flag. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => api.patch<User>(`/users/${id}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["users"] });
      void qc.invalidateQueries({ queryKey: ["teams"] });
    },
  });
}

/** Open invitations. */
export function useInvitations(enabled = true) {
  return useQuery({
    queryKey: ["invitations"],
    queryFn: ({ signal }) => api.get<{ items: Invitation[] }>("/invitations", undefined, signal),
    enabled,
  });
}

/** Withdraws an invitation. */
export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/invitations/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["invitations"] }),
  });
}

/** The workspace's teams with member counts. */
export function useTeams() {
  return useQuery({
    queryKey: ["teams"],
    queryFn: ({ signal }) => api.get<{ items: Team[] }>("/teams", undefined, signal),
    select: (d) => d.items,
  });
}

/** Creates a team. */
export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateTeamBody) => api.post<Team>("/teams", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["teams"] }),
  });
}
