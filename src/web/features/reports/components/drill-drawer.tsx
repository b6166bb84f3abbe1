import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { Anchor, Badge, Button, Drawer, Group, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { Link } from "react-router";
import { toCsv } from "../../../../shared/csv.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { downloadText, fileSlug } from "../../../lib/download";
import { formatDate, formatDateTime, formatNumber } from "../../../lib/format";
import { stageLabel } from "../../../lib/labels";
import { notifyError } from "../../../lib/notify";
import { useMoney } from "../../../lib/session";
import { DRILL_PAGE, drillCsvValue, drillFields, fetchAllDrillRecords, fieldKind, fieldLabel, listText, recordHref, useDrillRecords, type DrillRecord, type DrillSpec } from "../hooks/drill-records";
import { useReportFilters, type ReportFilters } from "../hooks/report-filters";

const DrillContext = createContext<((spec: DrillSpec) => void) | null>(null);

/** Opens the drill-down drawer for a number; only under a DrillProvider (the reports pages). */
export function useDrill(): (spec: DrillSpec) => void {
  const open = useContext(DrillContext);
  if (!open) throw new Error("useDrill outside DrillProvider");
  return open;
}

/** Holds the drill-down drawer of a reports page: any number below can open the records behind it. */
export function DrillProvider({ children }: { children: ReactNode }) {
  const [spec, setSpec] = useState<DrillSpec | null>(null);
  const open = useCallback((s: DrillSpec) => setSpec(s), []);
  return (
    <DrillContext.Provider value={open}>
      {children}
      <DrillDrawer spec={spec} onClose={() => setSpec(null)} />
    </DrillContext.Provider>
  );
}

function Cell({ field, value }: { field: string; value: unknown }) {
  const money = useMoney();
  if (value === null || value === undefined) return <Text span c="dimmed">—</Text>;
  if (field === "stage" && typeof value === "string") return <>{stageLabel(value)}</>;
  if (Array.isArray(value)) return <>{listText(value) || "—"}</>;
  switch (fieldKind(field, value)) {
    case "money":
      return <>{money(value as number)}</>;
    case "number":
      return <>{formatNumber(Math.round((value as number) * 100) / 100)}</>;
    case "timestamp":
      return <>{formatDateTime(value as string)}</>;
    case "boolean":
      return <>{value ? "Yes" : "No"}</>;
    default:
      return <>{typeof value === "object" ? JSON.stringify(value) : String(value)}</>;
  }
}

function RecordsTable({ items, spec }: { items: DrillRecord[]; spec: DrillSpec }) {
  const fields = drillFields(items).filter((f) => f !== "name" && f !== "contactName");
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={Math.max(520, (fields.length + 1) * 130)}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="sm" data-testid="drill-table">
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {["Name", ...fields.map(fieldLabel)].map((h) => (
                <Table.Th key={h} style={{ whiteSpace: "nowrap" }}>
                  <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                    {h}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, i) => {
              const href = recordHref(item, spec.kind);
              const name = [item.name, item.contactName, item.email].find((v): v is string => typeof v === "string" && v !== "") ?? "Unnamed";
              return (
                <Table.Tr key={`${String(item.id ?? "")}-${i}`} data-testid="drill-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {href ? (
                      <Anchor component={Link} to={href} fz="sm" fw={600}>
                        {name}
                      </Anchor>
                    ) : (
                      name
                    )}
                  </Table.Td>
                  {fields.map((f) => (
                    <Table.Td key={f} style={{ whiteSpace: "nowrap" }}>
                      <Cell field={f} value={item[f]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

async function exportRecords(spec: DrillSpec, filters: ReportFilters): Promise<void> {
  const { items } = await fetchAllDrillRecords(spec, filters);
  const fields = ["id", ...drillFields(items)];
  const csv = toCsv(
    fields.map((f) => ({ header: f === "id" ? "Id" : fieldLabel(f), value: (r: DrillRecord) => drillCsvValue(r[f]) })),
    items,
  );
  const range = filters.range!;
  downloadText(`${fileSlug(spec.slug ?? spec.report)}-records-${fileSlug(spec.title)}-${range.from}-to-${range.to}.csv`, csv);
}

/** The records behind one number: who or what counts, paged, with links to each record and a CSV export. */
function DrillDrawer({ spec, onClose }: { spec: DrillSpec | null; onClose: () => void }) {
  const { filters } = useReportFilters();
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState(false);
  const key = useMemo(() => JSON.stringify(spec), [spec]);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setOffset(0);
  }
  const records = useDrillRecords(spec, filters, offset);
  const page = records.data;
  return (
    <Drawer opened={spec !== null} onClose={onClose} position="right" size="min(980px, 92vw)" title={<Text fw={650}>{spec?.title ?? ""}</Text>} data-testid="drill-drawer">
      {spec && (
        <Stack gap="sm" data-testid="drill-content">
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" data-testid="drill-total">
              {page ? `${formatNumber(page.total)} record${page.total === 1 ? "" : "s"}` : "Loading…"}
              {filters.range ? ` · ${formatDate(filters.range.from)} – ${formatDate(filters.range.to)}` : ""}
            </Text>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              loading={exporting}
              disabled={!page || page.total === 0}
              onClick={() => {
                setExporting(true);
                exportRecords(spec, filters)
                  .catch((err: unknown) => notifyError(err, "Could not export"))
                  .finally(() => setExporting(false));
              }}
            >
              Export CSV
            </Button>
          </Group>
          {records.isError ? (
            <QueryError error={records.error} onRetry={() => void records.refetch()} />
          ) : !page ? (
            <Skeleton h={320} />
          ) : page.items.length === 0 ? (
            <EmptyPanel title="No records" description="Nothing counts toward this number for the period and filters." />
          ) : (
            <div style={{ opacity: records.isPlaceholderData ? 0.6 : 1 }}>
              <RecordsTable items={page.items} spec={spec} />
            </div>
          )}
          {page && page.total > DRILL_PAGE && (
            <Group justify="space-between">
              <Badge variant="light" color="gray">
                {formatNumber(offset + 1)}–{formatNumber(Math.min(offset + DRILL_PAGE, page.total))} of {formatNumber(page.total)}
              </Badge>
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - DRILL_PAGE))}>
                  Previous
                </Button>
                <Button size="xs" variant="default" disabled={offset + DRILL_PAGE >= page.total} onClick={() => setOffset((o) => o + DRILL_PAGE)}>
                  Next
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
