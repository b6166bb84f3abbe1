import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Page, Serialized } from "../../../../shared/contracts/common.js";
import type { User } from "../../../../shared/contracts/users.js";
import { api } from "../../../lib/api-client";

export type Member = Serialized<User>;

/** Every member of the workspace (first 500, enough for pickers and name look-ups), with an id → member map. */
export function useMembers() {
  const query = useQuery({
    queryKey: ["users", "members"],
    queryFn: ({ signal }) => api.get<Page<User>>("/users", { limit: 500, sort: "name" }, signal),
    staleTime: 5 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data?.items ?? []).map((u) => [u.id, u])), [query.data]);
  return { ...query, members: query.data?.items ?? [], byId };
}
