import { useDeferredValue, useEffect } from "react";
import { ActionIcon, Button, Menu, Skeleton, Stack, Tabs, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconCopy, IconDots, IconSend, IconTrash } from "@tabler/icons-react";
import { useNavigate, useParams } from "react-router";
import { ConfirmDelete } from "../../../components/confirm-delete";
import { DetailSkeleton } from "../../../components/detail-skeleton";
import { PageHeader } from "../../../components/page-header";
import { QueryError } from "../../../components/query-error";
import { notifyError } from "../../../lib/notify";
import { useAbilities } from "../../../lib/session";
import { useUrlState } from "../../../lib/use-url-state";
import { ApprovalPanel } from "../components/approval-panel";
import { BacktestCard } from "../components/backtest-card";
import { DefinitionDiffCard } from "../components/definition-diff-card";
import { DefinitionEditor } from "../components/definition-editor";
import { DefinitionSaveBar } from "../components/definition-save-bar";
import { DefinitionStatusBadge } from "../components/definition-status-badge";
import { RescoreProgress } from "../components/rescore-progress";
import { useDefinitionForm } from "../hooks/use-definition-form";
import { useLeadDefinition, useLeadDefinitions, type Definition } from "../hooks/use-lead-definitions";
import { useApproveDefinition, useCreateDraft, useDeleteDraft, useProposeDefinition, useUpdateDefinition } from "../hooks/use-save-lead-definition";

const DESCRIPTIONS: Record<Definition["status"], string> = {
  draft: "A draft: edit the rules, back-test them, then propose the version so both sides can approve it.",
  proposed: "Proposed: waiting for one marketing-side and one sales-side approval. Changing the rules resets approvals already given.",
  active: "The agreement in force: scoring and MQL hand-offs follow these rules. To change them, draft a new version.",
  superseded: "A past version, kept for the record. A newer version replaced it.",
};

