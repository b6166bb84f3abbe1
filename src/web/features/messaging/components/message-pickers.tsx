import { Select, type SelectProps } from "@mantine/core";
import { MESSAGE_KINDS, MESSAGE_KIND_LABELS } from "../../../../shared/contracts/enablement-messages.js";
import { usePersonaList } from "../../../lib/use-persona-names";
import { useProducts } from "../../growth/hooks/use-growth";

type Pick = Omit<SelectProps, "data" | "value" | "onChange"> & { value: string | null; onChange: (v: string | null) => void };

export const MESSAGE_KIND_OPTIONS = MESSAGE_KINDS.map((k) => ({ value: k, label: MESSAGE_KIND_LABELS[k] }));

/** A picker of the defined personas (by id). */
export function MessagePersonaPicker({ value, onChange, ...rest }: Pick) {
  const list = usePersonaList();
  return <Select searchable clearable data={(list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} value={value} onChange={onChange} nothingFoundMessage="No persona defined" {...rest} />;
}

/** A picker of the catalogue's products (by id; retired products stay pickable when already chosen). */
export function MessageProductPicker({ value, onChange, ...rest }: Pick) {
  const list = useProducts();
  const data = (list.data?.items ?? []).filter((p) => p.active || p.id === value).map((p) => ({ value: p.id, label: p.name }));
  return <Select searchable clearable data={data} value={value} onChange={onChange} nothingFoundMessage="No product in the catalogue" {...rest} />;
}
