import { useState } from "react";
import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { IconDownload, IconLock } from "@tabler/icons-react";
import type { CompStatement } from "../../../../shared/contracts/team.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { toCsv } from "../../../../shared/csv.js";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { downloadText } from "../../../lib/download";
import { formatDate } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { useCompStatements, useFinaliseStatement } from "../hooks/use-comp";
import { monthOf, monthsBack, recentMonths } from "../hooks/months";

type Statement = Serialized<CompStatement>;
const KIND_LABELS = { meeting: "Meeting", deal: "Won deal", clawback: "Clawback" } as const;

/** The statements as CSV: one record per line, with the rep, plan and month. */
function exportCsv(month: string, items: Statement[]) {
  const rows = items.flatMap((s) => s.lines.map((l) => ({ s, l })));
  const csv = toCsv(
    [
      { header: "Rep", value: (r: (typeof rows)[number]) => r.s.userName },
      { header: "Month", value: (r) => r.s.month },
      { header: "Plan", value: (r) => r.s.planName },
      { header: "Status", value: (r) => r.s.status },
      { header: "Line", value: (r) => KIND_LABELS[r.l.kind] },
      { header: "Description", value: (r) => r.l.label },
      { header: "Date", value: (r) => r.l.at },
      { header: "Base", value: (r) => r.l.base },
      { header: "Amount", value: (r) => r.l.amount },
    ],
    rows,
  );
  downloadText(`commission-statements-${month}.csv`, csv);
}

/** Monthly commission statements at /team/statements: every rep's for managers (who finalise them), one's own otherwise. */
export function StatementsPage() {
  const me = useSession();
  const money = useMoney();
  const manager = can(me.role, "manageCompPlans");
  const current = monthOf(new Date(), me.workspace.timezone);
  const [month, setMonth] = useState(monthsBack(current, 1));
  const statements = useCompStatements(month);
  const finalise = useFinaliseStatement();
  const items = statements.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Select label="Month" data={recentMonths(current, 24)} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} w={160} data-testid="statement-month" />
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={items.length === 0} onClick={() => exportCsv(month, items)}>
          Export CSV
        </Button>
      </Group>
      {statements.isError && <QueryError error={statements.error} onRetry={() => void statements.refetch()} />}
      {!statements.isLoading && items.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" fz="sm">
            {manager ? "Nobody is on a commission plan: put reps on a plan under Commission plans." : "You are not on a commission plan."}
          </Text>
        </Paper>
      )}
      {items.map((s) => (
        <SectionCard
          key={s.userId}
          testId="statement"
          title={
            <Group gap="xs">
              <span>{s.userName}</span>
              <Badge variant="light" color={s.status === "final" ? "teal" : "gray"}>
                {s.status === "final" ? `final ${formatDate(s.finalisedAt)}` : "draft"}
              </Badge>
              <Text span fz="xs" c="dimmed" tt="none">
                {s.planName}
              </Text>
            </Group>
          }
          actions={
            manager && s.status === "draft" && month < current ? (
              <Button size="xs" variant="light" leftSection={<IconLock size={14} />} loading={finalise.isPending} onClick={() => finalise.mutate({ userId: s.userId, month })}>
                Finalise
              </Button>
            ) : null
          }
        >
          {s.lines.length === 0 ? (
            <Text fz="sm" c="dimmed">
              Nothing earned this month.
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th ta="right">Base</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.map((l) => (
                  <Table.Tr key={`${l.kind}-${l.refId}`}>
                    <Table.Td>{formatDate(l.at)}</Table.Td>
                    <Table.Td>{KIND_LABELS[l.kind]}</Table.Td>
                    <Table.Td>{l.label}</Table.Td>
                    <Table.Td ta="right">{l.kind === "meeting" ? "1 meeting" : money(l.base)}</Table.Td>
                    <Table.Td ta="right" c={l.amount < 0 ? "red" : undefined}>
                      {money(l.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end" mt="xs">
            <Text fw={700} data-testid="statement-total">
              Total {money(s.total)}
            </Text>
          </Group>
        </SectionCard>
      ))}
    </Stack>
  );
}
