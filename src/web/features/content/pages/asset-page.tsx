import { Alert, Anchor, Button, Grid, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { formatDate, formatDateTime, formatNumber, humanize } from "../../../lib/format";
import { useMoney, useSession } from "../../../lib/session";
import { AssetFormModal } from "../components/asset-form-modal";
import { AssetStatusBadge, StageBadge } from "../components/content-badges";
import { ReviewPanel } from "../components/review-panel";
import { ShareDialog } from "../components/share-dialog";
import { useAsset, useAssetMutations, useAssetUsage } from "../hooks/use-content";

/** One asset at /content/:id: details, preview/download, share, publishing and review, tracked shares. */
export function AssetPage() {
  const { id = "" } = useParams();
  const me = useSession();
  const money = useMoney();
  const asset = useAsset(id);
  const usage = useAssetUsage(id);
  const { move } = useAssetMutations();
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  if (asset.error) return <QueryError error={asset.error} backTo={{ label: "Content library", to: "/content" }} />;
  const a = asset.data;
  if (!a) return <DetailSkeleton />;
  const isEditor = can(me.role, "manageContent");
  const fileUrl = `/api/v1/assets/${a.id}/file`;
  return (
    <>
      <PageHeader
        title={a.title}
        crumbs={[{ label: "Content library", to: "/content" }, { label: a.title }]}
        badges={<Group gap={6}><StageBadge stage={a.buyingStage} /><AssetStatusBadge status={a.status} expired={a.isExpired} /></Group>}
        actions={
          <Group>
            {a.kind === "file" && a.fileName && <Button variant="default" component="a" href={fileUrl} target="_blank" rel="noopener">Preview</Button>}
            {a.kind === "file" && a.fileName && <Button variant="default" component="a" href={`${fileUrl}?download=1`}>Download</Button>}
            {a.kind === "link" && a.url && <Button variant="default" component="a" href={a.url} target="_blank" rel="noopener noreferrer">Open link</Button>}
            {can(me.role, "shareContent") && a.status === "published" && !a.isExpired && <Button onClick={() => setSharing(true)}>Share</Button>}
            {isEditor && <Button variant="default" onClick={() => setEditing(true)}>Edit</Button>}
            {isEditor && a.status === "draft" && a.buyingStage === "convert" && <Button onClick={() => move.mutate({ id: a.id, action: "submit" })}>Send to sales review</Button>}
            {isEditor && a.status === "draft" && a.buyingStage === "engage" && <Button onClick={() => move.mutate({ id: a.id, action: "publish" })}>Publish</Button>}
            {isEditor && a.status !== "retired" && <Button variant="subtle" color="red" onClick={() => move.mutate({ id: a.id, action: "retire" })}>Retire</Button>}
          </Group>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            {a.reviewComment && a.status === "draft" && <Alert color="yellow" title="Sent back by sales">{a.reviewComment}</Alert>}
            {a.status === "in_review" && can(me.role, "reviewContent") && <ReviewPanel assetId={a.id} />}
            <SectionCard title="About">
              <Stack>
                <Text>{a.summary || "No summary."}</Text>
                <FieldList
                  fields={[
                    { label: "Format", value: humanize(a.format) },
                    { label: "Personas", value: a.personas.join(", ") || "—" },
                    { label: "Products", value: a.products.join(", ") || "—" },
                    { label: "Competitors", value: a.competitors.join(", ") || "—" },
                    { label: "Tags", value: a.tags.join(", ") || "—" },
                    { label: "Owner", value: a.ownerName ?? "—" },
                    { label: "File", value: a.fileName ? `${a.fileName} (${formatNumber(Math.round((a.fileSize ?? 0) / 1024))} KB)` : a.kind === "file" ? "Not uploaded yet" : "—" },
                    { label: "Expires", value: a.expiresAt ? formatDate(a.expiresAt) : "—" },
                    { label: "Production cost", value: a.productionCost === null ? "—" : money(a.productionCost) },
                    { label: "Published", value: a.publishedAt ? formatDate(a.publishedAt) : "—" },
                  ]}
                />
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard title="Tracked shares" testId="asset-shares">
            {usage.data && usage.data.shares.length === 0 ? (
              <Text fz="sm" c="dimmed">Not shared yet.</Text>
            ) : (
              <Table>
                <Table.Thead><Table.Tr><Table.Th>Shared</Table.Th><Table.Th>With</Table.Th><Table.Th>Views</Table.Th><Table.Th>Last view</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {usage.data?.shares.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{formatDate(s.createdAt)}</Table.Td>
                      <Table.Td>
                        {s.contactId && <Anchor href={`/contacts/${s.contactId}`} fz="sm">Contact</Anchor>} {s.dealId && <Anchor href={`/deals/${s.dealId}`} fz="sm">Deal</Anchor>}
                      </Table.Td>
                      <Table.Td>{s.views}</Table.Td>
                      <Table.Td>{s.lastViewedAt ? formatDateTime(s.lastViewedAt) : "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </SectionCard>
        </Grid.Col>
      </Grid>
      {editing && <AssetFormModal opened asset={a} onClose={() => setEditing(false)} />}
      {sharing && <ShareDialog opened assetId={a.id} title={a.title} onClose={() => setSharing(false)} />}
    </>
  );
}
