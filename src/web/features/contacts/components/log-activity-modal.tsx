import { useEffect } from "react";
import { Alert, Button, Group, Modal, SegmentedControl, Stack, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { CreateTouchpointBodySchema } from "../../../../shared/contracts/touchpoints.js";
import { LIMITS } from "../../../../shared/limits.js";
import { useFormState } from "../../../lib/use-form-state";
import { useCreateTouchpoint } from "../../touchpoints/hooks/use-create-touchpoint";

const TYPES = [
  { value: "call", label: "Call" },
  { value: "meeting", label: "Meeting" },
  { value: "sales_email", label: "Email" },
  { value: "content_share", label: "Shared content" },
];

const EMPTY = { type: "call", subject: "", note: "", occurredAt: "" };

/** Logs a sales activity (call, meeting, email, shared content) on a contact's timeline. */
export function LogActivityModal({ opened, onClose, contactId }: { opened: boolean; onClose: () => void; contactId: string }) {
  const create = useCreateTouchpoint();
  const form = useFormState(EMPTY);
  const { reset } = form;

  useEffect(() => {
    if (opened) reset(EMPTY);
  }, [opened, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const properties: Record<string, string> = {};
    if (v.subject.trim()) properties.subject = v.subject.trim();
    if (v.note.trim()) properties.note = v.note.trim();
    const occurred = v.occurredAt ? new Date(v.occurredAt) : null;
    const body = form.validate(CreateTouchpointBodySchema, {
      contactId,
      type: v.type,
      ...(occurred && !Number.isNaN(occurred.getTime()) ? { occurredAt: occurred.toISOString() } : {}),
      properties,
    });
    if (!body) return;
    try {
      // The schema turned occurredAt into a Date; JSON sends it as ISO again.
      await create.mutateAsync(body);
      notifications.show({ color: "green", message: "Activity logged" });
      onClose();
    } catch (err) {
      form.applyServerError(err, ["type", "occurredAt", "properties"], true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Log activity" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <SegmentedControl data={TYPES} value={form.values.type} onChange={(v) => form.setValue("type", v)} fullWidth />
          <TextInput label="Subject" placeholder="e.g. Discovery call, pricing follow-up" value={form.values.subject} onChange={(e) => form.setValue("subject", e.currentTarget.value)} maxLength={LIMITS.shortText} />
          <Textarea label="Notes" autosize minRows={3} maxRows={8} value={form.values.note} onChange={(e) => form.setValue("note", e.currentTarget.value)} error={form.errors.properties} maxLength={4000} />
          <TextInput label="When" description="Leave empty for now" type="datetime-local" value={form.values.occurredAt} onChange={(e) => form.setValue("occurredAt", e.currentTarget.value)} error={form.errors.occurredAt} w={260} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Log activity
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
