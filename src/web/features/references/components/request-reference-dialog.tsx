import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { DealSelect } from "../../../components/deal-select";
import { ApiError } from "../../../lib/api-error";
import { useRequestReference } from "../hooks/use-references";

type Props = { opened: boolean; onClose: () => void; referenceId: string; referenceName: string; dealId?: string; dealName?: string };

/** Asks a reference's owner to use it on a deal (the deal is fixed when opened from a deal page). */
export function RequestReferenceDialog({ opened, onClose, referenceId, referenceName, dealId, dealName }: Props) {
  const [deal, setDeal] = useState<string | null>(dealId ?? null);
  const [note, setNote] = useState("");
  const request = useRequestReference();
  const close = () => {
    request.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Request ${referenceName} as a reference`} size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">The reference's owner approves or declines; you are notified either way. Approved uses count against its cap for the quarter.</Text>
        {dealId ? <Text fz="sm">For <b>{dealName}</b></Text> : <DealSelect label="Deal" value={deal} onChange={(id) => setDeal(id)} required data-testid="reference-request-deal" />}
        <Textarea label="Note for the owner" placeholder="Who would speak to whom, and why" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="reference-request-note" />
        {request.error instanceof ApiError && <Alert color="red">{request.error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button
            loading={request.isPending}
            disabled={!deal}
            data-testid="reference-request-submit"
            onClick={() =>
              request.mutate(
                { referenceId, body: { dealId: deal!, note: note.trim() || undefined } },
                { onSuccess: () => { notifications.show({ color: "green", message: "Request sent to the reference's owner" }); close(); } },
              )
            }
          >
            Send request
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
