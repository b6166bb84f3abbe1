import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CloseDealBody, CreateDealBody, Deal, SetDealContactBody, UpdateDealBody } from "../../../../shared/contracts/deals.js";
import { api } from "../../../lib/api-client";

function useInvalidateDeals() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ["deals"] });
    void qc.invalidateQueries({ queryKey: ["accounts", "detail"] });
    void qc.invalidateQueries({ queryKey: ["contacts", "detail"] });
    void qc.invalidateQueries({ queryKey: ["campaigns", "detail"] });
  };
}

/** Creates a deal. */
export function useCreateDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({ meta: { silent: true }, mutationFn: (body: CreateDealBody) => api.post<Deal>("/deals", body), onSuccess: invalidate });
}

/** Updates a deal's fields or open stage. */
export function useUpdateDeal(id: string) {
  const invalidate = useInvalidateDeals();
  return useMutation({ meta: { silent: true }, mutationFn: (body: UpdateDealBody) => api.patch<Deal>(`/deals/${id}`, body), onSuccess: invalidate });
}

/** Closes a deal as won, lost or no decision, with a reason. */
export function useCloseDeal(id: string) {
  const invalidate = useInvalidateDeals();
  return useMutation({ meta: { silent: true }, mutationFn: (body: CloseDealBody) => api.post<Deal>(`/deals/${id}/close`, body), onSuccess: invalidate });
}

/** Adds a contact to a deal with a buying role (or changes the role). */
export function useSetDealContact(id: string) {
  const invalidate = useInvalidateDeals();
  return useMutation({ meta: { silent: true }, mutationFn: (body: SetDealContactBody) => api.put<unknown>(`/deals/${id}/contacts`, body), onSuccess: invalidate });
}

/** Removes a contact from a deal. */
export function useRemoveDealContact(id: string) {
  const invalidate = useInvalidateDeals();
  return useMutation({ mutationFn: (contactId: string) => api.delete(`/deals/${id}/contacts/${contactId}`), onSuccess: invalidate });
}

/** Deletes a deal. */
export function useDeleteDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({ mutationFn: (id: string) => api.delete(`/deals/${id}`), onSuccess: invalidate });
}
