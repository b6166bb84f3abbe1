import { useState } from "react";
import { Anchor, Badge, Button, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { Link } from "react-router";
import type { RideAlong } from "../../../../shared/contracts/enablement-insights.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { can } from "../../../../shared/domain/permissions.js";
import { DataTable, type Column } from "../../../components/data-table";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { formatDate } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { pagingProps } from "../../../lib/use-cursor-list";
import { InsightsTabs } from "../components/insights-tabs";
import { RideAlongFormModal } from "../components/ride-along-form-modal";
import { useRideAlongs } from "../hooks/use-insights";

type Row = Serialized<RideAlong>;

/** Ride-alongs at /insights/ride-alongs: marketing joining reps' calls and meetings, newest first. */
export function RideAlongsPage() {
  const me = useSession();
  const list = useRideAlongs({ limit: 50 });
  const [recording, setRecording] = useState(false);
  const columns: Column<Row>[] = [
    { key: "occurredOn", header: "Date", render: (r) => <Anchor component={Link} to={`/insights/ride-alongs/${r.id}`} fz="sm" fw={600}>{formatDate(r.occurredOn)}</Anchor> },
    { key: "reps", header: "Reps joined", render: (r) => <Text fz="sm">{r.reps.map((p) => p.name ?? "—").join(", ")}</Text> },
    { key: "on", header: "Account / deal", render: (r) => <Text fz="sm">{[r.accountName, r.dealName].filter(Boolean).join(" · ") || "—"}</Text> },
    { key: "notes", header: "Notes", render: (r) => <Text fz="sm" lineClamp={2} maw={420}>{r.notes}</Text> },
    { key: "insights", header: "Insights", align: "right", render: (r) => <Badge variant="light">{r.insightCount}</Badge> },
    { key: "by", header: "Recorded by", render: (r) => <Text fz="sm">{r.recordedByName}</Text> },
  ];
  return (
    <>
      <PageHeader
        title="Field insights"
        description="Ride-alongs: marketing joins reps on calls and meetings and turns what it hears into insights."
        actions={can(me.role, "recordRideAlongs") && <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)} data-testid="record-ride-along">Record a ride-along</Button>}
      />
      <InsightsTabs />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable columns={columns} rows={list.items} rowKey={(r) => r.id} testId="ride-alongs-table" empty="No ride-alongs recorded yet." {...pagingProps(list)} />
      )}
      {recording && <RideAlongFormModal opened today={new Date().toISOString().slice(0, 10)} onClose={() => setRecording(false)} />}
    </>
  );
}
