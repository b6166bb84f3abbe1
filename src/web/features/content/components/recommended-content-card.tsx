import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { can } from "../../../../shared/domain/permissions.js";
import { SectionCard } from "../../../components/section-card";
import { humanize } from "../../../lib/format";
import { useSession } from "../../../lib/session";
import { useRecommendedContent } from "../hooks/use-content";
import { ShareDialog } from "./share-dialog";

/** "Recommended content" on a contact or deal page: published assets for its buying stage, persona and competitor, each shareable. */
export function RecommendedContentCard({ kind, id, contactId }: { kind: "contacts" | "deals"; id: string; contactId?: string | null }) {
  const rec = useRecommendedContent(kind, id);
  const me = useSession();
  const [sharing, setSharing] = useState<{ id: string; title: string } | null>(null);
  const data = rec.data;
  return (
    <SectionCard title="Recommended content" testId="recommended-content" actions={data && <Badge variant="light">{humanize(data.buyingStage)}</Badge>}>
      {data && data.items.length === 0 ? (
        <Text fz="sm" c="dimmed">No published content for this stage yet. <Anchor component={Link} to="/content">Browse the library</Anchor></Text>
      ) : (
        <Stack gap="xs">
          {data?.items.map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/content/${a.id}`} fz="sm" fw={600}>{a.title}</Anchor>
                <Text fz="xs" c="dimmed">{humanize(a.format)} · {a.reasons.join(" · ")}</Text>
              </div>
              {can(me.role, "shareContent") && <Button size="xs" variant="light" onClick={() => setSharing({ id: a.id, title: a.title })}>Share</Button>}
            </Group>
          ))}
        </Stack>
      )}
      {sharing && <ShareDialog opened assetId={sharing.id} title={sharing.title} onClose={() => setSharing(null)} dealId={kind === "deals" ? id : undefined} contactId={kind === "contacts" ? id : contactId} />}
    </SectionCard>
  );
}
