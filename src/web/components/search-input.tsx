import { useEffect, useRef, useState } from "react";
import { CloseButton, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";

/** A search box that reports its value after the user pauses typing (300 ms), synced with an outside value. */
export function SearchInput({ value, onSearch, placeholder = "Search…", width = 280, ariaLabel = "Search", withIcon = true }: { value: string; onSearch: (q: string) => void; placeholder?: string; width?: number | string; ariaLabel?: string; withIcon?: boolean }) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const debounced = useDebouncedCallback((q: string) => {
    lastSent.current = q;
    onSearch(q);
  }, 300);

  // Back/forward navigation changes the URL value: show it unless the user is mid-typing.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      aria-label={ariaLabel}
      placeholder={placeholder}
      w={width}
      leftSection={withIcon ? <IconSearch size={16} /> : undefined}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        debounced(e.currentTarget.value.trim());
      }}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              debounced.cancel();
              setText("");
              lastSent.current = "";
              onSearch("");
            }}
          />
        ) : null
      }
    />
  );
}
