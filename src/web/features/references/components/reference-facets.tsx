import { Badge, Group, Stack, Switch, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ReferenceFacets as Facets } from "../../../../shared/contracts/enablement-references.js";
import { humanize } from "../../../lib/format";
import type { ReferenceFilters } from "../hooks/use-references";

const FACETS: { key: keyof Facets; label: string }[] = [
  { key: "industry", label: "Industry" },
  { key: "size", label: "Size" },
  { key: "region", label: "Region" },
  { key: "product", label: "Product" },
  { key: "useCase", label: "Use case" },
];

/** Facet counts of the current reference search; clicking a value filters by it, clicking it again clears it. */
export function ReferenceFacets({ facets, filters, onChange }: { facets: Serialized<Facets>; filters: ReferenceFilters; onChange: (f: ReferenceFilters) => void }) {
  return (
    <Stack gap="md" data-testid="reference-facets">
      <Switch label="Available this quarter" checked={!!filters.available} onChange={(e) => onChange({ ...filters, available: e.currentTarget.checked || undefined })} data-testid="available-only" />
      {FACETS.map(({ key, label }) => (
        <div key={key}>
          <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>{label}</Text>
          {facets[key].length === 0 ? (
            <Text fz="sm" c="dimmed">—</Text>
          ) : (
            <Group gap={6}>
              {facets[key].slice(0, 12).map((f) => {
                const active = filters[key] === f.value;
                return (
                  <Badge
                    key={f.value}
                    component="button"
                    variant={active ? "filled" : "light"}
                    style={{ cursor: "pointer", textTransform: "none", maxWidth: 220 }}
                    onClick={() => onChange({ ...filters, [key]: active ? undefined : f.value })}
                    aria-pressed={active}
                  >
                    {key === "size" ? humanize(f.value) : f.value} · {f.count}
                  </Badge>
                );
              })}
            </Group>
          )}
        </div>
      ))}
    </Stack>
  );
}
