import { Anchor, Group, Stack, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { IconCheck, IconClockHour4 } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { formatDate, formatDateTime, formatRelative } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useMembers } from "../../users/hooks/use-members";
import type { Definition } from "../hooks/use-lead-definitions";
import { DefinitionStatusBadge } from "./definition-status-badge";

function Approval({ by, at, status, name }: { by: string | null; at: string | null; status: string; name: (id: string) => string }) {
  if (by) {
    return (
      <Tooltip label={formatDateTime(at)} openDelay={300}>
        <Group gap={6} wrap="nowrap">
          <ThemeIcon size={18} radius="xl" color="green" variant="light">
            <IconCheck size={12} />
          </ThemeIcon>
          <Text fz="sm">
            {name(by)}{" "}
            <Text span fz="xs" c="dimmed">
              {formatDate(at)}
            </Text>
          </Text>
        </Group>
      </Tooltip>
    );
  }
  if (status === "proposed") {
    return (
      <Group gap={6} wrap="nowrap">
        <ThemeIcon size={18} radius="xl" color="orange" variant="light">
          <IconClockHour4 size={12} />
        </ThemeIcon>
        <Text fz="sm" c="orange.8">
          Pending
        </Text>
      </Group>
    );
  }
  return (
    <Text fz="sm" c="dimmed">
      —
    </Text>
  );
}

/** Every version of the agreement with its status, who proposed it and each side's approval. */
export function VersionsTable({ versions, loading }: { versions: Definition[]; loading: boolean }) {
  const navigate = useNavigate();
  const me = useSession();
  const { byId } = useMembers();
  const name = (id: string) => (id === me.user.id ? "You" : (byId.get(id)?.name ?? "Former member"));
  const columns: Column<Definition>[] = [
    {
      key: "version",
      header: "Version",
      render: (d) => (
        <Anchor component={Link} to={`/agreement/${d.id}`} fw={600} fz="sm">
          Version {d.version}
        </Anchor>
      ),
      width: 110,
    },
    { key: "status", header: "Status", render: (d) => <DefinitionStatusBadge status={d.status} />, width: 150 },
    {
      key: "proposed",
      header: "Proposed by",
      render: (d) =>
        d.proposedBy ? (
          <Stack gap={0}>
            <Text fz="sm">{name(d.proposedBy)}</Text>
            <Text fz="xs" c="dimmed">
              {formatDate(d.proposedAt)}
            </Text>
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            Not proposed yet
          </Text>
        ),
    },
    { key: "marketing", header: "Marketing approval", render: (d) => <Approval by={d.marketingApprovedBy} at={d.marketingApprovedAt} status={d.status} name={name} /> },
    { key: "sales", header: "Sales approval", render: (d) => <Approval by={d.salesApprovedBy} at={d.salesApprovedAt} status={d.status} name={name} /> },
    {
      key: "when",
      header: "Last change",
      render: (d) => (
        <Tooltip label={formatDateTime(d.activatedAt ?? d.updatedAt)} openDelay={300}>
          <Text fz="sm" c="dimmed">
            {d.status === "active" ? `Active since ${formatDate(d.activatedAt)}` : formatRelative(d.updatedAt)}
          </Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <DataTable
      testId="versions-table"
      columns={columns}
      rows={versions}
      rowKey={(d) => d.id}
      loading={loading}
      onRowClick={(d) => navigate(`/agreement/${d.id}`)}
      rowHref={(d) => `/agreement/${d.id}`}
      empty={<EmptyPanel title="No versions yet" description="Draft the first version: it starts from common B2B rules that both sides can edit." />}
    />
  );
}
