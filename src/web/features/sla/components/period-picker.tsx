import { Group, Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useUrlState } from "../../../lib/use-url-state";
import { PRESET_LABELS, periodRange, type PeriodPreset } from "../hooks/periods";

/** The period kept in the URL (`period`, and `from`/`to` for custom dates) as the API's from/to, or null while incomplete. */
export function usePeriod(presets: readonly PeriodPreset[], fallback: PeriodPreset) {
  const url = useUrlState();
  const raw = url.get("period") as PeriodPreset | null;
  const preset = raw && presets.includes(raw) ? raw : fallback;
  const custom = { from: url.get("from"), to: url.get("to") };
  return { preset, custom, range: periodRange(preset, custom), url };
}

type Props = { presets: readonly PeriodPreset[]; fallback: PeriodPreset };

/** A period select (this month, last month, this quarter, … or custom dates) stored in the URL. */
export function PeriodPicker({ presets, fallback }: Props) {
  const { preset, custom, url } = usePeriod(presets, fallback);
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label="Period"
        w={170}
        allowDeselect={false}
        data={presets.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
        value={preset}
        onChange={(v) => url.setMany({ period: v === fallback ? null : v, from: null, to: null })}
      />
      {preset === "custom" && (
        <>
          <DatePickerInput aria-label="From" placeholder="From" valueFormat="MMM D, YYYY" value={custom.from} onChange={(v) => url.set("from", v)} w={150} />
          <DatePickerInput aria-label="To" placeholder="To (inclusive)" valueFormat="MMM D, YYYY" value={custom.to} minDate={custom.from ?? undefined} onChange={(v) => url.set("to", v)} w={150} />
        </>
      )}
    </Group>
  );
}
