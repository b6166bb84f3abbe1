import { useEffect, useMemo, useState } from "react";
import { ActionIcon, Alert, Badge, Button, Group, Modal, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { DatePickerInput, TimeInput } from "@mantine/dates";
import { notifications } from "@mantine/notifications";
import { IconX } from "@tabler/icons-react";
import { BusinessCalendarSchema, type Weekday } from "../../../../shared/contracts/business-calendar.js";
import { ApiError, errorMessage } from "../../../lib/api-error";
import { formatDate } from "../../../lib/format";
import { friendlyMessage } from "../../../lib/use-form-state";
import { DAY_LABELS, WEEK_ORDER, calendarFieldOf, timeZones, toCalendar, toCalendarDraft, type CalendarDraft, type DayDraft } from "../hooks/calendar-draft";
import { usePutCalendar, type StoredCalendar } from "../hooks/use-business-calendars";

type Props = { opened: boolean; onClose: () => void; calendar: StoredCalendar | null; teamId: string | null; title: string };

function DayRow({ day, value, error, onChange }: { day: Weekday; value: DayDraft; error?: string; onChange: (v: DayDraft) => void }) {
  return (
    <div data-testid={`day-${day}`}>
      <Group wrap="nowrap" gap="sm" align="center">
        <Switch label={DAY_LABELS[day]} checked={value.open} onChange={(e) => onChange({ ...value, open: e.currentTarget.checked })} w={140} />
        {value.open ? (
          <>
            <TimeInput aria-label={`${DAY_LABELS[day]} opens`} value={value.start} onChange={(e) => onChange({ ...value, start: e.currentTarget.value })} w={110} size="xs" />
            <Text fz="sm" c="dimmed">
              to
            </Text>
            <TimeInput aria-label={`${DAY_LABELS[day]} closes`} value={value.end} onChange={(e) => onChange({ ...value, end: e.currentTarget.value })} w={110} size="xs" />
            {value.extra.map((x) => (
              <Badge key={`${x.start}-${x.end}`} variant="outline" color="gray" title="Another interval of this day, kept as it is">
                + {x.start}–{x.end}
              </Badge>
            ))}
          </>
        ) : (
          <Text fz="sm" c="dimmed">
            Closed
          </Text>
        )}
      </Group>
      {error && (
        <Text fz="xs" c="red" ml={150}>
          {error}
        </Text>
      )}
    </div>
  );
}

/** Edits a business calendar: name, IANA time zone, open hours per weekday and the holidays. */
export function CalendarEditorModal({ opened, onClose, calendar, teamId, title }: Props) {
  const put = usePutCalendar();
  const [draft, setDraft] = useState<CalendarDraft | null>(null);
  const [holiday, setHoliday] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => timeZones(draft?.timezone ?? "UTC"), [draft?.timezone]);

  useEffect(() => {
    if (!opened || !calendar) return;
    setDraft(toCalendarDraft(calendar.name, calendar.calendar));
    setErrors({});
    setFormError(null);
    setHoliday(null);
  }, [opened, calendar]);

  if (!draft) return null;
  const set = (patch: Partial<CalendarDraft>) => setDraft({ ...draft, ...patch });

  const show = (issues: { path: string; message: string }[]) => {
    const next: Record<string, string> = {};
    const rest: string[] = [];
    for (const i of issues) {
      const field = calendarFieldOf(i.path);
      if (field) next[field] ??= i.message;
      else rest.push(i.path ? `${i.path}: ${i.message}` : i.message);
    }
    setErrors(next);
    setFormError(rest.length ? rest.join("; ") : null);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = { name: draft.name.trim() || undefined, calendar: toCalendar(draft) };
    const checked = BusinessCalendarSchema.safeParse(body.calendar);
    if (!checked.success) return show(checked.error.issues.map((i) => ({ path: ["calendar", ...i.path.map(String)].join("."), message: friendlyMessage(i) })));
    try {
      await put.mutateAsync({ teamId, body });
      notifications.show({ color: "green", message: "Business hours saved" });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.details.length) show(err.details.map((d) => ({ path: d.path.replace(/^body\./, ""), message: d.message })));
      else setFormError(errorMessage(err));
    }
  };

  const addHoliday = () => {
    if (!holiday || draft.holidays.includes(holiday)) return setHoliday(null);
    set({ holidays: [...draft.holidays, holiday].sort() });
    setHoliday(null);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && <Alert color="red">{formError}</Alert>}
          <Group grow align="flex-start">
            <TextInput label="Name" value={draft.name} error={errors.name} onChange={(e) => set({ name: e.currentTarget.value })} />
            <Select label="Time zone" searchable allowDeselect={false} data={zones} value={draft.timezone} error={errors.timezone} onChange={(v) => v && set({ timezone: v })} limit={200} />
          </Group>
          <Text fz="sm" fw={600} mt="xs">
            Open hours
          </Text>
          {errors.weeklyHours && (
            <Text fz="xs" c="red">
              {errors.weeklyHours}
            </Text>
          )}
          {WEEK_ORDER.map((d) => (
            <DayRow key={d} day={d} value={draft.days[d]} error={errors[d]} onChange={(v) => set({ days: { ...draft.days, [d]: v } })} />
          ))}
          <Text fz="sm" fw={600} mt="xs">
            Holidays
          </Text>
          <Group gap="xs" align="flex-end">
            <DatePickerInput aria-label="Holiday" placeholder="Pick a date" valueFormat="MMM D, YYYY" value={holiday} onChange={setHoliday} w={180} />
            <Button variant="default" onClick={addHoliday} disabled={!holiday}>
              Add holiday
            </Button>
          </Group>
          {errors.holidays && (
            <Text fz="xs" c="red">
              {errors.holidays}
            </Text>
          )}
          <Group gap={6} data-testid="holidays">
            {draft.holidays.length === 0 && (
              <Text fz="sm" c="dimmed">
                No holidays.
              </Text>
            )}
            {draft.holidays.map((h) => (
              <Badge
                key={h}
                variant="light"
                color="gray"
                rightSection={
                  <ActionIcon size="xs" variant="transparent" color="gray" aria-label={`Remove ${formatDate(h)}`} onClick={() => set({ holidays: draft.holidays.filter((x) => x !== h) })}>
                    <IconX size={12} />
                  </ActionIcon>
                }
              >
                {formatDate(h)}
              </Badge>
            ))}
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={put.isPending}>
              Save hours
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
