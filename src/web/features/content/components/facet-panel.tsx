import { Badge, Group, Stack, Text } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { AssetFacets } from "../../../../shared/contracts/enablement-content.js";
import { humanize } from "../../../lib/format";
import type { SearchFilters } from "../hooks/use-content";

const FACETS: { key: keyof AssetFacets & keyof SearchFilters; label: string; filter: keyof SearchFilters }[] = [
  { key: "stage", label: "Buying stage", filter: "stage" },
  { key: "persona", label: "Persona", filter: "persona" },
  { key: "competitor", label: "Competitor", filter: "competitor" },
  { key: "product", label: "Product", filter: "product" },
  { key: "format", label: "Format", filter: "format" },
];

/** Facet counts of the current search; clicking a value filters by it, clicking it again clears it. */
export function FacetPanel({ facets, filters, onChange }: { facets: Serialized<AssetFacets>; filters: SearchFilters; onChange: (f: SearchFilters) => void }) {
  return (
    <Stack gap="md" data-testid="facets">
      {FACETS.map(({ key, label, filter }) => (
        <div key={key}>
          <Text fz="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>{label}</Text>
          {facets[key].length === 0 ? (
            <Text fz="sm" c="dimmed">—</Text>
          ) : (
            <Group gap={6}>
              {facets[key].map((f) => {
                const active = filters[filter] === f.value;
                return (
                  <Badge
                    key={f.value}
                    component="button"
                    variant={active ? "filled" : "light"}
                    style={{ cursor: "pointer", textTransform: "none" }}
                    onClick={() => onChange({ ...filters, [filter]: active ? undefined : f.value })}
                    aria-pressed={active}
                  >
                    {key === "persona" || key === "competitor" || key === "product" ? f.value : humanize(f.value)} · {f.count}
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