function DefinitionView({ definition: d, versions }: { definition: Definition; versions: Definition[] }) {
  const navigate = useNavigate();
  const url = useUrlState();
  const can = useAbilities();
  const editable = (d.status === "draft" || d.status === "proposed") && can.canDraftDefinitions;
  const form = useDefinitionForm(d);
  const update = useUpdateDefinition(d.id);
  const propose = useProposeDefinition(d.id);
  const approve = useApproveDefinition(d.id);
  const remove = useDeleteDraft();
  const createDraft = useCreateDraft();
  const [confirmSaveOpen, confirmSave] = useDisclosure(false);
  const [deleteOpen, del] = useDisclosure(false);
  const tab = url.get("tab") ?? "rules";
  // The rule forms are a few hundred inputs: show the page at once and fill them in right after.
  const showEditor = useDeferredValue(true, false);
  const { reset, isDirty } = form;

  // Another tab or person changed the version: show it unless the user is in the middle of editing. Only a new
  // `updatedAt` counts, not each keystroke that flips `isDirty`.
  const updatedAt = d.updatedAt;
  useEffect(() => {
    if (!isDirty) reset(d);
  }, [updatedAt]);

  const save = async () => {
    confirmSave.close();
    const body = form.build();
    if (!body) return;
    try {
      const saved = await update.mutateAsync(body);
      form.reset(saved);
      notifications.show({ color: "green", message: d.status === "proposed" ? "Saved. Both sides need to approve again." : "Saved" });
    } catch (err) {
      if (!form.applyServerError(err)) notifyError(err);
    }
  };
  const requestSave = () => (d.status === "proposed" && (d.marketingApprovedBy || d.salesApprovedBy) ? confirmSave.open() : void save());

  const copyToDraft = () =>
    createDraft.mutate(
      d.status === "active" ? { basedOn: "active" } : { definition: { fitRules: d.fitRules, gradeThresholds: d.gradeThresholds, engagementRules: d.engagementRules, halfLifeDays: d.halfLifeDays, mqlRule: d.mqlRule, notes: d.notes ?? undefined } },
      { onSuccess: (created) => navigate(`/agreement/${created.id}`) },
    );

  const actions = (
    <>
      {d.status === "draft" && can.canDraftDefinitions && (
        <Tooltip label="Save or discard your changes first" disabled={!isDirty}>
          <Button leftSection={<IconSend size={16} />} disabled={isDirty} loading={propose.isPending} onClick={() => propose.mutate(undefined, { onSuccess: () => notifications.show({ color: "green", message: `Version ${d.version} proposed: marketing and sales can now approve it` }) })}>
            Propose for approval
          </Button>
        </Tooltip>
      )}
      {(d.status === "active" || d.status === "superseded") && can.canDraftDefinitions && (
        <Button variant="default" leftSection={<IconCopy size={16} />} loading={createDraft.isPending} onClick={copyToDraft}>
          Draft a new version from this one
        </Button>
      )}
      {d.status === "draft" && can.canDraftDefinitions && (
        <Menu position="bottom-end" shadow="md">
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="More actions">
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={del.open}>
              Delete draft
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Lead agreement", to: "/agreement" }, { label: `Version ${d.version}` }]}
        title={<span data-testid="definition-title">Version {d.version}</span>}
        badges={<DefinitionStatusBadge status={d.status} size="md" />}
        description={DESCRIPTIONS[d.status]}
        actions={actions}
      />
      {d.status === "active" && <RescoreProgress definitionId={d.id} version={d.version} />}
      <ApprovalPanel
        definition={d}
        hasUnsavedChanges={isDirty}
        approvingSide={approve.isPending ? (approve.variables?.side ?? null) : null}
        onApprove={(side) =>
          approve.mutate(
            { side },
            { onSuccess: (next) => notifications.show({ color: "green", message: next.status === "active" ? `Version ${d.version} is now active; every contact is being re-scored` : `Approved for ${side}` }) },
          )
        }
      />
      <Tabs value={tab} onChange={(v) => url.set("tab", v === "rules" ? null : v, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rules">Rules{isDirty ? " •" : ""}</Tabs.Tab>
          <Tabs.Tab value="changes">What changes</Tabs.Tab>
          {(d.status === "draft" || d.status === "proposed") && (
            <Tabs.Tab value="backtest">Back-test</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="rules">
          <Stack gap="md">
            {showEditor ? <DefinitionEditor form={form} readOnly={!editable} /> : <Skeleton h={600} />}
            {editable && <DefinitionSaveBar isDirty={isDirty} isProposed={d.status === "proposed"} saving={update.isPending} onSave={requestSave} onDiscard={form.discard} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="changes">
          <DefinitionDiffCard definition={d} versions={versions} against={url.get("against")} onAgainstChange={(id) => url.set("against", id, { replace: true })} hasUnsavedChanges={isDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="backtest">
          <BacktestCard definition={d} hasUnsavedChanges={isDirty} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmDelete
        opened={confirmSaveOpen}
        onClose={confirmSave.close}
        title="Save and reset approvals?"
        message={`Version ${d.version} already has an approval. Saving changes resets both approvals, so each side will have to review and approve it again.`}
        confirmLabel="Save and reset approvals"
        loading={update.isPending}
        onConfirm={() => void save()}
      />
      <ConfirmDelete
        opened={deleteOpen}
        onClose={del.close}
        title="Delete draft"
        message={`Delete the draft of version ${d.version}? Its rules are lost.`}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(d.id, {
            onSuccess: () => {
              notifications.show({ color: "green", message: `Draft version ${d.version} deleted` });
              navigate("/agreement");
            },
          })
        }
      />
    </>
  );
}

/** A version of the lead agreement at /agreement/:id: its rules as forms, approvals, what changes and a back-test. */
export function DefinitionPage() {
  const { id } = useParams();
  const definition = useLeadDefinition(id);
  const list = useLeadDefinitions();
  if (definition.isError) return <QueryError error={definition.error} onRetry={() => void definition.refetch()} backTo={{ label: "Back to the agreement", to: "/agreement" }} />;
  if (!definition.data) return <DetailSkeleton />;
  return <DefinitionView key={definition.data.id} definition={definition.data} versions={list.items} />;
}
