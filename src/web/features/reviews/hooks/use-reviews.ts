import { useCallback, useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateReviewActionBody,
  CreateReviewBody,
  Review,
  ReviewAction,
  ReviewSummary,
  UpdateReviewActionBody,
  UpdateReviewBody,
} from "../../../../shared/contracts/reviews.js";
import type { Serialized } from "../../../../shared/contracts/common.js";
import type { Job } from "../../../../shared/contracts/jobs.js";
import { api } from "../../../lib/api-client";
import { useJob } from "../../../lib/use-job";

export type ReviewData = Serialized<Review>;
export type ReviewActionData = Serialized<ReviewAction>;
export type ReviewSummaryData = Serialized<ReviewSummary>;

const REVIEWS = ["reviews"];
const ACTIONS = ["review-actions"];

/** Every quarterly joint review, newest quarter first. */
export function useReviews() {
  return useQuery({
    queryKey: REVIEWS,
    queryFn: ({ signal }) => api.get<{ items: ReviewSummary[] }>("/reviews", undefined, signal),
    select: (d) => d.items,
  });
}

/** One review with its snapshot, agreed actions and the open actions carried into it. */
export function useReview(id: string) {
  return useQuery({
    queryKey: [...REVIEWS, id],
    queryFn: ({ signal }) => api.get<Review>(`/reviews/${id}`, undefined, signal),
  });
}

/** Review actions across every review (e.g. the open ones), by due date. */
export function useReviewActions(status?: ReviewAction["status"]) {
  return useQuery({
    queryKey: [...ACTIONS, status ?? "all"],
    queryFn: ({ signal }) => api.get<{ items: ReviewAction[] }>("/review-actions", { status }, signal),
    select: (d) => d.items,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return useCallback(
    (review?: ReviewData) => {
      if (review) qc.setQueryData([...REVIEWS, review.id], review);
      void qc.invalidateQueries({ queryKey: REVIEWS });
      void qc.invalidateQueries({ queryKey: ACTIONS });
    },
    [qc],
  );
}

/** Starts generating the review of a quarter (managers and admins; a job); the caller shows the API's 400/409 message. */
export function useCreateReview() {
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateReviewBody) => api.post<Job>("/reviews", body),
  });
}

/**
 * Follows a review_generate job: polls it, and once it has succeeded refreshes the reviews and calls `onDone` with
 * the id of the review it generated (once per job).
 */
export function useReviewJob(jobId: string | null, onDone?: (reviewId: string) => void) {
  const refresh = useRefresh();
  const job = useJob(jobId);
  const handled = useRef<string | null>(null);
  const data = job.data;
  useEffect(() => {
    if (!data || data.status !== "succeeded" || handled.current === data.id) return;
    handled.current = data.id;
    refresh();
    const reviewId = data.result?.reviewId;
    if (typeof reviewId === "string") onDone?.(reviewId);
  }, [data, refresh, onDone]);
  return data ?? null;
}

/** Renames a review, records its notes, or makes it final. */
export function useUpdateReview(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateReviewBody) => api.patch<Review>(`/reviews/${id}`, body),
    onSuccess: (r) => refresh(r),
  });
}

/** Starts refreshing a draft review's numbers from today's data (a job, followed with `useReviewJob`). */
export function useRegenerateReview(id: string) {
  return useMutation({
    mutationFn: () => api.post<Job>(`/reviews/${id}/regenerate`),
  });
}

/** Records an action agreed in a review. */
export function useAddReviewAction(reviewId: string) {
  const refresh = useRefresh();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateReviewActionBody) => api.post<ReviewAction>(`/reviews/${reviewId}/actions`, body),
    onSuccess: () => refresh(),
  });
}

/** Changes an action (its owner may record status and outcome; reviewers anything). */
export function useUpdateReviewAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateReviewActionBody }) => api.patch<ReviewAction>(`/review-actions/${id}`, body),
    onSuccess: () => refresh(),
  });
}
