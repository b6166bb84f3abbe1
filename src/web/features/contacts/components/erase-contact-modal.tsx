import { useState } from "react";
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { ERASE_CONFIRMATION } from "../../../../shared/contracts/privacy";

type Props = { opened: boolean; onClose: () => void; name: string; loading: boolean; onConfirm: () => void };

/** The GDPR erasure dialog: it cannot be undone, so the admin types ERASE to confirm. */
export function EraseContactModal({ opened, onClose, name, loading, onConfirm }: Props) {
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Erase contact (GDPR)" centered>
      <Stack>
        <Alert color="red" variant="light">
          <Text fz="sm">
            This erases {name} everywhere: the contact, their touchpoints, stage history, scores, deal roles, handoffs and SLA timers. Audit entries keep only who did
            what and when. Their e-mail is suppressed so forms and ingest will not bring them back. This cannot be undone.
          </Text>
        </Alert>
        <TextInput label={`Type ${ERASE_CONFIRMATION} to confirm`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" disabled={typed !== ERASE_CONFIRMATION} loading={loading} onClick={onConfirm}>
            Erase for good
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
