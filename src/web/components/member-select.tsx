import { Select, type SelectProps } from "@mantine/core";
import type { Role } from "../../shared/domain/roles.js";
import { ROLE_LABELS } from "../../shared/domain/roles.js";
import { useMembers } from "../features/users/hooks/use-members";

type Props = Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** Only offer members with these roles. */
  roles?: Role[];
};

/** A searchable picker of workspace members (owner, SDR, ...), showing each member's role. */
export function MemberSelect({ value, onChange, roles, ...rest }: Props) {
  const { members, isLoading } = useMembers();
  const data = members
    .filter((m) => (m.active && (!roles || roles.includes(m.role))) || m.id === value)
    .map((m) => ({ value: m.id, label: `${m.name} · ${ROLE_LABELS[m.role]}` }));
  return <Select searchable clearable data={data} value={value} onChange={onChange} placeholder={isLoading ? "Loading…" : "Anyone"} nothingFoundMessage="No member matches" {...rest} />;
}
