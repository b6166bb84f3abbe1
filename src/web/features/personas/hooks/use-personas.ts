import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreatePersonaBody, Persona, UpdatePersonaBody } from "../../../../shared/contracts/enablement-personas.js";
import type { Job } from "../../../../shared/contracts/jobs.js";
import { api } from "../../../lib/api-client";
import { PERSONAS_KEY } from "../../../lib/use-persona-names";

/** Creates a persona (no id) or changes its description and criteria. */
export function useSavePersona() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { id?: string; body: CreatePersonaBody | UpdatePersonaBody }) => (v.id ? api.patch<Persona>(`/personas/${v.id}`, v.body) : api.post<Persona>("/personas", v.body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: PERSONAS_KEY }),
  });
}

/** Deletes a persona definition. */
export function useDeletePersona() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete(`/personas/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: PERSONAS_KEY }) });
}

/** Starts the re-apply job. */
export function useApplyPersonas() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api.post<Job>("/personas/apply"), onSuccess: () => qc.invalidateQueries({ queryKey: PERSONAS_KEY }) });
}
