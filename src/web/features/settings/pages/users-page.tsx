import { useMemo } from "react";
import { Avatar, Badge, Button, Group, Menu, MultiSelect, SegmentedControl, Select, Stack, Text, ActionIcon } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDots, IconUserOff, IconUserCheck, IconUserPlus } from "@tabler/icons-react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { User } from "../../../../shared/contracts/users.js";
import { ROLES, ROLE_LABELS, type Role } from "../../../../shared/domain/roles.js";
import { DataTable, type Column } from "../../../components/data-table";
import { pagingProps } from "../../../lib/use-cursor-list";
import { EmptyPanel } from "../../../components/empty-panel";
import { SearchInput } from "../../../components/search-input";
import { formatDate, initials } from "../../../lib/format";
import { notifyError } from "../../../lib/notify";
import { useAbilities, useSession } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { AddMemberModal } from "../components/add-member-modal";
import { AdminOnlyNotice } from "../components/admin-only-notice";
import { InvitationsCard } from "../components/invitations-card";
import { useTeams, useUpdateUser, useUsers } from "../hooks/use-users-admin";
import { ExportCsvButton } from "../../../components/export-csv-button";

type Row = Serialized<User>;
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function UsersAdmin() {
  const me = useSession();
  const url = useUrlState();
  const teams = useTeams();
  const update = useUpdateUser();
  const [addOpen, add] = useDisclosure(false);
  const query = useMemo(() => ({ q: url.get("q") ?? undefined, role: url.getList("role"), active: url.get("active") ?? "true", sort: url.get("sort") ?? "name", limit: "100" }), [url]);
  const list = useUsers(query);
  const teamOptions = (teams.data ?? []).map((t) => ({ value: t.id, label: t.name }));

  const change = (u: Row, body: Parameters<typeof update.mutate>[0]["body"], done?: string) =>
    update.mutate({ id: u.id, body }, { onSuccess: () => done && notifications.show({ color: "green", message: done }), onError: (e) => notifyError(e) });

  const columns: Column<Row>[] = [
    {
      key: "name",
      header: "Member",
      sortKey: "name",
      render: (u) => (
        <Group gap="sm" wrap="nowrap">
          <Avatar size={30} radius="xl" color={u.active ? "indigo" : "gray"}>
            {initials(u.name)}
          </Avatar>
          <div>
            <Text fz="sm" fw={600}>
              {u.name} {u.id === me.user.id && <Badge size="xs" variant="outline" ml={4}>you</Badge>}
            </Text>
            <Text fz="xs" c="dimmed">
              {u.email}
            </Text>
          </div>
        </Group>
      ),
    },
    { key: "title", header: "Title", render: (u) => <Text fz="sm">{u.title ?? "—"}</Text> },
    {
      key: "role",
      header: "Role",
      width: 170,
      render: (u) => <Select size="xs" w={140} aria-label={`Role of ${u.name}`} data={ROLE_OPTIONS} value={u.role} allowDeselect={false} disabled={u.id === me.user.id} onChange={(r) => r && r !== u.role && change(u, { role: r as Role }, `${u.name} is now ${ROLE_LABELS[r as Role]}`)} />,
    },
    {
      key: "team",
      header: "Team",
      width: 190,
      render: (u) => <Select size="xs" w={170} aria-label={`Team of ${u.name}`} data={teamOptions} value={u.teamId} placeholder="No team" clearable onChange={(t) => t !== u.teamId && change(u, { teamId: t })} />,
    },
    { key: "status", header: "Status", render: (u) => <Badge variant="light" color={u.active ? "green" : "gray"}>{u.active ? "Active" : "Deactivated"}</Badge> },
    { key: "created", header: "Joined", sortKey: "createdAt", render: (u) => <Text fz="sm" c="dimmed">{formatDate(u.createdAt)}</Text> },
    {
      key: "actions",
      header: "",
      width: 50,
      render: (u) =>
        u.id === me.user.id ? null : (
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${u.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {u.active ? (
                <Menu.Item color="red" leftSection={<IconUserOff size={16} />} onClick={() => change(u, { active: false }, `${u.name} deactivated`)}>
                  Deactivate
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => change(u, { active: true }, `${u.name} reactivated`)}>
                  Reactivate
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <SearchInput value={url.get("q") ?? ""} onSearch={(q) => url.set("q", q, { replace: true })} placeholder="Search name or e-mail…" width={240} />
          <MultiSelect aria-label="Role" placeholder={url.getList("role").length ? undefined : "Any role"} data={ROLE_OPTIONS} value={url.getList("role")} onChange={(v) => url.set("role", v)} clearable w={220} />
          <SegmentedControl aria-label="Status" value={url.get("active") ?? "true"} onChange={(v) => url.set("active", v === "true" ? null : v)} data={[{ value: "true", label: "Active" }, { value: "false", label: "Deactivated" }]} />
        </Group>
        <Group gap="xs">
          <ExportCsvButton path="/users/export.csv" query={query} />
          <Button leftSection={<IconUserPlus size={16} />} onClick={add.open}>
            Add member
          </Button>
        </Group>
      </Group>
      <InvitationsCard />
      <DataTable
        testId="users-table"
        columns={columns}
        rows={list.items}
        rowKey={(u) => u.id}
        sort={url.get("sort") ?? "name"}
        onSort={(k) => url.toggleSort(k, "name")}
        {...pagingProps(list)}
        empty={<EmptyPanel title="No members match" description="Try another search or status." />}
      />
      <AddMemberModal opened={addOpen} onClose={add.close} />
    </Stack>
  );
}

/** Settings → Users at /settings/users: admins list, add, invite, re-role, re-team and deactivate members. */
export function UsersPage() {
  const can = useAbilities();
  return can.canManageUsers ? <UsersAdmin /> : <AdminOnlyNotice what="manage users" />;
}
