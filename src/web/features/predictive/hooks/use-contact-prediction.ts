import { useQuery } from "@tanstack/react-query";
import type { ContactPrediction } from "../../../../shared/contracts/predictive.js";
import { api } from "../../../lib/api-client";

/** A contact's chance of a won deal under the active model, with the factors behind it. */
export function useContactPrediction(contactId: string) {
  return useQuery({
    queryKey: ["predictive", "contact", contactId],
    queryFn: ({ signal }) => api.get<ContactPrediction>(`/contacts/${contactId}/predictive`, undefined, signal),
  });
}
