import { useQuery } from "@tanstack/react-query";
import type { Account } from "../../../../shared/contracts/accounts.js";
import type { Page } from "../../../../shared/contracts/common.js";
import { api } from "../../../lib/api-client";

/** Accounts matching a search, for pickers (20 at most). */
export function useAccountOptions(search: string) {
  return useQuery({
    queryKey: ["accounts", "options", search],
    queryFn: ({ signal }) => api.get<Page<Account>>("/accounts", { q: search || undefined, limit: 20, sort: "name" }, signal),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}
