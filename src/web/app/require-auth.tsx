import { Button, Center, Loader, Stack, Text } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { useMe } from "../features/auth/hooks/use-me";
import { isApiError, errorMessage } from "../lib/api-error";
import { SessionProvider } from "../lib/session";

/** Guards the app: signed-out users go to /login (coming back afterwards), signed-in ones get the session context. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.data) {
    return (
      <SessionProvider me={me.data}>
        <Outlet />
      </SessionProvider>
    );
  }
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (isApiError(me.error, "unauthenticated")) {
    const next = location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return (
    <Center h="100vh">
      <Stack align="center" gap="sm">
        <Text fw={600}>Tandem is not reachable</Text>
        <Text c="dimmed" fz="sm">
          {errorMessage(me.error)}
        </Text>
        <Button variant="default" onClick={() => void me.refetch()}>
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
