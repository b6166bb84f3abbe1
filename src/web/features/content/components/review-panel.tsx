import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { ApiError } from "../../../lib/api-error";
import { SectionCard } from "../../../components/section-card";
import { useAssetMutations } from "../hooks/use-content";

/** The sales review of a Convert-stage asset: approve (publishes it) or send it back to marketing with comments. */
export function ReviewPanel({ assetId }: { assetId: string }) {
  const { review } = useAssetMutations();
  const [comment, setComment] = useState("");
  const send = (decision: "approve" | "send_back") => review.mutate({ id: assetId, body: { decision, comment: comment.trim() || undefined } });
  return (
    <SectionCard title="Sales review" testId="review-panel">
      <Stack>
        <Text fz="sm" c="dimmed">Convert-stage content goes to buyers deciding: check the claims, prices and proof points before it is published.</Text>
        <Textarea label="Comments" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} placeholder="Required when sending back" />
        {review.error instanceof ApiError && <Alert color="red">{review.error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" color="red" loading={review.isPending} onClick={() => send("send_back")} disabled={!comment.trim()}>Send back</Button>
          <Button loading={review.isPending} onClick={() => send("approve")}>Approve and publish</Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
