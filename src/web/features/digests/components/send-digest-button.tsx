import { Alert, Button, Stack } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { errorMessage, isApiError } from "../../../lib/api-error";
import { useSendDigest } from "../hooks/use-digests";

/** Sends last week's digest now (managers and admins) and opens it; says so when it went out already (409). */
export function SendDigestButton() {
  const send = useSendDigest();
  const navigate = useNavigate();
  return (
    <Stack gap={6} align="flex-end">
      <Button leftSection={<IconSend size={16} />} loading={send.isPending} onClick={() => send.mutate({}, { onSuccess: (d) => void navigate(`/reports/digests/${d.id}`) })}>
        Send last week&apos;s digest now
      </Button>
      {send.error && (
        <Alert color={isApiError(send.error, "conflict") ? "yellow" : "red"} role="alert" data-testid="send-digest-error" maw={420} py={6}>
          {errorMessage(send.error)}
        </Alert>
      )}
    </Stack>
  );
}
