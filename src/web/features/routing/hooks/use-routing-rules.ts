import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateRoutingRuleBody, RoutingRule, UpdateRoutingRuleBody } from "../../../../shared/contracts/routing.js";
import { api } from "../../../lib/api-client";

const KEY = ["routing-rules"];

/** The routing rules in evaluation order. */
export function useRoutingRules() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: RoutingRule[] }>("/routing-rules", undefined, signal),
    select: (d) => d.items,
  });
}

/** Adds a rule at the end of the order. */
export function useCreateRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateRoutingRuleBody) => api.post<RoutingRule>("/routing-rules", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Changes a rule (its form, or just the enabled switch). */
export function useUpdateRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, body }: { id: string; body: UpdateRoutingRuleBody }) => api.patch<RoutingRule>(`/routing-rules/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Deletes a rule. */
export function useDeleteRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/routing-rules/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Saves a new order (every rule id, first to last); the list shows it at once. */
export function useReorderRoutingRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.put<{ items: RoutingRule[] }>("/routing-rules/order", { ids }),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
}

/** The ids with the rule at `index` moved one place up (−1) or down (+1). */
export function moveRule(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const next = [...ids];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
