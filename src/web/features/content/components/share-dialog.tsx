import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { ContactSelect } from "../../../components/contact-select";
import { ApiError } from "../../../lib/api-error";
import { useShareAsset } from "../hooks/use-content";

/** Creates a tracked link to one asset for a contact (and the deal it is for); the link is shown once to copy. */
export function ShareDialog({ assetId, title, opened, onClose, dealId, contactId }: { assetId: string; title: string; opened: boolean; onClose: () => void; dealId?: string; contactId?: string | null }) {
  const [contact, setContact] = useState<string | null>(contactId ?? null);
  const share = useShareAsset(assetId);
  const close = () => {
    share.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Share “${title}”`} size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">
          The prospect gets a private link that opens only this asset. Each view is recorded on the contact’s timeline and counts towards their engagement.
        </Text>
        {!dealId && <ContactSelect label="Contact" value={contact} onChange={(id) => setContact(id)} placeholder="Search contacts" />}
        {dealId && <Text fz="sm">Shared for this deal{contact ? "" : " (views go to its primary contact)"}.</Text>}
        {share.error instanceof ApiError && <Alert color="red">{share.error.message}</Alert>}
        {share.data ? (
          <Group align="end" wrap="nowrap">
            <TextInput label="Tracked link" readOnly value={share.data.url} style={{ flex: 1 }} data-testid="tracked-link" />
            <CopyButton value={share.data.url}>{({ copied, copy }) => <Button onClick={copy} variant="light">{copied ? "Copied" : "Copy"}</Button>}</CopyButton>
          </Group>
        ) : (
          <Group justify="end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button loading={share.isPending} disabled={!contact && !dealId} onClick={() => share.mutate({ contactId: contact ?? undefined, dealId })}>
              Create tracked link
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
