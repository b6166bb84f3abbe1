import { Badge, Group, Paper, Select, Skeleton, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconArrowRight, IconEqual, IconMinus, IconPencil, IconPlus } from "@tabler/icons-react";
import type { DiffLine } from "../../../../shared/domain/definition-diff.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { definitionStatusLabel } from "../../../lib/agreement-labels";
import { useDefinitionDiff, type Definition } from "../hooks/use-lead-definitions";

const AREAS: { area: DiffLine["area"]; label: string }[] = [
  { area: "mql", label: "MQL rule" },
  { area: "fit", label: "Fit rules" },
  { area: "grades", label: "Grades" },
  { area: "engagement", label: "Engagement rules" },
  { area: "decay", label: "Fading" },
];

const KINDS = {
  added: { icon: IconPlus, color: "green", label: "Added" },
  removed: { icon: IconMinus, color: "red", label: "Removed" },
  changed: { icon: IconPencil, color: "orange", label: "Changed" },
} as const;

function Line({ line }: { line: DiffLine }) {
  const kind = KINDS[line.kind];
  const [before, after] = line.kind === "changed" ? line.text.split(/\s+⟶\s+/) : [line.text, undefined];
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="diff-line" data-kind={line.kind}>
      <ThemeIcon color={kind.color} variant="light" size={22} radius="xl" aria-label={kind.label}>
        <kind.icon size={13} />
      </ThemeIcon>
      {after === undefined ? (
        <Text fz="sm" td={line.kind === "removed" ? "line-through" : undefined} c={line.kind === "removed" ? "dimmed" : undefined} style={{ overflowWrap: "anywhere" }}>
          {before}
        </Text>
      ) : (
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz="sm" c="dimmed" td="line-through" style={{ overflowWrap: "anywhere" }}>
            {before}
          </Text>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconArrowRight size={14} style={{ marginTop: 4, flexShrink: 0 }} />
            <Text fz="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
              {after}
            </Text>
          </Group>
        </Stack>
      )}
    </Group>
  );
}

/** What a version changes against the active one, or against any other version picked in the selector. */
export function DefinitionDiffCard({ definition, versions, against, onAgainstChange, hasUnsavedChanges }: { definition: Definition; versions: Definition[]; against: string | null; onAgainstChange: (id: string | null) => void; hasUnsavedChanges: boolean }) {
  const diff = useDefinitionDiff(definition.id, against);
  const others = versions.filter((v) => v.id !== definition.id);
  const active = versions.find((v) => v.status === "active");
  const options = others.map((v) => ({ value: v.id, label: `Version ${v.version} · ${definitionStatusLabel(v.status)}` }));
  const lines = diff.data?.lines ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="definition-diff">
      <Group justify="space-between" align="flex-end" mb="md">
        <div>
          <Text fw={650}>What changes</Text>
          <Text fz="sm" c="dimmed">
            {diff.data?.from ? `Version ${definition.version} compared with version ${diff.data.from.version}.` : diff.data ? "Nothing to compare with: every rule is listed as new." : "Comparing…"}
            {hasUnsavedChanges ? " Unsaved edits are not included until you save." : ""}
          </Text>
        </div>
        <Select
          label="Compare with"
          w={260}
          data={options}
          value={against ?? (active && active.id !== definition.id ? active.id : null)}
          onChange={(v) => onAgainstChange(v)}
          placeholder={others.length ? "Pick a version" : "No other version"}
          disabled={!others.length}
          allowDeselect={false}
        />
      </Group>
      {diff.isError ? (
        <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
      ) : diff.isLoading ? (
        <Stack gap="xs">
          <Skeleton h={18} />
          <Skeleton h={18} w="80%" />
          <Skeleton h={18} w="60%" />
        </Stack>
      ) : lines.length === 0 ? (
        <EmptyPanel icon={<IconEqual size={22} />} title="No differences" description="Both versions score leads exactly the same way." />
      ) : (
        <Stack gap="md">
          {AREAS.filter((a) => lines.some((l) => l.area === a.area)).map((a) => (
            <Stack key={a.area} gap={8}>
              <Group gap="xs">
                <Text fz="xs" fw={650} tt="uppercase" c="dimmed">
                  {a.label}
                </Text>
                <Badge size="xs" variant="light" color="gray">
                  {lines.filter((l) => l.area === a.area).length}
                </Badge>
              </Group>
              {lines
                .filter((l) => l.area === a.area)
                .map((l, i) => (
                  <Line key={`${a.area}-${i}`} line={l} />
                ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
