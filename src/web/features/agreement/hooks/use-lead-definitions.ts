import { useQuery } from "@tanstack/react-query";
import type { LeadDefinition } from "../../../../shared/contracts/agreement.js";
import type { DiffLine } from "../../../../shared/domain/definition-diff.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { api } from "../../../lib/api-client";

export type Definition = Serialized<LeadDefinition>;
export type DefinitionDiff = { from: { id: string; version: number } | null; to: { id: string; version: number }; lines: DiffLine[] };

/** Every version of the lead agreement, newest first, with the active one picked out. */
export function useLeadDefinitions() {
  const query = useQuery({
    queryKey: ["lead-definitions", "list"],
    queryFn: ({ signal }) => api.get<{ items: LeadDefinition[] }>("/lead-definitions", undefined, signal),
  });
  const items = query.data?.items ?? [];
  return { ...query, items, active: items.find((d) => d.status === "active") ?? null };
}

/** One version of the lead agreement. */
export function useLeadDefinition(id: string | undefined) {
  return useQuery({
    queryKey: ["lead-definitions", "detail", id],
    queryFn: ({ signal }) => api.get<LeadDefinition>(`/lead-definitions/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** What changed in a version against another one (default: the active version), as readable lines. */
export function useDefinitionDiff(id: string, against: string | null) {
  return useQuery({
    queryKey: ["lead-definitions", "diff", id, against],
    queryFn: ({ signal }) => api.get<DefinitionDiff>(`/lead-definitions/${id}/diff`, { against: against ?? undefined }, signal),
  });
}
