import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { Link } from "react-router";
import { ApiError, errorMessage } from "../lib/api-error";

/** Shows why data failed to load: a not-found page for 404s, otherwise the message with a retry button. */
export function QueryError({ error, onRetry, backTo }: { error: unknown; onRetry?: () => void; backTo?: { label: string; to: string } }) {
  const notFound = error instanceof ApiError && error.code === "not_found";
  return (
    <Alert color={notFound ? "gray" : "red"} icon={<IconAlertTriangle size={18} />} title={notFound ? "Not found" : "Could not load this"} role="alert">
      <Text fz="sm">{notFound ? "This record does not exist or was deleted." : errorMessage(error)}</Text>
      <Group mt="sm" gap="xs">
        {!notFound && onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
        {backTo && (
          <Button size="xs" variant="default" component={Link} to={backTo.to}>
            {backTo.label}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
