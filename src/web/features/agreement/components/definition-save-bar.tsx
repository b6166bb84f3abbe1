import { Button, Group, Paper, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";

type Props = { isDirty: boolean; isProposed: boolean; saving: boolean; onSave: () => void; onDiscard: () => void };

/** The bar under the rule editor: unsaved state, the approvals warning for proposals, Discard and Save. */
export function DefinitionSaveBar({ isDirty, isProposed, saving, onSave, onDiscard }: Props) {
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      shadow={isDirty ? "md" : undefined}
      data-testid="definition-save-bar"
      style={{ position: "sticky", bottom: 12, zIndex: 5, borderColor: isDirty ? "var(--mantine-color-indigo-4)" : undefined }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          {isDirty && isProposed ? <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0 }} /> : !isDirty ? <IconCheck size={18} color="var(--mantine-color-green-7)" style={{ flexShrink: 0 }} /> : null}
          <Text fz="sm" c={isDirty && isProposed ? "orange.8" : isDirty ? undefined : "dimmed"} fw={isDirty ? 600 : 400}>
            {!isDirty ? "All changes saved." : isProposed ? "Saving changes to a proposed version resets both approvals: each side will have to approve again." : "You have unsaved changes."}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={onDiscard} disabled={!isDirty || saving}>
            Discard
          </Button>
          <Button onClick={onSave} disabled={!isDirty} loading={saving}>
            Save changes
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
