import { Button, Group, MultiSelect, Popover, Stack, TextInput } from "@mantine/core";
import { IconAdjustmentsHorizontal } from "@tabler/icons-react";
import { STAGES } from "../../../../shared/domain/lifecycle.js";
import { MemberSelect } from "../../../components/member-select";
import { SearchInput } from "../../../components/search-input";
import { codeOptions, stageLabel } from "../../../lib/labels";
import type { useUrlState } from "../../../lib/use-url-state";

const STAGE_OPTIONS = codeOptions(STAGES, stageLabel);
const GRADE_OPTIONS = ["A", "B", "C", "D"].map((g) => ({ value: g, label: `Grade ${g}` }));

/** The contact list's search box and filters, all read from and written to the URL. */
export function ContactFilters({ url }: { url: ReturnType<typeof useUrlState> }) {
  const extra = ["sdrId", "persona", "source"].filter((k) => url.get(k)).length;
  return (
    <Group gap="sm" wrap="wrap" mb="md">
      <SearchInput value={url.get("q") ?? ""} onSearch={(q) => url.set("q", q, { replace: true })} placeholder="Search name, e-mail, company…" />
      <MultiSelect
        aria-label="Stage"
        placeholder={url.getList("stage").length ? undefined : "All stages"}
        data={STAGE_OPTIONS}
        value={url.getList("stage")}
        onChange={(v) => url.set("stage", v)}
        clearable
        w={240}
        maxDropdownHeight={360}
      />
      <MultiSelect aria-label="Fit grade" placeholder={url.getList("fitGrade").length ? undefined : "Any fit"} data={GRADE_OPTIONS} value={url.getList("fitGrade")} onChange={(v) => url.set("fitGrade", v)} clearable w={170} />
      <MemberSelect aria-label="Owner" placeholder="Any owner" value={url.get("ownerId")} onChange={(v) => url.set("ownerId", v)} w={200} />
      <Popover position="bottom-start" shadow="md" width={280}>
        <Popover.Target>
          <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={16} />}>
            More filters{extra ? ` (${extra})` : ""}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm">
            <MemberSelect label="SDR" placeholder="Any SDR" roles={["sdr", "manager", "admin"]} value={url.get("sdrId")} onChange={(v) => url.set("sdrId", v)} comboboxProps={{ withinPortal: false }} />
            <TextInput label="Persona" placeholder="e.g. IT leader" defaultValue={url.get("persona") ?? ""} onBlur={(e) => url.set("persona", e.currentTarget.value.trim())} />
            <TextInput label="Source" placeholder="e.g. webinar" defaultValue={url.get("source") ?? ""} onBlur={(e) => url.set("source", e.currentTarget.value.trim())} />
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
