import { useMemo } from "react";
import { Anchor, Badge, Code, Group, HoverCard, Select, Text } from "@mantine/core";
import { Link } from "react-router";
import { IconHistory } from "@tabler/icons-react";
import type { AuditEntry } from "../../../../shared/contracts/audit.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { DataTable, type Column } from "../../../components/data-table";
import { pagingProps } from "../../../lib/use-cursor-list";
import { EmptyPanel } from "../../../components/empty-panel";
import { MemberSelect } from "../../../components/member-select";
import { QueryError } from "../../../components/query-error";
import { formatDateTime, humanize } from "../../../lib/format";
import { useAbilities } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { AdminOnlyNotice } from "../components/admin-only-notice";
import { useAuditLog } from "../hooks/use-audit-log";
import { ExportCsvButton } from "../../../components/export-csv-button";

type Row = Serialized<AuditEntry>;
const ENTITIES = ["user", "membership", "invitation", "team", "api_token", "session", "workspace", "account", "contact", "deal", "campaign", "campaign_cost", "touchpoint"];

function Changes({ changes }: { changes: Record<string, unknown> | null }) {
  if (!changes || Object.keys(changes).length === 0) return <Text fz="xs" c="dimmed">—</Text>;
  const keys = Object.keys(changes);
  return (
    <HoverCard width={420} shadow="md" position="left">
      <HoverCard.Target>
        <Text fz="xs" c="dimmed" style={{ cursor: "help" }} truncate maw={260}>
          {keys.join(", ")}
        </Text>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <Code block style={{ maxHeight: 320, overflow: "auto" }}>
          {JSON.stringify(changes, null, 2)}
        </Code>
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

const RECORD_PATHS: Record<string, string> = { contact: "/contacts", account: "/accounts", deal: "/deals", campaign: "/campaigns" };

// UUIDv7 ids share their leading timestamp digits, so the tail is what tells records apart.
function RecordRef({ entity, id }: { entity: string; id: string | null }) {
  const path = RECORD_PATHS[entity];
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm">{humanize(entity)}</Text>
      {id && (path ? <Anchor component={Link} to={`${path}/${id}`} fz="xs" ff="monospace">…{id.slice(-8)}</Anchor> : <Code fz="xs">…{id.slice(-8)}</Code>)}
    </Group>
  );
}

function AuditLog() {
  const url = useUrlState();
  const query = useMemo(() => ({ entity: url.get("entity") ?? undefined, actorUserId: url.get("actorUserId") ?? undefined, sort: url.get("sort") ?? "-at", limit: "100" }), [url]);
  const list = useAuditLog(query);

  const columns: Column<Row>[] = [
    { key: "at", header: "When", sortKey: "at", width: 200, render: (e) => <Text fz="sm">{formatDateTime(e.at)}</Text> },
    { key: "actor", header: "Actor", render: (e) => <Text fz="sm">{e.actorName ?? (e.actorTokenId ? "API token" : "System")}</Text> },
    { key: "action", header: "Action", render: (e) => <Badge variant="light" color={e.action.includes("delete") || e.action.includes("revoke") ? "red" : "indigo"}>{e.action}</Badge> },
    { key: "entity", header: "Record", render: (e) => <RecordRef entity={e.entity} id={e.entityId} /> },
    { key: "changes", header: "Changes", render: (e) => <Changes changes={e.changes} /> },
  ];

  return (
    <>
      <Group gap="sm" mb="md">
        <Select aria-label="Record type" placeholder="Any record type" data={ENTITIES.map((e) => ({ value: e, label: humanize(e) }))} value={url.get("entity")} onChange={(v) => url.set("entity", v)} clearable searchable w={220} />
        <MemberSelect aria-label="Actor" placeholder="Anyone" value={url.get("actorUserId")} onChange={(v) => url.set("actorUserId", v)} w={220} />
        <ExportCsvButton path="/audit/export.csv" query={query} />
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable
          testId="audit-table"
          columns={columns}
          rows={list.items}
          rowKey={(e) => e.id}
          sort={url.get("sort") ?? "-at"}
          onSort={(k) => url.toggleSort(k, "-at")}
          {...pagingProps(list)}
          empty={<EmptyPanel icon={<IconHistory size={22} />} title="No audit entries" description="Sign-ins, member changes, token use and record changes are recorded here." />}
        />
      )}
    </>
  );
}

/** Settings → Audit log at /settings/audit: who did what and when; admins and managers only. */
export function AuditPage() {
  const can = useAbilities();
  return can.canViewAudit ? <AuditLog /> : <AdminOnlyNotice what="read the audit log" who="admins and managers" />;
}
