import { useState } from "react";
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { ACCOUNT_REVIEW_STATUSES } from "../../../../shared/contracts/growth.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { formatDateTime, humanize } from "../../../lib/format";
import { reviewStatusColor } from "../components/account-reviews-card";
import { useAccountReviews } from "../hooks/use-growth";

/** Growth → Business reviews: upcoming scheduled reviews (or held / cancelled ones from today on), soonest first. */
export function ReviewsListPage() {
  const [status, setStatus] = useState<string>("scheduled");
  const reviews = useAccountReviews({ query: { status } });
  const items = reviews.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          Reviews from today on. Schedule one from an account's page.
        </Text>
        <SegmentedControl value={status} onChange={setStatus} data={ACCOUNT_REVIEW_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} />
      </Group>
      {items.length === 0 ? (
        <EmptyPanel title={reviews.isLoading ? "Loading…" : "No review here"} description="Business reviews scheduled with customer accounts appear here, soonest first." />
      ) : (
        <Table striped highlightOnHover data-testid="upcoming-reviews">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Review</Table.Th>
              <Table.Th>Attendees</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.scheduledAt)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${r.accountId}`} fz="sm">
                    {r.accountName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{r.title}</Text>
                  {r.agenda && (
                    <Text fz="xs" c="dimmed" lineClamp={1}>
                      {r.agenda}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="xs">{[...r.members.map((m) => m.name), ...r.contacts.map((c) => c.name)].join(", ") || "—"}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={reviewStatusColor(r.status)}>
                    {humanize(r.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
