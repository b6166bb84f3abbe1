import { useQuery } from "@tanstack/react-query";
import type { ContactMessaging } from "../../../../shared/contracts/enablement-messages.js";
import { api } from "../../../lib/api-client";

/** The messaging of a contact's persona, then the general messages. */
export function useContactMessaging(contactId: string) {
  return useQuery({ queryKey: ["messages", "contact", contactId], queryFn: ({ signal }) => api.get<ContactMessaging>(`/contacts/${contactId}/messaging`, undefined, signal) });
}
