import { useQuery } from "@tanstack/react-query";
import type { Scoreboard } from "../../../../shared/contracts/team.js";
import { api } from "../../../lib/api-client";

/** The SDR scoreboard of a range of months (every SDR for managers, one's own row for an SDR). */
export function useSdrScoreboard(q: { from: string; to: string; podId: string | null }) {
  return useQuery({
    queryKey: ["sdr-scoreboard", q],
    queryFn: ({ signal }) => api.get<Scoreboard>("/sdr-scoreboard", { from: q.from, to: q.to, ...(q.podId ? { podId: q.podId } : {}) }, signal),
  });
}
