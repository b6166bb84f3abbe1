import { useCampaignOptions } from "../features/campaigns/hooks/use-campaigns";
import { SearchSelect, type SearchSelectProps } from "./search-select";

function useOptions(search: string) {
  const { data, isFetching } = useCampaignOptions(search);
  return { options: (data?.items ?? []).map((c) => ({ value: c.id, label: c.name })), isFetching };
}

/** A searchable campaign picker that queries the API as the user types. */
export function CampaignSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} useOptions={useOptions} noun="campaign" />;
}
