import { ActionIcon, Badge, Grid, Group, Menu, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPencil, IconTrash } from "@tabler/icons-react";
import { useNavigate, useParams } from "react-router";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { FieldList } from "../../../components/field-list";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { SectionCard } from "../../../components/section-card";
import { CampaignBriefCard } from "../../briefs/components/campaign-brief-card";
import { formatDate, humanize } from "../../../lib/format";
import { campaignStatusColor } from "../../../lib/labels";
import { useAbilities, useMoney } from "../../../lib/session";
import { BudgetBar } from "../components/budget-bar";
import { CampaignActivityCard } from "../components/campaign-activity-card";
import { CampaignCostsCard } from "../components/campaign-costs-card";
import { CampaignFormModal } from "../components/campaign-form-modal";
import { CampaignStats } from "../components/campaign-stats";
import { useCampaign } from "../hooks/use-campaigns";
import { useDeleteCampaign } from "../hooks/use-save-campaign";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { WhitespaceTargetCard } from "../../growth/components/whitespace-target-card";
import { SwotPanel } from "../../swots/components/swot-panel";

/** A campaign's page at /campaigns/:id: results from touches to revenue, budget against actual cost, cost lines. */
export function CampaignDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const can = useAbilities();
  const money = useMoney();
  const campaign = useCampaign(id);
  const remove = useDeleteCampaign();
  const [editOpen, edit] = useDisclosure(false);
  const [deleteOpen, del] = useDisclosure(false);

  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} backTo={{ label: "Back to campaigns", to: "/campaigns" }} />;
  if (!campaign.data) {
    return <DetailSkeleton />;
  }
  const c = campaign.data;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Campaigns", to: "/campaigns" }, { label: c.name }]}
        title={<span data-testid="campaign-name">{c.name}</span>}
        badges={
          <>
            <Badge variant="light" color={campaignStatusColor(c.status)}>
              {humanize(c.status)}
            </Badge>
            <Badge variant="outline" color="gray">
              {humanize(c.channel)}
            </Badge>
          </>
        }
        description={c.startsOn ? `${formatDate(c.startsOn)} – ${c.endsOn ? formatDate(c.endsOn) : "ongoing"}${c.vehicle ? ` · ${c.vehicle}` : ""}` : (c.vehicle ?? "Not scheduled")}
        actions={
          can.canEditCampaigns && (
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label="More actions">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={edit.open}>
                  Edit campaign
                </Menu.Item>
                {can.canDeleteRecords && (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={del.open}>
                    Delete campaign
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      {/* The SWOT stands beside the measured results it is read against (docs/ENABLEMENT.md, "SWOT"). */}
      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <CampaignStats campaign={c} compact />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <SwotPanel kind="campaign" subjectId={c.id} />
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md" data-testid="campaign-budget">
              <Group justify="space-between" mb="xs">
                <Text fz="sm" fw={650} tt="uppercase" c="dimmed">
                  Budget vs actual
                </Text>
                <Group gap="lg">
                  <div>
                    <Text fz="xs" c="dimmed">
                      Budget
                    </Text>
                    <Text fw={700} data-testid="campaign-budget-value">{money(c.budget)}</Text>
                  </div>
                  <div>
                    <Text fz="xs" c="dimmed">
                      Actual cost
                    </Text>
                    <Text fw={700} c={c.actualCost > c.budget && c.budget > 0 ? "red" : undefined} data-testid="campaign-actual-cost">
                      {money(c.actualCost)}
                    </Text>
                  </div>
                </Group>
              </Group>
              <BudgetBar budget={c.budget} actual={c.actualCost} withLabel />
            </Paper>
            <CampaignCostsCard campaign={c} canEdit={can.canEditCampaigns} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CampaignBriefCard campaignId={c.id} />
            <WhitespaceTargetCard campaignId={c.id} />
            <SectionCard title="Details">
              <FieldList
                fields={[
                  { label: "Channel", value: humanize(c.channel) },
                  { label: "Vehicle", value: c.vehicle },
                  { label: "Owner", value: c.ownerName ?? "Unassigned" },
                  { label: "Starts", value: c.startsOn ? formatDate(c.startsOn) : null },
                  { label: "Ends", value: c.endsOn ? formatDate(c.endsOn) : null },
                  {
                    label: "Target personas",
                    value: c.targetPersonas.length ? (
                      <Group gap={4}>
                        {c.targetPersonas.map((p) => (
                          <Badge key={p} variant="default" size="sm" tt="none">
                            {p}
                          </Badge>
                        ))}
                      </Group>
                    ) : null,
                  },
                  { label: "Created", value: formatDate(c.createdAt) },
                ]}
              />
            </SectionCard>
            <CampaignActivityCard campaignId={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <CampaignFormModal opened={editOpen} onClose={edit.close} campaign={c} />
      <ConfirmDelete
        opened={deleteOpen}
        onClose={del.close}
        title="Delete campaign"
        message={`Delete ${c.name}? Touchpoints keep their history but lose the campaign link.`}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(c.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: "Campaign deleted" });
              navigate("/campaigns");
            },
          })
        }
      />
    </>
  );
}
