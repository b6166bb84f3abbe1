import { Badge, Text, Tooltip } from "@mantine/core";
import { DataTable, type Column } from "../../../components/data-table";
import { EmptyPanel } from "../../../components/empty-panel";
import { formatDateTime, formatNumber, formatPercent, formatRelative } from "../../../lib/format";
import { useMembers } from "../../users/hooks/use-members";
import type { ModelSummary } from "../hooks/use-predictive-model";

const fixed = (n: number | null) => (n === null ? "—" : n.toFixed(3));

/** Every trained version with its held-out metrics, who asked for it (or the nightly schedule) and when. */
export function ModelHistoryTable({ models, loading }: { models: ModelSummary[]; loading: boolean }) {
  const { byId } = useMembers();
  const columns: Column<ModelSummary>[] = [
    { key: "version", header: "Version", render: (m) => <Text fz="sm" fw={600}>Version {m.version}</Text>, width: 110 },
    { key: "status", header: "Status", render: (m) => <Badge variant="light" color={m.status === "active" ? "green" : "gray"}>{m.status}</Badge>, width: 120 },
    { key: "auc", header: "AUC", align: "right", render: (m) => fixed(m.auc) },
    { key: "brier", header: "Brier", align: "right", render: (m) => fixed(m.brier) },
    { key: "accuracy", header: "Accuracy", align: "right", render: (m) => formatPercent(m.accuracy) },
    { key: "outcomes", header: "Won / lost", align: "right", render: (m) => `${formatNumber(m.positives)} / ${formatNumber(m.negatives)}` },
    { key: "by", header: "Trained by", render: (m) => (m.trainedBy ? (byId.get(m.trainedBy)?.name ?? "Former member") : "Nightly schedule") },
    {
      key: "at",
      header: "Trained",
      render: (m) => (
        <Tooltip label={formatDateTime(m.trainedAt)} openDelay={300}>
          <Text fz="sm" c="dimmed">
            {formatRelative(m.trainedAt)}
          </Text>
        </Tooltip>
      ),
    },
  ];
  return <DataTable testId="model-history" columns={columns} rows={models} rowKey={(m) => m.id} loading={loading} empty={<EmptyPanel title="No model trained yet" />} />;
}
