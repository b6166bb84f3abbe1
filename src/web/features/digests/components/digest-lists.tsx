import { Anchor, Badge, Group, Progress, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatNumber, formatPercent } from "../../../lib/format";
import type { DigestData } from "../hooks/use-digests";

type Content = DigestData["content"];

/** The reasons sales gave most often for rejecting leads this week, with their share of the rejections. */
export function DigestRejections({ reasons }: { reasons: Content["rejectionReasons"] }) {
  return (
    <SectionCard title="Top rejection reasons" testId="digest-rejections" actions={<Anchor component={Link} to="/feedback" fz="xs">All rejections</Anchor>}>
      {reasons.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Sales rejected no lead this week.
        </Text>
      ) : (
        <Stack gap="sm">
          {reasons.map((r) => (
            <div key={r.code ?? r.label} data-testid="rejection-reason">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fz="sm">{r.label}</Text>
                <Text fz="sm" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {formatNumber(r.count)} · {formatPercent(r.share)}
                </Text>
              </Group>
              <Progress value={r.share * 100} color="orange" size="sm" mt={4} aria-label={`${r.label}: ${formatPercent(r.share)} of rejections`} />
            </div>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/** Review actions due within two weeks of the digest (and overdue ones), as they stood when it was sent. */
export function DigestReviewActions({ actions }: { actions: Content["reviewActions"] }) {
  return (
    <SectionCard title="Review actions coming due" testId="digest-review-actions" actions={<Anchor component={Link} to="/reports/reviews" fz="xs">Joint reviews</Anchor>}>
      {actions.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No open review action was due within two weeks.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.title}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{a.ownerName}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Group gap={6} wrap="nowrap">
                    {formatDate(a.dueOn)}
                    {a.overdue && (
                      <Badge color="red" size="sm">
                        Overdue
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
