import { useQuery } from "@tanstack/react-query";
import type { Account, AccountDetail } from "../../../../shared/contracts/accounts.js";
import { api, type Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

/** A cursor-paged account list for the given filters and sort (ListAccountsQuery). */
export function useAccounts(query: Query) {
  return useCursorList<Account>(["accounts", "list"], "/accounts", query);
}

/** One account with its counts, open pipeline, won revenue and owned products. */
export function useAccount(id: string | undefined) {
  return useQuery({
    queryKey: ["accounts", "detail", id],
    queryFn: ({ signal }) => api.get<AccountDetail>(`/accounts/${id}`, undefined, signal),
    enabled: !!id,
  });
}
