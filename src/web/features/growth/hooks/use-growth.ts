import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateProductBody, OwnedProduct, Product, SetOwnedProductInput, UpdateProductBody } from "../../../../shared/contracts/products.js";
import type { AccountReview, CreateAccountReviewInput, UpdateAccountReviewInput, WhitespaceMatrix, WhitespaceTarget, WhitespaceTargetBody } from "../../../../shared/contracts/growth.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { api, type Query } from "../../../lib/api-client";

/** The product catalogue (all, or only active products). */
export function useProducts(activeOnly = false) {
  return useQuery({
    queryKey: ["products", activeOnly],
    queryFn: ({ signal }) => api.get<{ items: Serialized<Product>[] }>("/products", activeOnly ? { active: "true" } : {}, signal),
    staleTime: 60_000,
  });
}

/** Adds or changes a catalogue product. */
export function useSaveProduct() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, body }: { id?: string; body: CreateProductBody | UpdateProductBody }) => (id ? api.patch<Product>(`/products/${id}`, body) : api.post<Product>("/products", body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["products"] }),
  });
}

/** The products an account owns. */
export function useOwnedProducts(accountId: string) {
  return useQuery({
    queryKey: ["owned-products", accountId],
    queryFn: ({ signal }) => api.get<{ items: Serialized<OwnedProduct>[] }>(`/accounts/${accountId}/products`, undefined, signal),
  });
}

function useInvalidateGrowth() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ["owned-products"] });
    void qc.invalidateQueries({ queryKey: ["accounts", "detail"] });
    void qc.invalidateQueries({ queryKey: ["whitespace"] });
    void qc.invalidateQueries({ queryKey: ["account-reviews"] });
  };
}

/** Records (or changes) a product an account owns. */
export function useSetOwnedProduct(accountId: string) {
  const invalidate = useInvalidateGrowth();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ productId, body }: { productId: string; body: SetOwnedProductInput }) => api.put<unknown>(`/accounts/${accountId}/products/${productId}`, body),
    onSuccess: invalidate,
  });
}

/** Removes a product an account owns. */
export function useRemoveOwnedProduct(accountId: string) {
  const invalidate = useInvalidateGrowth();
  return useMutation({ mutationFn: (productId: string) => api.delete(`/accounts/${accountId}/products/${productId}`), onSuccess: invalidate });
}

/** The whitespace matrix for the filters. */
export function useWhitespace(query: Query) {
  return useQuery({
    queryKey: ["whitespace", query],
    queryFn: ({ signal }) => api.get<Serialized<WhitespaceMatrix>>("/growth/whitespace", query, signal),
    placeholderData: (prev) => prev,
  });
}

/** An account's business reviews, or the review list (upcoming scheduled ones by default). */
export function useAccountReviews(scope: { accountId: string } | { query: Query }) {
  const path = "accountId" in scope ? `/accounts/${scope.accountId}/reviews` : "/account-reviews";
  return useQuery({
    queryKey: ["account-reviews", scope],
    queryFn: ({ signal }) => api.get<{ items: Serialized<AccountReview>[] }>(path, "query" in scope ? scope.query : undefined, signal),
  });
}

/** Schedules a review with an account, or changes one. */
export function useSaveAccountReview() {
  const invalidate = useInvalidateGrowth();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ accountId, id, body }: { accountId: string; id?: string; body: CreateAccountReviewInput | UpdateAccountReviewInput }) =>
      id ? api.patch<AccountReview>(`/account-reviews/${id}`, body) : api.post<AccountReview>(`/accounts/${accountId}/reviews`, body),
    onSuccess: invalidate,
  });
}

/** A campaign's whitespace target with what it reaches. */
export function useWhitespaceTarget(campaignId: string) {
  return useQuery({ queryKey: ["whitespace-target", campaignId], queryFn: ({ signal }) => api.get<Serialized<WhitespaceTarget>>(`/campaigns/${campaignId}/whitespace-target`, undefined, signal) });
}

/** Sets a campaign's whitespace target. */
export function useSetWhitespaceTarget() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ campaignId, body }: { campaignId: string; body: WhitespaceTargetBody }) => api.put<WhitespaceTarget>(`/campaigns/${campaignId}/whitespace-target`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["whitespace-target"] }),
  });
}
