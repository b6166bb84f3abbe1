import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, TagsInput, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Asset } from "../../../../shared/contracts/enablement-content.js";
import { ASSET_FORMATS, type AssetFormat, type BuyingStage } from "../../../../shared/domain/content.js";
import { ApiError } from "../../../lib/api-error";
import { humanize } from "../../../lib/format";
import { useAssetMutations } from "../hooks/use-content";

type Draft = { kind: "file" | "link"; title: string; summary: string; url: string; format: AssetFormat; buyingStage: BuyingStage; personas: string[]; products: string[]; competitors: string[]; tags: string[]; productionCost: number | null };

/** Adds an asset (then its file is uploaded) or edits one. */
export function AssetFormModal({ opened, onClose, asset, onSaved }: { opened: boolean; onClose: () => void; asset?: Serialized<Asset>; onSaved?: (id: string) => void }) {
  const m = useAssetMutations();
  const [d, setD] = useState<Draft>(() => ({
    kind: asset?.kind ?? "file", title: asset?.title ?? "", summary: asset?.summary ?? "", url: asset?.url ?? "", format: asset?.format ?? "one_pager", buyingStage: asset?.buyingStage ?? "engage",
    personas: asset?.personas ?? [], products: asset?.products ?? [], competitors: asset?.competitors ?? [], tags: asset?.tags ?? [], productionCost: asset?.productionCost ?? null,
  }));
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const save = async () => {
    setError(null);
    const fields = { title: d.title, summary: d.summary, format: d.format, buyingStage: d.buyingStage, personas: d.personas, products: d.products, competitors: d.competitors, tags: d.tags, productionCost: d.productionCost };
    try {
      const saved = asset
        ? await m.update.mutateAsync({ id: asset.id, body: { ...fields, ...(asset.kind === "link" ? { url: d.url } : {}) } })
        : await m.create.mutateAsync({ ...fields, kind: d.kind, ...(d.kind === "link" ? { url: d.url } : {}) });
      if (file) await m.upload.mutateAsync({ id: saved.id, file });
      onSaved?.(saved.id);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not save");
    }
  };
  const kind = asset?.kind ?? d.kind;
  return (
    <Modal opened={opened} onClose={onClose} title={asset ? "Edit content" : "Add content"} size="lg">
      <Stack>
        {!asset && <SegmentedControl value={d.kind} onChange={(v) => set("kind", v as Draft["kind"])} data={[{ value: "file", label: "Upload a file" }, { value: "link", label: "Link" }]} />}
        <TextInput label="Title" required value={d.title} onChange={(e) => set("title", e.currentTarget.value)} />
        <Textarea label="Summary" autosize minRows={2} value={d.summary} onChange={(e) => set("summary", e.currentTarget.value)} />
        {kind === "link" && <TextInput label="URL" required value={d.url} onChange={(e) => set("url", e.currentTarget.value)} placeholder="https://" />}
        {kind === "file" && (
          <TextInput
            type="file"
            label={asset?.fileName ? `File (now: ${asset.fileName})` : "File"}
            description="PDF, images, MP4, Office documents, text; at most 20 MB"
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
        )}
        <Group grow>
          <Select label="Format" data={ASSET_FORMATS.map((f) => ({ value: f, label: humanize(f) }))} value={d.format} onChange={(v) => v && set("format", v as AssetFormat)} allowDeselect={false} />
          <Select label="Buying stage" data={[{ value: "engage", label: "Engage" }, { value: "convert", label: "Convert (sales review)" }]} value={d.buyingStage} onChange={(v) => v && set("buyingStage", v as BuyingStage)} allowDeselect={false} />
        </Group>
        <TagsInput label="Personas" value={d.personas} onChange={(v) => set("personas", v)} placeholder="e.g. cfo" />
        <Group grow>
          <TagsInput label="Products" value={d.products} onChange={(v) => set("products", v)} />
          <TagsInput label="Competitors" value={d.competitors} onChange={(v) => set("competitors", v)} />
        </Group>
        <Group grow>
          <TagsInput label="Tags" value={d.tags} onChange={(v) => set("tags", v)} />
          <NumberInput label="Production cost" min={0} value={d.productionCost ?? ""} onChange={(v) => set("productionCost", typeof v === "number" ? v : null)} />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={m.create.isPending || m.update.isPending || m.upload.isPending} disabled={!d.title.trim()}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
