import { useEffect, useState } from "react";
import { Button, Group, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { SectionCard } from "../../../components/section-card";
import { useUpdateReview, type ReviewData } from "../hooks/use-reviews";

/** The review's notes: editable by reviewers while it is a draft, the record of the meeting once final. */
export function ReviewNotes({ review, editable }: { review: ReviewData; editable: boolean }) {
  const update = useUpdateReview(review.id);
  const [text, setText] = useState(review.notes ?? "");
  useEffect(() => setText(review.notes ?? ""), [review.notes]);
  const dirty = text.trim() !== (review.notes ?? "");
  const canEdit = editable && review.status === "draft";

  return (
    <SectionCard title="Notes" testId="review-notes">
      {canEdit ? (
        <>
          <Textarea
            aria-label="Notes"
            placeholder="What both sides concluded: the numbers that matter, the decisions, who follows up"
            autosize
            minRows={3}
            maxRows={14}
            maxLength={10000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="xs" gap="xs">
            {dirty && (
              <Button variant="default" size="xs" onClick={() => setText(review.notes ?? "")}>
                Discard
              </Button>
            )}
            <Button
              size="xs"
              disabled={!dirty}
              loading={update.isPending}
              onClick={() => update.mutate({ notes: text.trim() || null }, { onSuccess: () => notifications.show({ color: "teal", message: "Notes saved" }) })}
            >
              Save notes
            </Button>
          </Group>
        </>
      ) : review.notes ? (
        <Text fz="sm" style={{ whiteSpace: "pre-line" }}>
          {review.notes}
        </Text>
      ) : (
        <Text fz="sm" c="dimmed">
          No notes were recorded.
        </Text>
      )}
    </SectionCard>
  );
}
