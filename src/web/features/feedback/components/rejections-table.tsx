import { Anchor, Paper, Progress, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { RejectionsResponse } from "../../../../shared/contracts/feedback.js";
import { formatNumber, formatPercent, humanize } from "../../../lib/format";
import { ReasonBar } from "./reason-bar";

type Group = Serialized<RejectionsResponse>["groups"][number];

/** Accepted and rejected MQLs per campaign or source, the rejection rate, and why sales rejected them. */
export function RejectionsTable({ groups, by }: { groups: Group[]; by: "campaign" | "source" }) {
  const sorted = [...groups].sort((a, b) => b.rejected - a.rejected);
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={820}>
        <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="rejections-table">
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {[by === "campaign" ? "Campaign" : "Source", "Accepted", "Rejected", "Rejection rate", "Top reasons"].map((h, i) => (
                <Table.Th key={h} ta={i === 1 || i === 2 ? "right" : undefined}>
                  <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                    {h}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((g) => {
              const rate = g.rejectionRate;
              const color = rate === null ? "gray" : rate >= 0.5 ? "red" : rate >= 0.3 ? "orange" : "teal";
              return (
                <Table.Tr key={g.key}>
                  <Table.Td fw={600}>
                    {g.campaignId ? (
                      <Anchor component={Link} to={`/campaigns/${g.campaignId}`} fz="sm" fw={600}>
                        {g.label}
                      </Anchor>
                    ) : by === "source" ? (
                      humanize(g.label)
                    ) : (
                      g.label
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(g.accepted)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(g.rejected)}</Table.Td>
                  <Table.Td miw={150}>
                    <Text fz="sm" fw={600} c={`${color}.7`}>
                      {formatPercent(rate)}
                    </Text>
                    <Progress value={(rate ?? 0) * 100} color={color} size="xs" radius="sm" />
                  </Table.Td>
                  <Table.Td>
                    <ReasonBar reasons={g.reasons} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
