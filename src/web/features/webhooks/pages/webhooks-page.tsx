import { Alert, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconWebhook } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { formatRelative } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { WebhookDetail } from "../components/webhook-detail";
import { WebhookFormModal } from "../components/webhook-form-modal";
import { EndpointStatusBadge } from "../components/webhook-status-badge";
import { useWebhooks } from "../hooks/use-webhooks";

/** Settings → Webhooks at /settings/webhooks: signed event delivery to outside systems, with each endpoint's log. */
export function WebhooksPage() {
  const me = useSession();
  const isAdmin = can(me.role, "manageWebhooks");
  const endpoints = useWebhooks(isAdmin);
  const [params, setParams] = useSearchParams();
  const [createOpen, create] = useDisclosure(false);
  const items = isAdmin ? (endpoints.data ?? []) : [];
  const selectedId = params.get("endpoint") ?? items[0]?.id ?? null;
  const selected = items.find((e) => e.id === selectedId) ?? null;
  const select = (id: string | null) => setParams(id ? { endpoint: id } : {}, { replace: true });

  if (!isAdmin) return <Alert color="gray">Only admins manage webhooks.</Alert>;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed" maw={720}>
          Tandem posts lead, SLA and deal events to your endpoints, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Failed deliveries are retried for about a day; an endpoint that answers 410 Gone is disabled.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
          New endpoint
        </Button>
      </Group>
      {endpoints.isError ? (
        <QueryError error={endpoints.error} onRetry={() => void endpoints.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconWebhook size={22} />} title={endpoints.isLoading ? "Loading endpoints…" : "No webhook endpoints"} description="Add an https endpoint to receive lead.mql, deal.won and other events." />
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={760}>
            <Table fz="sm" verticalSpacing={8} highlightOnHover data-testid="webhooks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>URL</Table.Th>
                  <Table.Th>Events</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Pending</Table.Th>
                  <Table.Th>Failed</Table.Th>
                  <Table.Th>Last event</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id} onClick={() => select(e.id)} style={{ cursor: "pointer" }} bg={e.id === selected?.id ? "var(--mantine-primary-color-light)" : undefined} data-testid="webhook-row">
                    <Table.Td ff="monospace" maw={360} style={{ overflowWrap: "anywhere" }}>
                      {e.url}
                      {e.description && (
                        <Text fz="xs" c="dimmed" ff="inherit">
                          {e.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.events.length === 0 ? "all" : e.events.length}</Table.Td>
                    <Table.Td>
                      <EndpointStatusBadge enabled={e.enabled} disabledReason={e.disabledReason} />
                    </Table.Td>
                    <Table.Td>{e.pendingCount}</Table.Td>
                    <Table.Td c={e.failedCount ? "red" : undefined}>{e.failedCount}</Table.Td>
                    <Table.Td c="dimmed">{e.lastDeliveryAt ? formatRelative(e.lastDeliveryAt) : "never"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {selected && <WebhookDetail key={selected.id} endpoint={selected} onDeleted={() => select(null)} />}
      <WebhookFormModal opened={createOpen} onClose={create.close} onCreated={select} />
    </Stack>
  );
}
