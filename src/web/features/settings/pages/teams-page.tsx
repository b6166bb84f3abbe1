import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { CreateTeamBodySchema } from "../../../../shared/contracts/users.js";
import { EmptyPanel } from "../../../components/empty-panel";
import { QueryError } from "../../../components/query-error";
import { formatNumber, humanize } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { useFormState } from "../../../lib/use-form-state";
import { useCreateTeam, useTeams } from "../hooks/use-users-admin";

function CreateTeamForm() {
  const create = useCreateTeam();
  const form = useFormState({ name: "", side: "sales" });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body = form.validate(CreateTeamBodySchema, form.values);
    if (!body) return;
    try {
      await create.mutateAsync(body);
      form.reset({ name: "", side: form.values.side });
    } catch (err) {
      form.applyServerError(err, ["name", "side"], true);
    }
  };
  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput aria-label="Team name" placeholder="New team name, e.g. EMEA AEs" value={form.values.name} error={form.errors.name ?? form.formError} onChange={(e) => form.setValue("name", e.currentTarget.value)} w={280} />
          <SegmentedControl value={form.values.side} onChange={(v) => form.setValue("side", v)} data={[{ value: "sales", label: "Sales side" }, { value: "marketing", label: "Marketing side" }]} />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
            Create team
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

/** Settings → Teams at /settings/teams: teams by side with member counts; admins create them. */
export function TeamsPage() {
  const can = useAbilities();
  const teams = useTeams();
  return (
    <Stack gap="md">
      {can.canManageUsers && <CreateTeamForm />}
      {teams.isError ? (
        <QueryError error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (teams.data ?? []).length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyPanel icon={<IconUsersGroup size={22} />} title={teams.isLoading ? "Loading teams…" : "No teams yet"} description="Teams group members for routing, SLAs and reporting by side." />
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table fz="sm" verticalSpacing={8} horizontalSpacing="md" data-testid="teams-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Team</Table.Th>
                <Table.Th>Side</Table.Th>
                <Table.Th ta="right">Members</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(teams.data ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {t.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={t.side === "sales" ? "green" : "blue"}>
                      {humanize(t.side)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(t.memberCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
