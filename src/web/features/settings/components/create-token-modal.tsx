import { useEffect, useState } from "react";
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { CreateApiTokenBodySchema } from "../../../../shared/contracts/auth.js";
import { SecretReveal } from "../../../components/secret-reveal";
import { numberOrNull, useFormState } from "../../../lib/use-form-state";
import { useCreateApiToken } from "../hooks/use-api-tokens";

type Values = { name: string; scopes: string[]; expiresInDays: string | number };
const EMPTY: Values = { name: "", scopes: ["read", "write"], expiresInDays: 90 };

/** Creates an API token and shows its secret once, with a copy button. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiToken();
  const form = useFormState<Values>(EMPTY);
  const { reset } = form;
  const [secret, setSecret] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      reset(EMPTY);
      setSecret(null);
    }
  }, [opened, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const days = numberOrNull(form.values.expiresInDays);
    const body = form.validate(CreateApiTokenBodySchema, { name: form.values.name, scopes: form.values.scopes, ...(days ? { expiresInDays: days } : {}) });
    if (!body) return;
    try {
      const created = await create.mutateAsync(body);
      setSecret(created.token);
    } catch (err) {
      form.applyServerError(err, ["name", "scopes", "expiresInDays"], true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={secret ? "API token created" : "New API token"} size="lg">
      {secret ? (
        <Stack gap="md">
          <SecretReveal title="Your new token" value={secret} testId="token-secret" note="Copy it now: Tandem stores only a hash and cannot show it again. Send it as `Authorization: Bearer <token>`." />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {form.formError && <Alert color="red">{form.formError}</Alert>}
            <TextInput label="Name" description="What will use it, e.g. “Website form sync”" required value={form.values.name} error={form.errors.name} onChange={(e) => form.setValue("name", e.currentTarget.value)} data-autofocus />
            <Checkbox.Group label="Scopes" value={form.values.scopes} onChange={(v) => form.setValue("scopes", v)} error={form.errors.scopes}>
              <Group mt={6}>
                <Checkbox value="read" label="Read" />
                <Checkbox value="write" label="Write" />
              </Group>
            </Checkbox.Group>
            <NumberInput label="Expires after (days)" description="Leave empty for a token that never expires" min={1} max={3650} allowDecimal={false} value={form.values.expiresInDays} onChange={(v) => form.setValue("expiresInDays", v)} error={form.errors.expiresInDays} w={220} />
            <Text fz="xs" c="dimmed">
              The token acts as you, with your role, in this workspace.
            </Text>
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
