import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationPreferences, UpdateNotificationPreferencesBody } from "../../../../shared/contracts/notifications.js";
import { api } from "../../../lib/api-client";

const KEY = ["notification-preferences"] as const;

/** The signed-in user's channels per notification kind, and whether the server can send e-mail. */
export function useNotificationPreferences() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<NotificationPreferences>("/notification-preferences", undefined, signal) });
}

/** Saves some of the user's choices; the feed and bell refresh since hidden kinds change them. */
export function useUpdateNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) => api.put<NotificationPreferences>("/notification-preferences", body),
    onSuccess: (saved) => {
      qc.setQueryData(KEY, saved);
      void qc.invalidateQueries({ queryKey: ["notifications"] });
    },
  });
}
