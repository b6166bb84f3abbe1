import { useState } from "react";
import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useCampaignOptions } from "../features/campaigns/hooks/use-campaigns";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"> & {
  value: string | null;
  valueLabel?: string | null;
  onChange: (id: string | null) => void;
};

/** A searchable campaign picker that queries the API as the user types. */
export function CampaignSelect({ value, valueLabel, onChange, ...rest }: Props) {
  const [search, setSearch] = useState("");
  const [selectedLabel, setSelectedLabel] = useState<string | null>(valueLabel ?? null);
  const [debounced] = useDebouncedValue(search === selectedLabel ? "" : search, 250);
  const { data, isFetching } = useCampaignOptions(debounced);
  const options = (data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const label = selectedLabel ?? valueLabel;
  if (value && label && !options.some((o) => o.value === value)) options.unshift({ value, label });
  return (
    <Select
      searchable
      clearable
      data={options}
      value={value}
      onChange={(id, option) => {
        setSelectedLabel(option ? option.label : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? "Searching…" : "No campaign matches"}
      placeholder="Search campaigns"
      {...rest}
    />
  );
}
