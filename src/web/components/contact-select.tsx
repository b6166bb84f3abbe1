import { useState } from "react";
import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useContacts } from "../features/contacts/hooks/use-contacts";
import { personName } from "../lib/format";

type Props = Omit<SelectProps, "data" | "value" | "onChange" | "searchValue" | "onSearchChange" | "filter"> & {
  value: string | null;
  valueLabel?: string | null;
  onChange: (id: string | null) => void;
  /** Only contacts of this account. */
  accountId?: string | null;
  /** Contacts to leave out (e.g. already on the deal). */
  excludeIds?: string[];
};

/** A searchable contact picker, optionally limited to one account. */
export function ContactSelect({ value, valueLabel, onChange, accountId, excludeIds = [], ...rest }: Props) {
  const [search, setSearch] = useState("");
  const [selectedLabel, setSelectedLabel] = useState<string | null>(valueLabel ?? null);
  const [debounced] = useDebouncedValue(search === selectedLabel ? "" : search, 250);
  const list = useContacts({ q: debounced || undefined, accountId: accountId ?? undefined, limit: 25, sort: "lastName" });
  const options = list.items
    .filter((c) => !excludeIds.includes(c.id))
    .map((c) => ({ value: c.id, label: `${personName(c)}${c.title ? ` · ${c.title}` : ""}` }));
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
      nothingFoundMessage={list.isFetching ? "Searching…" : "No contact matches"}
      placeholder="Search contacts"
      {...rest}
    />
  );
}
