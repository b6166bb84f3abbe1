import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AssignContentRequestBody, ContentRequest, CreateContentRequestBody, MoveContentRequestBody } from "../../../../shared/contracts/enablement-content.js";
import { api } from "../../../lib/api-client";

const KEY = ["content-requests"];

/** Every content request (the board), high priority first. */
export function useContentRequests() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<{ items: ContentRequest[] }>("/content-requests", undefined, signal), select: (d) => d.items });
}

/** Files, moves and assigns content requests; every change refreshes the board. */
export function useContentRequestMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: KEY });
  return {
    create: useMutation({ meta: { silent: true }, mutationFn: (body: CreateContentRequestBody) => api.post<ContentRequest>("/content-requests", body), onSuccess: done }),
    move: useMutation({ meta: { silent: true }, mutationFn: ({ id, body }: { id: string; body: MoveContentRequestBody }) => api.post<ContentRequest>(`/content-requests/${id}/move`, body), onSuccess: done }),
    assign: useMutation({ mutationFn: ({ id, body }: { id: string; body: AssignContentRequestBody }) => api.put<ContentRequest>(`/content-requests/${id}/assignee`, body), onSuccess: done }),
  };
}
