import { useState } from "react";
import { Stack } from "@mantine/core";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Persona } from "../../../../shared/contracts/enablement-personas.js";
import { PersonaPicker } from "./insight-pickers";
import { InsightsPanel } from "./insights-panel";

/** The insight feed of one persona (the first defined by default), for the personas page. */
export function PersonaInsightsCard({ personas }: { personas: Serialized<Persona>[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  const personaId = picked ?? personas[0]?.id ?? null;
  if (!personaId) return null;
  const name = personas.find((p) => p.id === personaId)?.name ?? "persona";
  return (
    <Stack gap="xs" data-testid="persona-insights">
      <PersonaPicker label="Field insights of persona" value={personaId} onChange={(v) => v && setPicked(v)} clearable={false} w={260} />
      <InsightsPanel key={personaId} scope={{ personaId }} title={`What the field says about ${name}`} />
    </Stack>
  );
}
