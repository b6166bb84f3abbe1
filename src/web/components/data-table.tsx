import type { ReactNode } from "react";
import { Box, Button, Center, Group, Paper, Skeleton, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort } from "@tabler/icons-react";

export type Column<T> = {
  key: string;
  header: string;
  /** The API sort key this column sorts by, if sortable. */
  sortKey?: string;
  render: (row: T) => ReactNode;
  width?: number | string;
  align?: "left" | "right" | "center";
};

type Props<T> = {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** The current sort, e.g. `name` or `-createdAt`. */
  sort?: string | null;
  /** Called with a column's sort key when its header is clicked; the page decides the next order. */
  onSort?: (sortKey: string) => void;
  onRowClick?: (row: T) => void;
  /** The href a row opens, so ctrl/middle-click can open it in a new tab. */
  rowHref?: (row: T) => string;
  loading?: boolean;
  empty?: ReactNode;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  footer?: ReactNode;
  testId?: string;
};

function SortHeader({ label, sortKey, sort, onSort }: { label: string; sortKey: string; sort?: string | null; onSort?: (s: string) => void }) {
  const active = sort === sortKey ? "asc" : sort === `-${sortKey}` ? "desc" : null;
  const Icon = active === "asc" ? IconArrowUp : active === "desc" ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton onClick={() => onSort?.(sortKey)} aria-label={`Sort by ${label}`} data-sort={active ?? "none"}>
      <Group gap={4} wrap="nowrap">
        <Text fw={600} fz="xs" tt="uppercase" c={active ? undefined : "dimmed"}>
          {label}
        </Text>
        <Icon size={13} stroke={1.8} style={{ opacity: active ? 1 : 0.45 }} />
      </Group>
    </UnstyledButton>
  );
}

/** A dense, sortable table of records with row links, loading skeleton, empty state and "Load more". */
export function DataTable<T>({ columns, rows, rowKey, sort, onSort, onRowClick, rowHref, loading, empty, hasMore, loadingMore, onLoadMore, footer, testId }: Props<T>) {
  const showSkeleton = loading && rows.length === 0;
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }} data-testid={testId}>
      <Table.ScrollContainer minWidth={720}>
        <Table highlightOnHover={!!onRowClick} verticalSpacing={8} horizontalSpacing="md" fz="sm" stickyHeader>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} w={c.width} ta={c.align} style={{ whiteSpace: "nowrap" }}>
                  {c.sortKey ? (
                    <SortHeader label={c.header} sortKey={c.sortKey} sort={sort} onSort={onSort} />
                  ) : (
                    <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                      {c.header}
                    </Text>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {showSkeleton &&
              Array.from({ length: 8 }, (_, i) => (
                <Table.Tr key={`sk-${i}`}>
                  {columns.map((c) => (
                    <Table.Td key={c.key}>
                      <Skeleton h={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {rows.map((row) => (
              <Table.Tr
                key={rowKey(row)}
                style={onRowClick ? { cursor: "pointer" } : undefined}
                onClick={(e) => {
                  if (!onRowClick) return;
                  if ((e.target as HTMLElement).closest("a,button,input,[role=menuitem]")) return;
                  if (rowHref && (e.metaKey || e.ctrlKey)) {
                    window.open(rowHref(row), "_blank");
                    return;
                  }
                  onRowClick(row);
                }}
              >
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align} style={{ whiteSpace: "nowrap" }}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!loading && rows.length === 0 && <Box p="xl">{empty}</Box>}
      {(hasMore || footer) && (
        <Center py="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Group gap="md">
            {footer}
            {hasMore && (
              <Button variant="default" size="xs" onClick={onLoadMore} loading={loadingMore}>
                Load more
              </Button>
            )}
          </Group>
        </Center>
      )}
    </Paper>
  );
}
