import { useQuery } from "@tanstack/react-query";
import type { Page } from "../../shared/contracts/common.js";
import type { DealListItem } from "../../shared/contracts/deals.js";
import { api } from "../lib/api-client";
import { SearchSelect, type SearchSelectProps } from "./search-select";

function useOptions(search: string) {
  const { data, isFetching } = useQuery({
    queryKey: ["deals", "options", search],
    queryFn: ({ signal }) => api.get<Page<DealListItem>>("/deals", { q: search || undefined, open: "true", limit: 20 }, signal),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
  return { options: (data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name} · ${d.accountName}` })), isFetching };
}

/** A searchable picker of open deals that queries the API as the user types. */
export function DealSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} useOptions={useOptions} noun="deal" />;
}
