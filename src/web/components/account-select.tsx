import { useState } from "react";
import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useAccountOptions } from "../features/accounts/hooks/use-account-options";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"> & {
  value: string | null;
  /** The name of the selected account, shown before the search results load. */
  valueLabel?: string | null;
  onChange: (id: string | null, name: string | null) => void;
};

/** A searchable account picker that queries the API as the user types. */
export function AccountSelect({ value, valueLabel, onChange, ...rest }: Props) {
  const [search, setSearch] = useState("");
  const [selectedLabel, setSelectedLabel] = useState<string | null>(valueLabel ?? null);
  // Once an account is picked the input shows its label: that is not a new search.
  const [debounced] = useDebouncedValue(search === selectedLabel ? "" : search, 250);
  const { data, isFetching } = useAccountOptions(debounced);
  const options = (data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
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
        onChange(id, option ? option.label : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? "Searching…" : "No account matches"}
      placeholder="Search accounts"
      {...rest}
    />
  );
}
