import { Alert, Anchor, Button, Paper, Skeleton, Text, Title } from "@mantine/core";
import { IconBellRinging, IconPlus, IconScale } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { EmptyPanel } from "../../../components/empty-panel";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { useAbilities, useSession } from "../../../lib/session";
import { ActiveAgreementCard } from "../components/active-agreement-card";
import { RescoreProgress } from "../components/rescore-progress";
import { VersionsTable } from "../components/versions-table";
import { useLeadDefinitions, type Definition } from "../hooks/use-lead-definitions";
import { useCreateDraft } from "../hooks/use-save-lead-definition";

/** Proposals the signed-in user could approve now (a side they may approve, still open, not blocked by their other approval). */
function awaitingMe(versions: Definition[], userId: string, canMarketing: boolean, canSales: boolean): { version: Definition; side: string }[] {
  return versions
    .filter((d) => d.status === "proposed")
    .flatMap((d) => {
      const sides: { version: Definition; side: string }[] = [];
      if (canMarketing && !d.marketingApprovedBy && d.salesApprovedBy !== userId) sides.push({ version: d, side: "marketing" });
      if (canSales && !d.salesApprovedBy && d.marketingApprovedBy !== userId) sides.push({ version: d, side: "sales" });
      return sides.slice(0, 1);
    });
}

/** The lead agreement at /agreement: the version in force in plain words, every version with its approvals, and drafting. */
export function AgreementPage() {
  const navigate = useNavigate();
  const me = useSession();
  const can = useAbilities();
  const list = useLeadDefinitions();
  const create = useCreateDraft();
  const active = list.active;
  const pending = awaitingMe(list.items, me.user.id, can.canApproveForMarketing, can.canApproveForSales);

  const draft = () => create.mutate({ basedOn: active ? "active" : "starter" }, { onSuccess: (d) => navigate(`/agreement/${d.id}`) });
  const draftButton = (label: string) =>
    can.canDraftDefinitions && (
      <Button leftSection={<IconPlus size={16} />} onClick={draft} loading={create.isPending}>
        {label}
      </Button>
    );

  return (
    <>
      <PageHeader
        title="Lead agreement"
        description="What marketing and sales agreed a qualified lead is. Scoring, MQL hand-offs and reports follow the active version; a new version needs one approval from each side."
        actions={draftButton("Draft a new version")}
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isLoading ? (
        <Skeleton h={220} mb="md" />
      ) : (
        <>
          {pending.map(({ version, side }) => (
            <Alert key={version.id} color="orange" icon={<IconBellRinging size={18} />} mb="md" title={`Version ${version.version} is waiting for your ${side}-side approval`}>
              <Text fz="sm">
                Review what changes and its back-test, then approve it.{" "}
                <Anchor component={Link} to={`/agreement/${version.id}`} fz="sm" fw={600}>
                  Review version {version.version}
                </Anchor>
              </Text>
            </Alert>
          ))}
          {active && <RescoreProgress definitionId={active.id} version={active.version} />}
          {active ? (
            <ActiveAgreementCard definition={active} />
          ) : (
            <Paper withBorder radius="md" p="lg" mb="md" data-testid="no-agreement">
              <EmptyPanel
                icon={<IconScale size={22} />}
                title="No agreement in force yet"
                description="Until marketing and sales approve a lead definition, nobody becomes an MQL automatically. Start from common B2B rules and adjust them together."
                action={list.items.length === 0 ? draftButton("Draft the first version") : undefined}
              />
            </Paper>
          )}
        </>
      )}
      <Title order={4} fz="md" mb="sm" mt="lg">
        Versions
      </Title>
      <VersionsTable versions={list.items} loading={list.isLoading} />
    </>
  );
}
