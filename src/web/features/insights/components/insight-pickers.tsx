import { Select, type SelectProps } from "@mantine/core";
import { INSIGHT_KINDS, INSIGHT_KIND_LABELS } from "../../../../shared/domain/insights.js";
import { usePersonaList } from "../../../lib/use-persona-names";
import { useCompetitors } from "../../competitors/hooks/use-competitors";

type Pick = Omit<SelectProps, "data" | "value" | "onChange"> & { value: string | null; onChange: (v: string | null) => void };

export const KIND_OPTIONS = INSIGHT_KINDS.map((k) => ({ value: k, label: INSIGHT_KIND_LABELS[k] }));

/** A picker of the defined personas (by id). */
export function PersonaPicker({ value, onChange, ...rest }: Pick) {
  const list = usePersonaList();
  return <Select searchable clearable data={(list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={value} onChange={onChange} nothingFoundMessage="No persona defined" {...rest} />;
}

/** A picker of the competitor profiles (by id). */
export function CompetitorPicker({ value, onChange, ...rest }: Pick) {
  const list = useCompetitors();
  return <Select searchable clearable data={(list.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={value} onChange={onChange} nothingFoundMessage="No competitor profile" {...rest} />;
}
