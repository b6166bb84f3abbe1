import { Button, Group, Modal, Text } from "@mantine/core";

/** A confirmation dialog for deleting (or revoking) something that cannot be undone. */
export function ConfirmDelete({ opened, onClose, onConfirm, title, message, confirmLabel = "Delete", loading }: { opened: boolean; onClose: () => void; onConfirm: () => void; title: string; message: string; confirmLabel?: string; loading?: boolean }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="sm">
      <Text fz="sm">{message}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={onConfirm} loading={loading}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
