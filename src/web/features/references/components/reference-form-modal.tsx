import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, TagsInput, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { ReferenceDetail } from "../../../../shared/contracts/enablement-references.js";
import { REFERENCE_SIZES, type ReferenceSize } from "../../../../shared/domain/content.js";
import { AccountSelect } from "../../../components/account-select";
import { MemberSelect } from "../../../components/member-select";
import { ApiError } from "../../../lib/api-error";
import { humanize } from "../../../lib/format";
import { useAssetSearch } from "../../content/hooks/use-content";
import { useReferenceMutations } from "../hooks/use-references";

type Draft = {
  accountId: string | null; contactName: string; industry: string; size: ReferenceSize | null; region: string; products: string[]; useCase: string;
  quotes: string; caseStudyAssetIds: string[]; ownerId: string | null; quarterlyCap: number | null; active: boolean;
};

/** Adds a customer reference (industry, size and region default to its account's) or edits one. */
export function ReferenceFormModal({ opened, onClose, reference, onSaved }: { opened: boolean; onClose: () => void; reference?: Serialized<ReferenceDetail>; onSaved?: (id: string) => void }) {
  const m = useReferenceMutations();
  const assets = useAssetSearch({ status: "all" });
  const [d, setD] = useState<Draft>(() => ({
    accountId: reference?.accountId ?? null, contactName: reference?.contactName ?? "", industry: reference?.industry ?? "", size: reference?.size ?? null, region: reference?.region ?? "",
    products: reference?.products ?? [], useCase: reference?.useCase ?? "", quotes: (reference?.quotes ?? []).join("\n"), caseStudyAssetIds: reference?.caseStudyAssetIds ?? [],
    ownerId: reference?.ownerId ?? null, quarterlyCap: reference?.quarterlyCap ?? null, active: reference?.active ?? true,
  }));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const assetOptions = [...(assets.data?.items ?? []).map((a) => ({ value: a.id, label: a.title })), ...(reference?.caseStudies ?? []).map((a) => ({ value: a.id, label: a.title }))]
    .filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  const save = async () => {
    setError(null);
    const blank = (s: string) => (s.trim() ? s.trim() : undefined);
    const fields = {
      contactName: blank(d.contactName) ?? null, products: d.products, useCase: d.useCase.trim(), quotes: d.quotes.split("\n").map((q) => q.trim()).filter(Boolean),
      caseStudyAssetIds: d.caseStudyAssetIds, ownerId: d.ownerId ?? undefined, quarterlyCap: d.quarterlyCap, active: d.active,
    };
    try {
      const saved = reference
        ? await m.update.mutateAsync({ id: reference.id, body: { ...fields, industry: blank(d.industry) ?? null, size: d.size, region: blank(d.region) ?? null } })
        // Left empty on a new reference, industry, size and region come from the account.
        : await m.create.mutateAsync({ ...fields, accountId: d.accountId!, industry: blank(d.industry), size: d.size ?? undefined, region: blank(d.region) });
      onSaved?.(saved.id);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not save");
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={reference ? "Edit reference" : "Add a customer reference"} size="lg">
      <Stack>
        {!reference && <AccountSelect label="Customer account" required value={d.accountId} onChange={(id) => set("accountId", id)} data-testid="reference-account" />}
        <TextInput label="Who speaks for them" placeholder="Name, title" value={d.contactName} onChange={(e) => set("contactName", e.currentTarget.value)} />
        <Group grow>
          <TextInput label="Industry" placeholder={reference ? undefined : "from the account"} value={d.industry} onChange={(e) => set("industry", e.currentTarget.value)} />
          <Select label="Size" placeholder={reference ? undefined : "from head count"} clearable data={REFERENCE_SIZES.map((s) => ({ value: s, label: humanize(s) }))} value={d.size} onChange={(v) => set("size", v as ReferenceSize | null)} />
          <TextInput label="Region" placeholder={reference ? undefined : "from the account"} value={d.region} onChange={(e) => set("region", e.currentTarget.value)} />
        </Group>
        <TagsInput label="Products they use" value={d.products} onChange={(v) => set("products", v)} />
        <Textarea label="Use case" autosize minRows={2} value={d.useCase} onChange={(e) => set("useCase", e.currentTarget.value)} data-testid="reference-use-case" />
        <Textarea label="Quotes (one per line)" autosize minRows={2} value={d.quotes} onChange={(e) => set("quotes", e.currentTarget.value)} />
        <MultiSelect label="Case studies" searchable data={assetOptions} value={d.caseStudyAssetIds} onChange={(v) => set("caseStudyAssetIds", v)} placeholder="Pick content assets" />
        <Group grow align="end">
          <MemberSelect label="Owner (approves requests)" value={d.ownerId} onChange={(id) => set("ownerId", id)} placeholder={reference ? undefined : "you"} />
          <NumberInput label="Uses per quarter" description="Empty: the workspace default" min={1} max={100} value={d.quarterlyCap ?? ""} onChange={(v) => set("quarterlyCap", typeof v === "number" ? v : null)} />
        </Group>
        <Switch label="Active (can be requested)" checked={d.active} onChange={(e) => set("active", e.currentTarget.checked)} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={m.create.isPending || m.update.isPending} disabled={!reference && !d.accountId} data-testid="reference-save">Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
