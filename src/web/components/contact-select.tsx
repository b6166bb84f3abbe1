import { useContacts } from "../features/contacts/hooks/use-contacts";
import { personName } from "../lib/format";
import { SearchSelect, type SearchSelectProps } from "./search-select";

type Props = SearchSelectProps & {
  /** Only contacts of this account. */
  accountId?: string | null;
  /** Contacts to leave out (e.g. already on the deal). */
  excludeIds?: string[];
};

/** A searchable contact picker, optionally limited to one account. */
export function ContactSelect({ accountId, excludeIds = [], ...rest }: Props) {
  const useOptions = (search: string) => {
    const list = useContacts({ q: search || undefined, accountId: accountId ?? undefined, limit: 25, sort: "lastName" });
    const options = list.items.filter((c) => !excludeIds.includes(c.id)).map((c) => ({ value: c.id, label: `${personName(c)}${c.title ? ` · ${c.title}` : ""}` }));
    return { options, isFetching: list.isFetching };
  };
  return <SearchSelect {...rest} useOptions={useOptions} noun="contact" />;
}
