import { useEffect } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateWebhookBody, UpdateWebhookBody, WebhookDeliveryWithAttempts, WebhookEndpoint, WebhookEndpointWithSecret } from "../../../../shared/contracts/webhooks.js";
import { api } from "../../../lib/api-client";
import { useCursorList } from "../../../lib/use-cursor-list";

const KEY = ["webhooks"];
const deliveriesKey = (id: string) => ["webhooks", id, "deliveries"];

/** The workspace's webhook endpoints with delivery counts. */
export function useWebhooks(enabled = true) {
  return useQuery({
    queryKey: KEY,
    enabled,
    queryFn: ({ signal }) => api.get<{ items: WebhookEndpoint[] }>("/webhooks", undefined, signal),
    select: (d) => d.items,
  });
}

/** One endpoint with its signing secret. */
export function useWebhook(id: string | null) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => api.get<WebhookEndpointWithSecret>(`/webhooks/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** An endpoint's delivery log, newest first; refreshed every few seconds while something is still pending. */
export function useWebhookDeliveries(id: string, status: string | null) {
  const list = useCursorList<WebhookDeliveryWithAttempts>(deliveriesKey(id), `/webhooks/${id}/deliveries`, { status, limit: 25 });
  const hasPending = list.items.some((d) => d.status === "pending");
  const { refetch } = list;
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => void refetch(), 3_000);
    return () => clearInterval(timer);
  }, [hasPending, refetch]);
  return list;
}

/** Registers an endpoint; the answer carries its secret. */
export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateWebhookBody) => api.post<WebhookEndpointWithSecret>("/webhooks", body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Changes an endpoint (URL, events, note, enabled). */
export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ id, patch }: { id: string; patch: UpdateWebhookBody }) => api.patch<WebhookEndpoint>(`/webhooks/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Deletes an endpoint with its log. */
export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/webhooks/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Replaces the signing secret. */
export function useRotateWebhookSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<WebhookEndpointWithSecret>(`/webhooks/${id}/rotate-secret`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Queues a webhook.test message to the endpoint. */
export function useSendTestWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<WebhookDeliveryWithAttempts>(`/webhooks/${id}/test`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** Sends a delivery again with the same webhook-id. */
export function useReplayDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<WebhookDeliveryWithAttempts>(`/webhook-deliveries/${deliveryId}/replay`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
