import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CaptureSettings, UpdateCaptureOriginsBody } from "../../../../shared/contracts/capture.js";
import { api } from "../../../lib/api-client";

const KEY = ["capture-settings"];

/** The workspace's web capture settings (admins and managers). */
export function useCaptureSettings(enabled = true) {
  return useQuery({ queryKey: KEY, enabled, queryFn: ({ signal }) => api.get<CaptureSettings>("/capture/settings", undefined, signal) });
}

/** Creates the publishable key, or rotates it (the old one stops working at once). */
export function useRotateCaptureKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CaptureSettings>("/capture/settings/key"),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
}

/** Replaces the allowed origins; field errors come back per line (`allowedOrigins.N`). */
export function useSaveCaptureOrigins() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: UpdateCaptureOriginsBody) => api.put<CaptureSettings>("/capture/settings/origins", body),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
}
