import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Asset, AssetSearchQuery, AssetSearchResult, CreateAssetBody, Recommendations, ReviewAssetBody, UpdateAssetBody } from "../../../../shared/contracts/enablement-content.js";
import type { ContentEffectiveness, ContentRoi, ContentUnused, ContentUsage } from "../../../../shared/contracts/reports/content.js";
import type { ReportPeriod } from "../../../../shared/contracts/reports/filters.js";
import { api, apiRequest } from "../../../lib/api-client";
import { ApiError } from "../../../lib/api-error";
import type { ErrorCode } from "../../../../shared/errors.js";

const ASSETS = ["assets"];
export type SearchFilters = Partial<Pick<AssetSearchQuery, "q" | "stage" | "format" | "persona" | "product" | "competitor" | "status">>;

/** Searches the content library with facet counts. */
export function useAssetSearch(filters: SearchFilters) {
  return useQuery({
    queryKey: [...ASSETS, "search", filters],
    queryFn: ({ signal }) => api.get<AssetSearchResult>("/assets", { ...filters, limit: 50 }, signal),
    placeholderData: (prev) => prev,
  });
}

/** One asset. */
export function useAsset(id: string) {
  return useQuery({ queryKey: [...ASSETS, id], queryFn: ({ signal }) => api.get<Asset>(`/assets/${id}`, undefined, signal) });
}

/** An asset's tracked shares and events. */
export function useAssetUsage(id: string) {
  return useQuery({
    queryKey: [...ASSETS, id, "usage"],
    queryFn: ({ signal }) => api.get<{ shares: { id: string; contactId: string | null; dealId: string | null; views: number; lastViewedAt: string | null; createdAt: string }[]; events: { id: string; type: string; at: string }[] }>(`/assets/${id}/usage`, undefined, signal),
  });
}

/** Creates, edits, moves and reviews assets; every change refreshes the library. */
export function useAssetMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ASSETS });
  return {
    create: useMutation({ meta: { silent: true }, mutationFn: (body: CreateAssetBody) => api.post<Asset>("/assets", body), onSuccess: done }),
    update: useMutation({ meta: { silent: true }, mutationFn: ({ id, body }: { id: string; body: UpdateAssetBody }) => api.patch<Asset>(`/assets/${id}`, body), onSuccess: done }),
    move: useMutation({ mutationFn: ({ id, action }: { id: string; action: "submit" | "publish" | "retire" }) => api.post<Asset>(`/assets/${id}/${action}`), onSuccess: done }),
    review: useMutation({ meta: { silent: true }, mutationFn: ({ id, body }: { id: string; body: ReviewAssetBody }) => api.post<Asset>(`/assets/${id}/review`, body), onSuccess: done }),
    upload: useMutation({ meta: { silent: true }, mutationFn: ({ id, file }: { id: string; file: File }) => uploadAssetFile(id, file), onSuccess: done }),
  };
}

/** Uploads a file as multipart (the JSON client does not send forms). */
async function uploadAssetFile(id: string, file: File): Promise<Asset> {
  const form = new FormData();
  form.append("file", file, file.name);
  const me = await apiRequest<{ csrfToken: string | null }>("GET", "/auth/me");
  const res = await fetch(`/api/v1/assets/${id}/file`, { method: "POST", body: form, credentials: "same-origin", headers: me.csrfToken ? { "x-csrf-token": me.csrfToken } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(res.status, (body.error ?? "internal_error") as ErrorCode, body.message ?? res.statusText, []);
  }
  return (await res.json()) as Asset;
}

/** Creates a tracked link for a contact and/or a deal. */
export function useShareAsset(assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: { contactId?: string; dealId?: string }) => api.post<{ url: string; token: string }>(`/assets/${assetId}/shares`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...ASSETS, assetId, "usage"] }),
  });
}

/** Recommended content for a contact or a deal. */
export function useRecommendedContent(kind: "contacts" | "deals", id: string) {
  return useQuery({ queryKey: [...ASSETS, "recommended", kind, id], queryFn: ({ signal }) => api.get<Recommendations>(`/${kind}/${id}/recommended-content`, undefined, signal) });
}

type WithPeriod<T> = T & { period: ReportPeriod };

/** The four content reports for a period. */
export function useContentReports(range: { from?: string; to?: string }) {
  const q = { from: range.from, to: range.to };
  return {
    unused: useQuery({ queryKey: ["reports", "content-unused", q], queryFn: ({ signal }) => api.get<WithPeriod<ContentUnused>>("/reports/content-unused", q, signal) }),
    effectiveness: useQuery({ queryKey: ["reports", "content-effectiveness", q], queryFn: ({ signal }) => api.get<WithPeriod<ContentEffectiveness>>("/reports/content-effectiveness", q, signal) }),
    roi: useQuery({ queryKey: ["reports", "content-roi", q], queryFn: ({ signal }) => api.get<WithPeriod<ContentRoi>>("/reports/content-roi", q, signal) }),
    usage: useQuery({ queryKey: ["reports", "content-usage", q], queryFn: ({ signal }) => api.get<WithPeriod<ContentUsage>>("/reports/content-usage", q, signal) }),
  };
}
