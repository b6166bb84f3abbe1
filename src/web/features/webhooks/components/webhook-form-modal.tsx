import { useEffect, useState } from "react";
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { CreateWebhookBodySchema, UpdateWebhookBodySchema, type WebhookEndpoint, type WebhookEventType } from "../../../../shared/contracts/webhooks.js";
import { SecretReveal } from "../../../components/secret-reveal";
import { useFormState } from "../../../lib/use-form-state";
import { useCreateWebhook, useUpdateWebhook } from "../hooks/use-webhooks";
import { EventCheckboxes } from "./event-checkboxes";

type Values = { url: string; description: string; events: WebhookEventType[] };
const FIELDS = ["url", "description", "events"];

const initialValues = (e: Serialized<WebhookEndpoint> | undefined): Values => ({ url: e?.url ?? "", description: e?.description ?? "", events: (e?.events ?? []) as WebhookEventType[] });

/** Registers an endpoint (then shows its signing secret once here) or edits one's URL, note and events. */
export function WebhookFormModal({ opened, onClose, endpoint, onCreated }: { opened: boolean; onClose: () => void; endpoint?: Serialized<WebhookEndpoint>; onCreated?: (id: string) => void }) {
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const form = useFormState<Values>(initialValues(endpoint));
  const { reset } = form;
  const [secret, setSecret] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      reset(initialValues(endpoint));
      setSecret(null);
    }
  }, [opened, endpoint, reset]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      if (endpoint) {
        const body = form.validate(UpdateWebhookBodySchema, { url: form.values.url, description: form.values.description, events: form.values.events });
        if (!body) return;
        await update.mutateAsync({ id: endpoint.id, patch: body });
        notifications.show({ color: "green", message: "Endpoint saved" });
        onClose();
      } else {
        const body = form.validate(CreateWebhookBodySchema, { url: form.values.url, description: form.values.description, events: form.values.events });
        if (!body) return;
        const created = await create.mutateAsync(body);
        setSecret(created.secret);
        onCreated?.(created.id);
      }
    } catch (err) {
      form.applyServerError(err, FIELDS, true);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={endpoint ? "Edit endpoint" : "New webhook endpoint"} size="lg">
      {secret ? (
        <Stack gap="md">
          <SecretReveal title="Signing secret" value={secret} note="Verify each request's webhook-signature with it (see docs/WEBHOOKS.md). Admins can view it again on the endpoint." testId="webhook-secret" />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {form.formError && <Alert color="red">{form.formError}</Alert>}
            <TextInput
              label="Endpoint URL"
              description="https only; it must resolve to a public address"
              required
              value={form.values.url}
              error={form.errors.url}
              onChange={(e) => form.setValue("url", e.currentTarget.value)}
              placeholder="https://hooks.example.com/tandem"
            />
            <TextInput label="Description" value={form.values.description} error={form.errors.description} onChange={(e) => form.setValue("description", e.currentTarget.value)} placeholder="e.g. CRM sync" />
            <EventCheckboxes value={form.values.events} onChange={(events) => form.setValue("events", events)} error={form.errors.events} />
          </Stack>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {endpoint ? "Save" : "Create endpoint"}
            </Button>
          </Group>
        </form>
      )}
    </Modal>
  );
}
