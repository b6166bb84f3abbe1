import { useState } from "react";
import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";

export type SearchSelectProps = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"> & {
  value: string | null;
  /** The label of the selected record, shown before the search results load. */
  valueLabel?: string | null;
  onChange: (id: string | null, label: string | null) => void;
};

type Options = { options: { value: string; label: string }[]; isFetching: boolean };

/** A searchable picker whose options come from the API as the user types (`useOptions` receives the debounced text). */
export function SearchSelect({ value, valueLabel, onChange, useOptions, noun, ...rest }: SearchSelectProps & { useOptions: (search: string) => Options; noun: string }) {
  const [search, setSearch] = useState("");
  const [selectedLabel, setSelectedLabel] = useState<string | null>(valueLabel ?? null);
  // Once a record is picked the input shows its label: that is not a new search.
  const [debounced] = useDebouncedValue(search === selectedLabel ? "" : search, 250);
  const { options: found, isFetching } = useOptions(debounced);
  const options = [...found];
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
      nothingFoundMessage={isFetching ? "Searching…" : `No ${noun} matches`}
      placeholder={`Search ${noun}s`}
      {...rest}
    />
  );
}
