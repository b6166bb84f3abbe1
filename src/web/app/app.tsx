import { useState } from "react";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router/dom";
import { setCsrfToken, setUnauthenticatedHandler } from "../lib/api-client";
import { createQueryClient } from "../lib/query-client";
import { router } from "./router";
import { theme } from "./theme";

/** The root component: theme, notifications, the query client and the router; a 401 anywhere leads to /login. */
export function App() {
  const [queryClient] = useState(() => {
    const qc = createQueryClient();
    setUnauthenticatedHandler(() => {
      const { pathname, search } = window.location;
      if (pathname.startsWith("/login") || pathname.startsWith("/invite/")) return;
      setCsrfToken(null);
      qc.clear();
      void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return qc;
  });
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
