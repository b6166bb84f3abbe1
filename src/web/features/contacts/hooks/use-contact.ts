import { useQuery } from "@tanstack/react-query";
import type { ContactDetail } from "../../../../shared/contracts/contacts.js";
import { api } from "../../../lib/api-client";

/** One contact with its account, owner, allowed next stages and deals. */
export function useContact(id: string | undefined) {
  return useQuery({
    queryKey: ["contacts", "detail", id],
    queryFn: ({ signal }) => api.get<ContactDetail>(`/contacts/${id}`, undefined, signal),
    enabled: !!id,
  });
}
