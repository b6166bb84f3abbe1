import { useState } from "react";
import { Badge, Button, Stack } from "@mantine/core";
import { BarChart } from "@mantine/charts";
import { IconPlus } from "@tabler/icons-react";
import { useNavigate, useSearchParams } from "react-router";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Brief } from "../../../../shared/contracts/enablement-briefs.js";
import { can } from "../../../../shared/domain/permissions.js";
import { DataTable, type Column } from "../../../components/data-table";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatPercent } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { BriefComposeModal } from "../components/brief-compose-modal";
import { useBriefs } from "../hooks/use-briefs";

type Row = Serialized<Brief>;

function myStatus(b: Row): string {
  if (!b.mine) return "—";
  if (b.mine.acknowledgedAt && b.mine.checkPassedAt) return "Ready";
  return b.mine.acknowledgedAt ? "Check to pass" : "To acknowledge";
}

const COLUMNS: Column<Row>[] = [
  { key: "campaign", header: "Campaign", render: (b) => b.campaignName },
  { key: "starts", header: "Launch", render: (b) => formatDate(b.startsOn) },
  { key: "status", header: "Status", render: (b) => <Badge variant="light" color={b.status === "published" ? "teal" : "gray"}>{b.status}</Badge> },
  { key: "ready", header: "Ready", align: "right", render: (b) => `${b.readiness.ready} / ${b.readiness.inScope}` },
  { key: "share", header: "Readiness", align: "right", render: (b) => formatPercent(b.readiness.share) },
  { key: "flag", header: "At launch", render: (b) => (b.flaggedAt ? <Badge color="red">Below threshold</Badge> : b.launchCheckedAt ? <Badge color="teal" variant="light">OK</Badge> : "—") },
  { key: "mine", header: "You", render: myStatus },
];

/** Campaign briefs at /briefs: readiness per campaign (chart), the briefs, and a new brief for marketing. */
export function BriefsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const list = useBriefs();
  // The campaign page's "Write one" opens the composer on its campaign (`?compose=<campaignId>`).
  const [params] = useSearchParams();
  const composeFor = params.get("compose");
  const mayWrite = can(me.role, "manageEnablement");
  const [open, setOpen] = useState(mayWrite && !!composeFor);
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];
  const published = rows.filter((b) => b.status === "published");
  const threshold = rows[0]?.readiness.threshold ?? 0.8;
  return (
    <>
      <PageHeader
        title="Campaign briefs"
        description="Each brief goes to the reps in scope before launch; a rep is ready once they acknowledged it and passed its check."
        actions={
          mayWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
              New brief
            </Button>
          )
        }
      />
      <Stack gap="md">
        {published.length > 0 && (
          <SectionCard title={`Readiness per campaign (threshold ${formatPercent(threshold)})`} testId="readiness-chart">
            <BarChart
              h={240}
              data={published.map((b) => ({ campaign: b.campaignName, readiness: Math.round((b.readiness.share ?? 0) * 1000) / 10 }))}
              dataKey="campaign"
              unit="%"
              yAxisProps={{ domain: [0, 100] }}
              referenceLines={[{ y: threshold * 100, label: "Threshold", color: "red.6" }]}
              series={[{ name: "readiness", label: "Reps ready", color: "indigo.6" }]}
            />
          </SectionCard>
        )}
        <DataTable columns={COLUMNS} rows={rows} rowKey={(b) => b.id} loading={list.isLoading} onRowClick={(b) => void navigate(`/briefs/${b.id}`)} rowHref={(b) => `/briefs/${b.id}`} testId="briefs-table" />
      </Stack>
      {open && <BriefComposeModal opened onClose={() => setOpen(false)} initialCampaignId={composeFor} />}
    </>
  );
}
