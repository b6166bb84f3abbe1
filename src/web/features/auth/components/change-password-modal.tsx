import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ChangePasswordBodySchema } from "../../../../shared/contracts/auth.js";
import { LIMITS } from "../../../../shared/limits.js";
import { isApiError } from "../../../lib/api-error";
import { useFormState } from "../../../lib/use-form-state";
import { useChangePassword } from "../hooks/use-change-password";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

/** A dialog to change your own password. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const change = useChangePassword();
  const form = useFormState(EMPTY);

  const close = () => {
    form.reset(EMPTY);
    onClose();
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (form.values.newPassword !== form.values.confirm) {
      form.setErrors({ confirm: "The two passwords differ" });
      return;
    }
    const body = form.validate(ChangePasswordBodySchema, { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword });
    if (!body) return;
    try {
      await change.mutateAsync(body);
      notifications.show({ color: "green", message: "Password changed. Your other sessions were signed out." });
      close();
    } catch (err) {
      if (isApiError(err, "unauthenticated", "forbidden")) form.setErrors({ currentPassword: "The current password is wrong" });
      else form.applyServerError(err, ["currentPassword", "newPassword"]);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Change password" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <PasswordInput label="Current password" autoComplete="current-password" value={form.values.currentPassword} error={form.errors.currentPassword} onChange={(e) => form.setValue("currentPassword", e.currentTarget.value)} data-autofocus />
          <PasswordInput label="New password" description={`At least ${LIMITS.password.min} characters`} autoComplete="new-password" value={form.values.newPassword} error={form.errors.newPassword} onChange={(e) => form.setValue("newPassword", e.currentTarget.value)} />
          <PasswordInput label="Repeat new password" autoComplete="new-password" value={form.values.confirm} error={form.errors.confirm} onChange={(e) => form.setValue("confirm", e.currentTarget.value)} />
          <Text fz="xs" c="dimmed">
            Changing your password signs you out everywhere else.
          </Text>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
