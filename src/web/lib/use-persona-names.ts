import { useQuery } from "@tanstack/react-query";
import type { PersonaList } from "../../shared/contracts/enablement-personas.js";
import { api } from "./api-client";

export const PERSONAS_KEY = ["personas"];

/** The workspace's persona definitions (docs/ENABLEMENT.md), shared by the personas page and every persona picker. */
export function usePersonaList() {
  return useQuery({ queryKey: PERSONAS_KEY, queryFn: ({ signal }) => api.get<PersonaList>("/personas", undefined, signal) });
}

/** The defined persona names (A→Z), for pickers: campaign targeting, fit rules, contacts, insights. */
export function usePersonaNames(): string[] {
  return usePersonaList().data?.items.map((p) => p.name) ?? [];
}
