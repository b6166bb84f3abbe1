import { Fragment, useState } from "react";
import { ActionIcon, Button, Code, Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconInbox, IconRepeat } from "@tabler/icons-react";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { formatDateTime, formatRelative } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useReplayDelivery, useWebhookDeliveries } from "../hooks/use-webhooks";
import { AttemptStatusBadge, DeliveryStatusBadge } from "./webhook-status-badge";

type Delivery = ReturnType<typeof useWebhookDeliveries>["items"][number];

/** One delivery's attempts (time, status, duration, error, response) and the message it carries. */
function DeliveryDetail({ d }: { d: Delivery }) {
  return (
    <Stack gap="xs" p="sm" data-testid="delivery-attempts">
      <Text fz="xs" c="dimmed">
        webhook-id <Code>{d.messageId}</Code>
        {d.nextAttemptAt && d.status === "pending" ? ` · next attempt ${formatRelative(d.nextAttemptAt)}` : ""}
      </Text>
      {d.attemptLog.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Not attempted yet.
        </Text>
      ) : (
        <Table fz="xs" verticalSpacing={4} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>At</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>Error / response</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.attemptLog.map((a) => (
              <Table.Tr key={a.id} data-testid="delivery-attempt">
                <Table.Td>{a.attempt}</Table.Td>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>
                  <AttemptStatusBadge statusCode={a.statusCode} />
                </Table.Td>
                <Table.Td>{a.durationMs} ms</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{a.error ?? a.responseSnippet ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Code block fz="xs" style={{ maxHeight: 220, overflow: "auto" }}>
        {JSON.stringify(d.payload, null, 2)}
      </Code>
    </Stack>
  );
}

/** An endpoint's delivery log, newest first: status, attempts, last error; expand for attempts, replay any delivery. */
export function DeliveryLog({ endpointId, canReplay }: { endpointId: string; canReplay: boolean }) {
  const [status, setStatus] = useState<string>("all");
  const list = useWebhookDeliveries(endpointId, status === "all" ? null : status);
  const replay = useReplayDelivery();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setOpen((prev) => new Set(prev.has(id) ? [...prev].filter((x) => x !== id) : [...prev, id]));

  return (
    <Stack gap="sm">
      <SegmentedControl
        size="xs"
        w="fit-content"
        value={status}
        onChange={setStatus}
        data={[
          { value: "all", label: "All" },
          { value: "pending", label: "Pending" },
          { value: "succeeded", label: "Delivered" },
          { value: "failed", label: "Failed" },
        ]}
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <EmptyPanel icon={<IconInbox size={22} />} title={list.isLoading ? "Loading deliveries…" : "No deliveries yet"} description="Send a test event, or wait for the next lead or deal event." />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={720}>
            <Table fz="sm" verticalSpacing={6} data-testid="delivery-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last result</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((d) => (
                  <Fragment key={d.id}>
                    <Table.Tr data-testid="delivery-row">
                      <Table.Td>
                        <ActionIcon variant="subtle" size="sm" onClick={() => toggle(d.id)} aria-label={open.has(d.id) ? "Hide attempts" : "Show attempts"}>
                          {open.has(d.id) ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td ff="monospace">{d.eventType}</Table.Td>
                      <Table.Td>
                        <DeliveryStatusBadge status={d.status} />
                      </Table.Td>
                      <Table.Td>{d.attempts}</Table.Td>
                      <Table.Td c="dimmed" maw={260} style={{ overflowWrap: "anywhere" }}>
                        {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "—")}
                      </Table.Td>
                      <Table.Td c="dimmed">{formatRelative(d.createdAt)}</Table.Td>
                      <Table.Td ta="right">
                        {canReplay && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconRepeat size={12} />}
                            loading={replay.isPending && replay.variables === d.id}
                            onClick={() => replay.mutate(d.id, { onError: (err) => notifyError(err, "Could not replay") })}
                          >
                            Replay
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {open.has(d.id) && (
                      <Table.Tr>
                        <Table.Td colSpan={7} bg="var(--mantine-color-gray-light)">
                          <DeliveryDetail d={d} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
