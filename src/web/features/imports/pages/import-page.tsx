import { useEffect, useState } from "react";
import { Alert, Anchor, Button, Group, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useParams } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import type { ImportPreview } from "../../../../shared/contracts/imports.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import { IMPORT_FIELDS, type ImportEntity, type ImportMapping } from "../../../../shared/domain/imports.js";
import { can } from "../../../../shared/domain/permissions.js";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { StatCard } from "../../../components/stat-card";
import { formatNumber } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { isImportSettled, useImport, useStartImport } from "../hooks/use-imports";
import { ImportStatusBadge } from "../components/import-status-badge";

/** /imports/:id: the mapping editor (the preset's proposal), dry run or start, live progress and the accounting. */
// How rows find the records they update (docs/IMPORTS.md).
const MATCHING: Record<ImportEntity, string> = {
  accounts: "Rows are matched to existing accounts by external id, then domain.",
  contacts: "Rows are matched to existing contacts by external id, then e-mail.",
  deals: "Rows are matched to existing deals by external id, then name within the account; each deal needs an account (external id, domain or name) that exists. Closed deals need a close date; win and loss reasons must be in your reason codes.",
  campaigns: "Rows are matched to existing campaigns by external id, then name. The actual cost becomes one imported cost line.",
  touchpoints: "Each row is an event of a contact (by external id or e-mail; unknown e-mails become leads). An event already stored (same external id, or the same row imported before) is skipped.",
};

export function ImportPage() {
  const { id = "" } = useParams();
  const me = useSession();
  const qc = useQueryClient();
  const imp = useImport(id);
  const start = useStartImport(id);
  const preview = qc.getQueryData<Serialized<ImportPreview>>(["imports", "preview", id]);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const data = imp.data;
  useEffect(() => {
    if (data && mapping === null) setMapping(data.mapping);
  }, [data, mapping]);

  if (imp.isError) return <QueryError error={imp.error} onRetry={() => void imp.refetch()} />;
  if (!data || !mapping) return <Skeleton h={400} />;
  const mayStart = can(me.role, data.entity === "campaigns" || data.entity === "touchpoints" ? "importMarketingRecords" : "importRecords");
  const editable = data.status === "uploaded" || (isImportSettled(data.status) && data.dryRun);
  const running = !isImportSettled(data.status);
  const total = data.totalRows ?? 0;
  const pct = total ? Math.round((data.cursor / total) * 100) : 0;
  const columns = data.header.map((h) => ({ value: h, label: h || "(blank)" }));

  return (
    <>
      <PageHeader
        title={data.fileName}
        crumbs={[{ label: "Imports", to: "/imports" }, { label: data.fileName }]}
        description={`${formatNumber(total)} rows of ${data.entity}, ${data.preset} format`}
        badges={<ImportStatusBadge status={data.status} dryRun={data.dryRun} />}
      />
      <Stack gap="xl">
        {data.status !== "uploaded" && (
          <SectionCard title={data.dryRun ? "Dry run (nothing was changed)" : "Result"} testId="import-result">
            <Stack gap="sm">
              <Progress value={pct} animated={running} aria-label="Import progress" />
              <Text fz="sm" c="dimmed">
                {formatNumber(data.cursor)} of {formatNumber(total)} rows processed{running ? "…" : "."}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <StatCard label={data.dryRun ? "Would be created" : "Created"} value={formatNumber(data.created)} />
                <StatCard label={data.dryRun ? "Would be updated" : "Updated"} value={formatNumber(data.updated)} />
                <StatCard label="Skipped" value={formatNumber(data.skipped)} />
                <StatCard label="Failed" value={formatNumber(data.failed)} />
              </SimpleGrid>
              {data.error && <Alert color="red" title="The import stopped">{data.error}</Alert>}
              {data.skipped + data.failed > 0 && (
                <Anchor href={`/api/v1/imports/${data.id}/errors.csv`} download>
                  Download the error report (the skipped and failed rows with the reason)
                </Anchor>
              )}
            </Stack>
          </SectionCard>
        )}
        {editable && (
          <SectionCard title="Column mapping">
            <Stack gap="sm">
              <Text fz="sm" c="dimmed">
                Each field reads the column chosen here; the format proposed these from the file's header. {MATCHING[data.entity]}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                {IMPORT_FIELDS[data.entity].map((f) => (
                  <Select
                    key={f.name}
                    label={`${f.label}${f.required ? " (required)" : ""}`}
                    placeholder="not imported"
                    data={columns}
                    value={mapping[f.name] ?? null}
                    clearable
                    searchable
                    onChange={(v) => setMapping((m) => {
                      const next = { ...(m ?? {}) };
                      if (v) next[f.name] = v;
                      else delete next[f.name];
                      return next;
                    })}
                  />
                ))}
              </SimpleGrid>
              {start.isError && <Alert color="red" title="Not started">{start.error.message}</Alert>}
              <Group>
                <Button variant="default" disabled={!mayStart} loading={start.isPending && start.variables?.dryRun} onClick={() => start.mutate({ mapping, dryRun: true })}>
                  Dry run
                </Button>
                <Button disabled={!mayStart} loading={start.isPending && !start.variables?.dryRun} onClick={() => start.mutate({ mapping, dryRun: false })}>
                  Start import
                </Button>
              </Group>
            </Stack>
          </SectionCard>
        )}
        {preview && preview.sample.length > 0 && (
          <SectionCard title="First rows of the file">
            <Table.ScrollContainer minWidth={600}>
              <Table fz="xs" striped aria-label="Sample rows">
                <Table.Thead>
                  <Table.Tr>{preview.header.map((h, i) => <Table.Th key={i}>{h}</Table.Th>)}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((r, i) => (
                    <Table.Tr key={i}>{r.map((c, j) => <Table.Td key={j}>{c}</Table.Td>)}</Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
        )}
      </Stack>
    </>
  );
}
