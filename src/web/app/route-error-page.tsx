import { Button, Center, Code, Stack, Text, Title } from "@mantine/core";
import { isRouteErrorResponse, useRouteError } from "react-router";

/** Shown when a route fails to load or render (e.g. a stale chunk after an upgrade). */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : "Unknown error";
  return (
    <Center mih={360} p="xl">
      <Stack align="center" gap="sm" maw={520}>
        <Title order={3}>Something went wrong on this page</Title>
        <Text c="dimmed" fz="sm" ta="center">
          Reloading usually fixes it. If it keeps happening, send this message to your admin.
        </Text>
        <Code>{message}</Code>
        <Button variant="default" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Stack>
    </Center>
  );
}
