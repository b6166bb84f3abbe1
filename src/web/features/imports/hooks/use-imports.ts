import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Import, ImportPage, ImportPreview, StartImportBody } from "../../../../shared/contracts/imports.js";
import type { ImportEntity, ImportPreset } from "../../../../shared/domain/imports.js";
import { api, apiUpload } from "../../../lib/api-client";

/** Whether an import has stopped (succeeded or failed) or not started. */
export function isImportSettled(status: string | undefined): boolean {
  return status === "uploaded" || status === "succeeded" || status === "failed";
}

/** Past imports, newest first (polled while one is running). */
export function useImports() {
  return useQuery({
    queryKey: ["imports", "list"],
    queryFn: ({ signal }) => api.get<ImportPage>("/imports", { limit: 50 }, signal),
    refetchInterval: (q) => (q.state.data?.items.some((i) => !isImportSettled(i.status)) ? 2000 : false),
  });
}

/** One import, polled every second while it is queued or running. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: ["imports", "detail", id],
    queryFn: ({ signal }) => api.get<Import>(`/imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (isImportSettled(q.state.data?.status) ? false : 1000),
  });
}

/** Uploads a file for an import of an entity with a preset. */
export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; entity: ImportEntity; preset: ImportPreset }) => apiUpload<ImportPreview>("/imports", v.file, { entity: v.entity, preset: v.preset }),
    onSuccess: (preview) => {
      qc.setQueryData(["imports", "preview", preview.id], preview);
      void qc.invalidateQueries({ queryKey: ["imports", "list"] });
    },
  });
}

/** Starts an import or its dry run. */
export function useStartImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StartImportBody) => api.post<Import>(`/imports/${id}/start`, body),
    onSuccess: (row) => {
      qc.setQueryData(["imports", "detail", id], row);
      void qc.invalidateQueries({ queryKey: ["imports"] });
    },
  });
}
