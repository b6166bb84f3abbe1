import { useEffect, useRef } from "react";
import { ActionIcon, Anchor, Checkbox, Group, Paper, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { InboxItem, LeadAction } from "../../../../shared/contracts/feedback.js";
import { FitGradeBadge } from "../../../components/fit-grade-badge";
import { StageBadge } from "../../../components/stage-badge";
import { formatDecimal, humanize } from "../../../lib/format";
import { SlaCountdown } from "../../sla/components/sla-countdown";
import { ACTION_META, isActionAllowed } from "../hooks/action-labels";

export type Item = Serialized<InboxItem>;

// Rows offer the two answers to an MQL; recycle and disqualify sit in the side panel and on the keyboard.
const ICONS = { accept: IconCheck, reject: IconX } as const;

type Props = {
  items: Item[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  now: number;
  /** Due minutes per policy id, to turn a countdown yellow in its last quarter. */
  dueByPolicy: ReadonlyMap<string, number>;
  busyId: string | null;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onToggleAll: (on: boolean) => void;
  onAction: (item: Item, action: LeadAction) => void;
};

function RowActions({ item, busy, onAction }: { item: Item; busy: boolean; onAction: Props["onAction"] }) {
  return (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      {(Object.keys(ICONS) as (keyof typeof ICONS)[]).map((action) => {
        const Icon = ICONS[action];
        const meta = ACTION_META[action];
        const allowed = isActionAllowed(action, item.stage);
        return (
          <Tooltip key={action} label={allowed ? `${meta.label} (${meta.key})` : "Only an MQL is accepted or rejected"} openDelay={300}>
            <ActionIcon
              variant="subtle"
              color={meta.color}
              size="sm"
              aria-label={`${meta.label} ${item.name}`}
              disabled={!allowed || busy}
              loading={busy && action === "accept"}
              onClick={(e) => {
                e.stopPropagation();
                onAction(item, action);
              }}
            >
              <Icon size={15} />
            </ActionIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** The inbox list: one row per lead with its SLA countdown, stage, grade, engagement, source and the four actions. */
export function InboxTable({ items, selectedId, checked, now, dueByPolicy, busyId, onSelect, onToggle, onToggleAll, onAction }: Props) {
  const selectedRow = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);
  const allChecked = items.length > 0 && items.every((i) => checked.has(i.contactId));

  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={700}>
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="sm" data-testid="inbox-table" stickyHeader>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox size="xs" aria-label="Select all leads" checked={allChecked} indeterminate={!allChecked && checked.size > 0} onChange={(e) => onToggleAll(e.currentTarget.checked)} />
              </Table.Th>
              {["Lead", "SLA (business)", "Stage", "Fit · eng.", "Source", "Tries", ""].map((h) => (
                <Table.Th key={h} ta={h === "Tries" ? "right" : undefined} style={{ whiteSpace: "nowrap" }} title={h === "Tries" ? "Sales attempts since the lead became an MQL" : h === "Fit · eng." ? "Fit grade and engagement score" : undefined}>
                  <Text fw={600} fz="xs" tt="uppercase" c="dimmed">
                    {h}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const selected = item.contactId === selectedId;
              return (
                <Table.Tr
                  key={item.contactId}
                  ref={selected ? selectedRow : undefined}
                  aria-selected={selected}
                  data-testid="inbox-row"
                  data-selected={selected || undefined}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest("a,button,input")) return;
                    onSelect(item.contactId);
                  }}
                  style={{
                    cursor: "pointer",
                    background: selected ? "var(--mantine-color-indigo-light)" : undefined,
                    boxShadow: selected ? "inset 3px 0 0 var(--mantine-color-indigo-6)" : undefined,
                  }}
                >
                  <Table.Td>
                    <Checkbox size="xs" aria-label={`Select ${item.name}`} checked={checked.has(item.contactId)} onChange={() => onToggle(item.contactId)} />
                  </Table.Td>
                  <Table.Td maw={190}>
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/contacts/${item.contactId}`} fz="sm" fw={600} truncate>
                        {item.name}
                      </Anchor>
                      <Text fz="xs" c="dimmed" truncate>
                        {[item.title, item.accountName].filter(Boolean).join(" · ") || item.email || "—"}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {item.timer ? <SlaCountdown timer={item.timer} now={now} dueMinutes={dueByPolicy.get(item.timer.policyId)} /> : <Text fz="xs" c="dimmed">No timer</Text>}
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={item.stage} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <FitGradeBadge grade={item.fitGrade} />
                      <Text fz="sm">{formatDecimal(item.engagementScore)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td maw={140}>
                    <Text fz="sm" truncate>
                      {item.campaignName ?? humanize(item.source)}
                    </Text>
                    {item.campaignName && (
                      <Text fz="xs" c="dimmed" truncate>
                        {[humanize(item.source), item.channel ? humanize(item.channel) : null].filter((x) => x && x !== "—").join(" · ")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{item.attempts}</Table.Td>
                  <Table.Td>
                    <RowActions item={item} busy={busyId === item.contactId} onAction={onAction} />
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
