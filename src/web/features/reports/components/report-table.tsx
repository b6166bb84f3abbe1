import { useState, type ReactNode } from "react";
import { Button, Center, Group, Paper, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconDownload } from "@tabler/icons-react";
import { toCsv } from "../../../../shared/csv.js";
import { SectionCard } from "../../../components/section-card";
import { downloadText, fileSlug } from "../../../lib/download";
import { useSession } from "../../../lib/session";
import { csvHeader, csvValue, type ValueFormat } from "../hooks/report-format";
import type { DrillSpec } from "../hooks/drill-records";
import { useReportFilters } from "../hooks/report-filters";
import { useDrill } from "./drill-drawer";
import { ReportValue } from "./report-value";

export type ReportColumn<T> = {
  key: string;
  header: string;
  format: ValueFormat;
  /** The cell's value: what is shown (formatted), sorted on and exported. */
  value: (row: T) => number | string | null;
  /** A custom cell (a badge, a link); the export still writes `value`. */
  render?: (row: T) => ReactNode;
  /** Why the value can be null for a row ("no MQLs were handed over"), shown on the "—". */
  nullReason?: string | ((row: T) => string);
  /** The records behind the number, opened on click. */
  drill?: (row: T) => DrillSpec | null;
};

type Props<T> = {
  title: ReactNode;
  /** The report's name, for the export's file name (`lead-quality-2026-01-01-to-2026-03-31.csv`). */
  exportName: string;
  columns: ReportColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** What the empty table would be filled by. */
  empty: string;
  actions?: ReactNode;
  footer?: ReactNode;
  testId?: string;
  pageSize?: number;
};

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** A report table: formatted, sortable columns, drillable numbers, nulls as "—" with the reason, and "Export CSV". */
export function ReportTable<T>({ title, exportName, columns, rows, rowKey, empty, actions, footer, testId, pageSize = 25 }: Props<T>) {
  const { workspace } = useSession();
  const { filters } = useReportFilters();
  const drill = useDrill();
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(null);
  const [shown, setShown] = useState(pageSize);
  const sortCol = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const sorted = sortCol ? [...rows].sort((a, b) => compare(sortCol.value(a), sortCol.value(b)) * (sort?.desc ? -1 : 1)) : rows;

  const exportCsv = () => {
    const csv = toCsv(
      columns.map((c) => ({ header: csvHeader(c.header, c.format, workspace.currency), value: (r: T) => csvValue(c.value(r), c.format) })),
      sorted,
    );
    const period = filters.range ? `-${filters.range.from}-to-${filters.range.to}` : "";
    downloadText(`${fileSlug(exportName)}${period}.csv`, csv);
  };

  return (
    <SectionCard
      title={title}
      testId={testId}
      actions={
        <Group gap="xs" wrap="nowrap">
          {actions}
          <Button size="compact-xs" variant="default" leftSection={<IconDownload size={13} />} onClick={exportCsv} disabled={rows.length === 0}>
            Export CSV
          </Button>
        </Group>
      }
    >
      {rows.length === 0 ? (
        <Text fz="sm" c="dimmed" data-testid="report-table-empty">
          {empty}
        </Text>
      ) : (
        <Paper withBorder radius="sm" style={{ overflow: "hidden" }}>
          <Table.ScrollContainer minWidth={Math.max(480, columns.length * 110)}>
            <Table fz="sm" verticalSpacing={6} horizontalSpacing="sm" highlightOnHover data-testid="report-table">
              <Table.Thead bg="var(--mantine-color-default-hover)">
                <Table.Tr>
                  {columns.map((c, i) => {
                    const active = sort?.key === c.key;
                    const Icon = active && sort?.desc ? IconArrowDown : IconArrowUp;
                    return (
                      <Table.Th key={c.key} ta={i > 0 && c.format !== "text" ? "right" : undefined} style={{ whiteSpace: "nowrap" }}>
                        <UnstyledButton onClick={() => setSort(active ? (sort?.desc ? null : { key: c.key, desc: true }) : { key: c.key, desc: false })} aria-label={`Sort by ${c.header}`}>
                          <Group gap={3} wrap="nowrap" justify={i > 0 && c.format !== "text" ? "flex-end" : undefined}>
                            <Text fw={600} fz="xs" tt="uppercase" c={active ? undefined : "dimmed"}>
                              {c.header}
                            </Text>
                            {active && <Icon size={12} />}
                          </Group>
                        </UnstyledButton>
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.slice(0, shown).map((row) => (
                  <Table.Tr key={rowKey(row)}>
                    {columns.map((c, i) => {
                      const spec = c.drill?.(row) ?? null;
                      const reason = typeof c.nullReason === "function" ? c.nullReason(row) : c.nullReason;
                      return (
                        <Table.Td key={c.key} ta={i > 0 && c.format !== "text" ? "right" : undefined} fw={i === 0 ? 600 : undefined} style={{ whiteSpace: "nowrap" }} data-col={c.key}>
                          {c.render ? c.render(row) : <ReportValue value={c.value(row)} format={c.format} nullReason={reason} onDrill={spec ? () => drill(spec) : undefined} />}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {sorted.length > shown && (
            <Center py="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
              <Button variant="default" size="xs" onClick={() => setShown((n) => n + pageSize * 4)}>
                Show more ({sorted.length - shown} left)
              </Button>
            </Center>
          )}
        </Paper>
      )}
      {footer && (
        <Text fz="xs" c="dimmed" mt={6}>
          {footer}
        </Text>
      )}
    </SectionCard>
  );
}
