import { useState } from "react";
import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { WEEKDAYS } from "../../../../shared/contracts/business-calendar.js";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { QueryError } from "../../../components/query-error";
import { useTeams } from "../../settings/hooks/use-users-admin";
import { WEEK_ORDER } from "../hooks/calendar-draft";
import { useBusinessCalendars, useDeleteTeamCalendar, type StoredCalendar } from "../hooks/use-business-calendars";
import { CalendarEditorModal } from "./calendar-editor-modal";

/** A calendar's week in one line: "Mon–Fri 09:00–17:00 · Europe/Berlin · 8 holidays". */
export function describeCalendar(c: StoredCalendar["calendar"]): string {
  const groups: string[] = [];
  let i = 0;
  while (i < WEEK_ORDER.length) {
    const day = WEEK_ORDER[i]!;
    const hours = c.weeklyHours[day].map((x) => `${x.start}–${x.end}`).join(", ");
    let j = i;
    while (j + 1 < WEEK_ORDER.length && c.weeklyHours[WEEK_ORDER[j + 1]!].map((x) => `${x.start}–${x.end}`).join(", ") === hours) j++;
    if (hours) groups.push(`${cap(day)}${j > i ? `–${cap(WEEK_ORDER[j]!)}` : ""} ${hours}`);
    i = j + 1;
  }
  const open = WEEKDAYS.some((d) => c.weeklyHours[d].length) ? groups.join("; ") : "Closed all week";
  return `${open} · ${c.timezone} · ${c.holidays.length} holiday${c.holidays.length === 1 ? "" : "s"}`;
}

const cap = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);

type Editing = { calendar: StoredCalendar; teamId: string | null; title: string };

/** The default business calendar and teams' own ones; admins edit them, give a team its own hours or drop them. */
export function CalendarsSection({ canEdit }: { canEdit: boolean }) {
  const calendars = useBusinessCalendars();
  const teams = useTeams();
  const remove = useDeleteTeamCalendar();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dropping, setDropping] = useState<StoredCalendar | null>(null);
  if (calendars.isError) return <QueryError error={calendars.error} onRetry={() => void calendars.refetch()} />;
  const data = calendars.data;
  const own = new Map((data?.teams ?? []).map((c) => [c.teamId, c]));

  return (
    <Stack gap="xs">
      <div>
        <Title order={4} fz="md">
          Business hours
        </Title>
        <Text fz="sm" c="dimmed">
          SLA durations count only open business time. Teams follow the default unless they have their own hours.
        </Text>
      </div>
      {data && (
        <Paper withBorder radius="md" p="sm" data-testid="calendar-default">
          <Group justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={600} fz="sm">
                  {data.default.name}
                </Text>
                <Badge size="xs" variant="light" color="gray">
                  Default
                </Badge>
                {!data.default.stored && (
                  <Badge size="xs" variant="outline" color="gray">
                    Built-in
                  </Badge>
                )}
              </Group>
              <Text fz="sm" c="dimmed">
                {describeCalendar(data.default.calendar)}
              </Text>
            </div>
            {canEdit && (
              <Button size="xs" variant="default" onClick={() => setEditing({ calendar: data.default, teamId: null, title: "Default business hours" })}>
                Edit
              </Button>
            )}
          </Group>
        </Paper>
      )}
      {data &&
        (teams.data ?? []).map((t) => {
          const cal = own.get(t.id);
          return (
            <Paper key={t.id} withBorder radius="md" p="sm" data-testid="calendar-team">
              <Group justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} fz="sm">
                    {t.name}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {cal ? `${cal.name}: ${describeCalendar(cal.calendar)}` : "Follows the default"}
                  </Text>
                </div>
                {canEdit && (
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing({ calendar: cal ?? { ...data.default, name: `${t.name} hours`, teamId: t.id, teamName: t.name }, teamId: t.id, title: `${t.name}: business hours` })}
                    >
                      {cal ? "Edit" : "Set own hours"}
                    </Button>
                    {cal && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDropping(cal)}>
                        Use default
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
            </Paper>
          );
        })}
      <CalendarEditorModal opened={editing !== null} onClose={() => setEditing(null)} calendar={editing?.calendar ?? null} teamId={editing?.teamId ?? null} title={editing?.title ?? ""} />
      <ConfirmDelete
        opened={!!dropping}
        onClose={() => setDropping(null)}
        title="Use the default hours"
        message={`Drop ${dropping?.teamName ?? "this team"}'s own hours? The team's SLA timers will count the default business hours.`}
        confirmLabel="Use default"
        loading={remove.isPending}
        onConfirm={() => dropping?.teamId && remove.mutate(dropping.teamId, { onSuccess: () => setDropping(null) })}
      />
    </Stack>
  );
}
