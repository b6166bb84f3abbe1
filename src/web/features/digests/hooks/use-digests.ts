import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { CreateDigestBody, Digest, DigestSummarySchema } from "../../../../shared/contracts/digests.js";
import type { z } from "zod";
import { api } from "../../../lib/api-client";

export type DigestData = Serialized<Digest>;
export type DigestSummaryData = Serialized<z.infer<typeof DigestSummarySchema>>;

const DIGESTS = ["digests"];

/** The weekly digests sent, newest week first. */
export function useDigests() {
  return useQuery({
    queryKey: DIGESTS,
    queryFn: ({ signal }) => api.get<{ items: DigestSummaryData[] }>("/digests", undefined, signal),
    select: (d) => d.items,
  });
}

/** One digest as it was sent. */
export function useDigest(id: string) {
  return useQuery({
    queryKey: [...DIGESTS, id],
    queryFn: ({ signal }) => api.get<Digest>(`/digests/${id}`, undefined, signal),
  });
}

/** Sends a finished week's digest now (last week's by default); the caller shows the API's 409 when it went out already. */
export function useSendDigest() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateDigestBody = {}) => api.post<Digest>("/digests", body),
    onSuccess: (d) => {
      qc.setQueryData([...DIGESTS, d.id], d);
      void qc.invalidateQueries({ queryKey: DIGESTS });
    },
  });
}

const DAY = 86_400_000;

/** The Sunday ending the week that starts on the Monday `weekStart`. */
export function weekEnd(weekStart: string): string {
  return new Date(Date.parse(`${weekStart}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
}
