import { useQuery } from "@tanstack/react-query";
import type { ReasonCode, ReasonKind } from "../../../../shared/contracts/reason-codes.js";
import { api } from "../../../lib/api-client";

/** The workspace's active reason codes of one kind (reject, recycle, loss, ...), for reason pickers. */
export function useReasonCodes(kind: ReasonKind | null) {
  return useQuery({
    queryKey: ["reason-codes", kind],
    queryFn: ({ signal }) => api.get<{ items: ReasonCode[] }>("/reason-codes", { kind }, signal),
    enabled: kind !== null,
    staleTime: 10 * 60_000,
    select: (data) => data.items.filter((r) => r.active),
  });
}
