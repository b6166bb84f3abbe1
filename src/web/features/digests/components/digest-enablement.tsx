import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { formatNumber } from "../../../lib/format";
import type { DigestData } from "../hooks/use-digests";

type Content = DigestData["content"];
const PRIORITY_COLORS: Record<string, string> = { high: "red", medium: "yellow", low: "gray" };
const STATUS_LABELS: Record<string, string> = { new: "New", accepted: "Accepted", in_progress: "In progress", delivered: "Delivered", declined: "Declined", reviewed: "Reviewed", actioned: "Actioned" };

function WeekCount({ total, previous, noun }: { total: number; previous: number; noun: string }) {
  return (
    <Text fz="sm" c="dimmed">
      {formatNumber(total)} {noun} this week (week before: {formatNumber(previous)})
    </Text>
  );
}

/** The field insights sales submitted in the week, most-voted first: what marketing should read. */
export function DigestInsights({ insights }: { insights: NonNullable<Content["fieldInsights"]> }) {
  return (
    <SectionCard title="New field insights" testId="digest-insights" actions={<Anchor component={Link} to="/insights" fz="xs">All insights</Anchor>}>
      <Stack gap="sm">
        <WeekCount total={insights.total} previous={insights.previous} noun={insights.total === 1 ? "insight" : "insights"} />
        {insights.items.map((i) => (
          <div key={i.id} data-testid="digest-insight">
            <Group gap={6} mb={2}>
              <Badge size="xs" variant="light">{i.label}</Badge>
              {i.competitorName && <Badge size="xs" variant="light" color="red">{i.competitorName}</Badge>}
              {i.personaName && <Badge size="xs" variant="light" color="grape">{i.personaName}</Badge>}
              <Text fz="xs" c="dimmed">
                {i.submittedByName}
                {i.accountName ? ` · ${i.accountName}` : ""} · {formatNumber(i.votes)} {i.votes === 1 ? "vote" : "votes"} · {STATUS_LABELS[i.status] ?? i.status}
              </Text>
            </Group>
            <Text fz="sm">{i.text}</Text>
          </div>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** The content requests sales opened in the week, high priority first, and how many still wait for marketing. */
export function DigestContentRequests({ requests }: { requests: NonNullable<Content["contentRequests"]> }) {
  return (
    <SectionCard title="Content requests from sales" testId="digest-content-requests" actions={<Anchor component={Link} to="/content/requests" fz="xs">Requests board</Anchor>}>
      <Stack gap="sm">
        <WeekCount total={requests.total} previous={requests.previous} noun={requests.total === 1 ? "request" : "requests"} />
        <Text fz="sm">
          <b>{formatNumber(requests.open)}</b> waiting for marketing (new, accepted or in progress) when the digest was sent.
        </Text>
        {requests.items.length > 0 && (
          <Table fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Request</Table.Th>
                <Table.Th>Asked by</Table.Th>
                <Table.Th>Priority</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.items.map((r) => (
                <Table.Tr key={r.id} data-testid="digest-content-request">
                  <Table.Td>
                    {r.title}
                    {(r.dealName || r.competitor || r.persona) && (
                      <Text fz="xs" c="dimmed">
                        {[r.dealName, r.persona, r.competitor].filter(Boolean).join(" · ")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{r.requestedByName}</Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light" color={PRIORITY_COLORS[r.priority] ?? "gray"}>{r.priority}</Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{STATUS_LABELS[r.status] ?? r.status}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
