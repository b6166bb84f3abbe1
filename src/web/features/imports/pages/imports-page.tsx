import { useState } from "react";
import { Alert, Anchor, Badge, Button, FileInput, Group, Select, Skeleton, Stack, Table, Text } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { IMPORT_ENTITIES, IMPORT_PRESETS, type ImportEntity, type ImportPreset } from "../../../../shared/domain/imports.js";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { can } from "../../../../shared/domain/permissions.js";
import { useImports, useUploadImport } from "../hooks/use-imports";
import { ImportStatusBadge } from "../components/import-status-badge";
import { ExportCsvButton } from "../../../components/export-csv-button";

const ENTITY_LABELS: Record<ImportEntity, string> = { accounts: "Accounts", contacts: "Contacts", deals: "Deals", campaigns: "Campaigns", touchpoints: "Touchpoints" };
const PRESET_LABELS: Record<ImportPreset, string> = { hubspot: "HubSpot export", salesforce: "Salesforce export", generic: "Other CSV (map the columns)" };

/** /imports: upload a CSV file to import, and the list of past imports. */
export function ImportsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const list = useImports();
  const upload = useUploadImport();
  const [entity, setEntity] = useState<ImportEntity>("contacts");
  const [preset, setPreset] = useState<ImportPreset>("hubspot");
  const [file, setFile] = useState<File | null>(null);
  const marketingOwned = entity === "campaigns" || entity === "touchpoints";
  const mayImport = can(me.role, marketingOwned ? "importMarketingRecords" : "importRecords");

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring accounts, contacts, deals, campaigns and touchpoints in from a HubSpot or Salesforce export, or any CSV file with your own column mapping."
        actions={<ExportCsvButton path="/imports/export.csv" query={{}} label="Export history" />}
      />
      <Stack gap="xl">
        <SectionCard title="New import">
          <Stack gap="sm" maw={520}>
            <Select label="What the file holds" data={IMPORT_ENTITIES.map((e) => ({ value: e, label: ENTITY_LABELS[e] }))} value={entity} onChange={(v) => v && setEntity(v as ImportEntity)} allowDeselect={false} />
            <Select label="Format" data={IMPORT_PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))} value={preset} onChange={(v) => v && setPreset(v as ImportPreset)} allowDeselect={false} />
            <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" value={file} onChange={setFile} clearable />
            {!mayImport && <Text fz="sm" c="dimmed">Your role may not import {ENTITY_LABELS[entity].toLowerCase()}; ask an admin or a manager.</Text>}
            {upload.isError && <Alert color="red" title="The file was not accepted">{upload.error.message}</Alert>}
            <Group>
              <Button
                disabled={!file || !mayImport}
                loading={upload.isPending}
                onClick={() => file && upload.mutate({ file, entity, preset }, { onSuccess: (p) => void navigate(`/imports/${p.id}`) })}
              >
                Upload and preview
              </Button>
            </Group>
          </Stack>
        </SectionCard>
        <SectionCard title="Past imports">
          {list.isError ? (
            <QueryError error={list.error} onRetry={() => void list.refetch()} />
          ) : !list.data ? (
            <Skeleton h={120} />
          ) : list.data.items.length === 0 ? (
            <Text c="dimmed" fz="sm">No import yet.</Text>
          ) : (
            <Table striped aria-label="Past imports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Records</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Rows</Table.Th>
                  <Table.Th ta="right">Created</Table.Th>
                  <Table.Th ta="right">Updated</Table.Th>
                  <Table.Th ta="right">Skipped</Table.Th>
                  <Table.Th ta="right">Failed</Table.Th>
                  <Table.Th>Uploaded</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/imports/${i.id}`}>
                        {i.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {ENTITY_LABELS[i.entity]} <Badge variant="light" size="xs">{i.preset}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={i.status} dryRun={i.dryRun} />
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(i.totalRows)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.created)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.updated)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.skipped)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(i.failed)}</Table.Td>
                    <Table.Td>{formatDateTime(i.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </SectionCard>
      </Stack>
    </>
  );
}


