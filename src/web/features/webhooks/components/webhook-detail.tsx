import { useState } from "react";
import { Alert, Badge, Button, Group, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconEye, IconPencil, IconRefresh, IconSend, IconTrash } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { WebhookEndpoint } from "../../../../shared/contracts/webhooks.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { SecretReveal } from "../../../components/secret-reveal";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useDeleteWebhook, useRotateWebhookSecret, useSendTestWebhook, useUpdateWebhook, useWebhook } from "../hooks/use-webhooks";
import { DeliveryLog } from "./delivery-log";
import { WebhookFormModal } from "./webhook-form-modal";
import { EndpointStatusBadge } from "./webhook-status-badge";

/** One endpoint: its events, secret, on/off switch, rotate/test/edit/delete, and its delivery log. */
export function WebhookDetail({ endpoint, onDeleted }: { endpoint: Serialized<WebhookEndpoint>; onDeleted: () => void }) {
  const [showSecret, setShowSecret] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"delete" | "rotate" | null>(null);
  const withSecret = useWebhook(showSecret ? endpoint.id : null);
  const update = useUpdateWebhook();
  const rotate = useRotateWebhookSecret();
  const test = useSendTestWebhook();
  const remove = useDeleteWebhook();

  const setEnabled = (enabled: boolean) =>
    update.mutate({ id: endpoint.id, patch: { enabled } }, { onError: (err) => notifyError(err), onSuccess: () => notifications.show({ color: "green", message: enabled ? "Endpoint enabled" : "Endpoint disabled; its pending deliveries failed" }) });

  return (
    <Stack gap="md" data-testid="webhook-detail">
      <SectionCard
        title="Endpoint"
        actions={
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconSend size={14} />} disabled={!endpoint.enabled} loading={test.isPending} onClick={() => test.mutate(endpoint.id, { onError: (err) => notifyError(err, "Could not send"), onSuccess: () => notifications.show({ color: "green", message: "Test event queued" }) })}>
              Send test event
            </Button>
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => setConfirm("rotate")}>
              Rotate secret
            </Button>
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirm("delete")}>
              Delete
            </Button>
          </Group>
        }
      >
        <Stack gap="xs">
          <Group gap="sm">
            <Text fw={600} ff="monospace" style={{ overflowWrap: "anywhere" }}>
              {endpoint.url}
            </Text>
            <EndpointStatusBadge enabled={endpoint.enabled} disabledReason={endpoint.disabledReason} />
          </Group>
          {endpoint.description && <Text fz="sm">{endpoint.description}</Text>}
          <Group gap={4}>
            <Text fz="sm" c="dimmed" mr={4}>
              Events:
            </Text>
            {endpoint.events.length === 0 ? (
              <Badge variant="outline">all</Badge>
            ) : (
              endpoint.events.map((e) => (
                <Badge key={e} variant="outline" tt="none">
                  {e}
                </Badge>
              ))
            )}
          </Group>
          {!endpoint.enabled && endpoint.disabledReason && (
            <Alert color="gray" variant="light" title="Disabled">
              {endpoint.disabledReason}
              {endpoint.disabledAt ? ` (${formatDateTime(endpoint.disabledAt)})` : ""}. Enable it to receive events again.
            </Alert>
          )}
          <Switch label="Receive events" checked={endpoint.enabled} disabled={update.isPending} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          {showSecret && withSecret.data ? (
            <SecretReveal title="Signing secret" value={withSecret.data.secret} note="Keep it on your server; it verifies the webhook-signature header." testId="webhook-secret" />
          ) : (
            <Button size="xs" variant="subtle" w="fit-content" leftSection={<IconEye size={14} />} loading={withSecret.isFetching} onClick={() => setShowSecret(true)}>
              Show signing secret
            </Button>
          )}
        </Stack>
      </SectionCard>
      <SectionCard title="Delivery log">
        <DeliveryLog endpointId={endpoint.id} canReplay={endpoint.enabled} />
      </SectionCard>
      <WebhookFormModal opened={editing} onClose={() => setEditing(false)} endpoint={endpoint} />
      <ConfirmDelete
        opened={confirm === "delete"}
        onClose={() => setConfirm(null)}
        title="Delete endpoint"
        message={`Delete ${endpoint.url} and its delivery log? Pending deliveries are dropped.`}
        loading={remove.isPending}
        onConfirm={() => remove.mutate(endpoint.id, { onSuccess: () => (setConfirm(null), onDeleted()) })}
      />
      <ConfirmDelete
        opened={confirm === "rotate"}
        onClose={() => setConfirm(null)}
        title="Rotate signing secret"
        confirmLabel="Rotate"
        message="The current secret stops verifying with the next attempt. Update your receiver right after."
        loading={rotate.isPending}
        onConfirm={() => rotate.mutate(endpoint.id, { onSuccess: () => (setConfirm(null), setShowSecret(true), notifications.show({ color: "green", message: "Secret rotated" })) })}
      />
    </Stack>
  );
}
