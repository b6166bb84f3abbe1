import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { ApiError, errorMessage } from "./api-error";

/** The app's QueryClient: no retries for client errors, and failed mutations without their own handler show a toast. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        if (mutation.options.onError || mutation.meta?.silent) return;
        if (err instanceof ApiError && (err.code === "unauthenticated" || err.code === "validation_failed")) return;
        notifications.show({ color: "red", title: "Could not save", message: errorMessage(err) });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
      },
    },
  });
}
