import { useAccountOptions } from "../features/accounts/hooks/use-account-options";
import { SearchSelect, type SearchSelectProps } from "./search-select";

function useOptions(search: string) {
  const { data, isFetching } = useAccountOptions(search);
  return { options: (data?.items ?? []).map((a) => ({ value: a.id, label: a.name })), isFetching };
}

/** A searchable account picker that queries the API as the user types. */
export function AccountSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} useOptions={useOptions} noun="account" />;
}
