import type { ContactListItem } from "../../../../shared/contracts/contacts.js";
import type { Query } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

/** A cursor-paged contact list for the given filters and sort (ListContactsQuery). */
export function useContacts(query: Query, opts?: { enabled?: boolean }) {
  return useCursorList<ContactListItem>(["contacts", "list"], "/contacts", query, opts);
}
