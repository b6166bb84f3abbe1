import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PutCalendarBody } from "../../../../shared/contracts/sla.js";
import type { BusinessCalendar } from "../../../../shared/contracts/business-calendar.js";
import { api } from "../../../lib/api-client";

export type StoredCalendar = { id: string | null; teamId: string | null; teamName: string | null; name: string; calendar: BusinessCalendar; stored: boolean };
const KEY = ["business-calendars"];

/** The workspace's default business calendar and the teams' own. */
export function useBusinessCalendars() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ default: StoredCalendar; teams: StoredCalendar[] }>("/business-calendars", undefined, signal),
  });
}

/** Saves the default calendar (teamId null) or a team's own. */
export function usePutCalendar() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ teamId, body }: { teamId: string | null; body: PutCalendarBody }) =>
      api.put<StoredCalendar>(teamId ? `/business-calendars/teams/${teamId}` : "/business-calendars/default", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Drops a team's own calendar so the team follows the default. */
export function useDeleteTeamCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (teamId: string) => api.delete(`/business-calendars/teams/${teamId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
