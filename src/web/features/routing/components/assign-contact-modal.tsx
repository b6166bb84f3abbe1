import { useEffect } from "react";
import { Alert, Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { AssignContactBodySchema } from "../../../../shared/contracts/routing.js";
import { LIMITS } from "../../../../shared/limits.js";
import { MemberSelect } from "../../../components/member-select";
import { textOrNull, useFormState } from "../../../lib/use-form-state";
import { useAssignContact } from "../hooks/use-handoffs";

type Values = { ownerId: string | null; note: string };

/** Hands a contact to another rep by hand; they get the handoff with its context and a notification. */
export function AssignContactModal({ opened, onClose, contactId, currentOwnerId }: { opened: boolean; onClose: () => void; contactId: string; currentOwnerId: string | null }) {
  const assign = useAssignContact(contactId);
  const form = useFormState<Values>({ ownerId: null, note: "" });
  const { reset } = form;

  useEffect(() => {
    if (opened) reset({ ownerId: null, note: "" });
  }, [opened, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (form.values.ownerId === currentOwnerId && currentOwnerId) {
      form.setErrors({ ownerId: "Already owns this contact" });
      return;
    }
    const body = form.validate(AssignContactBodySchema, { ownerId: form.values.ownerId, note: textOrNull(form.values.note) ?? undefined });
    if (!body) return;
    try {
      const handoff = await assign.mutateAsync(body);
      notifications.show({ color: "green", message: `Handed to ${handoff.toUserName ?? "the rep"}` });
      onClose();
    } catch (err) {
      form.applyServerError(err, ["ownerId", "note"], true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Reassign lead">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <MemberSelect label="New owner" required roles={["sales", "sdr", "manager", "admin"]} value={form.values.ownerId} onChange={(id) => form.setValue("ownerId", id)} error={form.errors.ownerId} placeholder="Choose a rep" />
          <Textarea label="Note" description="Why, for the new owner" autosize minRows={2} maxLength={LIMITS.reason} value={form.values.note} onChange={(e) => form.setValue("note", e.currentTarget.value)} error={form.errors.note} />
        </Stack>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={assign.isPending}>
            Reassign
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
