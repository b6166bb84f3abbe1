import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContactMessaging, CreateMessageBody, Message, MessageList, UpdateMessageBody } from "../../../../shared/contracts/enablement-messages.js";
import { api, type Query } from "../../../lib/api-client";

const KEY = ["messages"];

/** The messaging of a contact's persona, then the general messages. */
export function useContactMessaging(contactId: string) {
  return useQuery({ queryKey: [...KEY, "contact", contactId], queryFn: ({ signal }) => api.get<ContactMessaging>(`/contacts/${contactId}/messaging`, undefined, signal) });
}

/** The messaging library filtered by search, kind, persona, product and archived (most relevant, then newest). */
export function useMessages(query: Query, enabled = true) {
  return useQuery({ queryKey: [...KEY, "list", query], queryFn: ({ signal }) => api.get<MessageList>("/messages", query, signal), placeholderData: keepPreviousData, enabled });
}

/** Writes a message, or changes, archives or restores one when an id is given. */
export function useSaveMessage() {
  const qc = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { id?: string; body: CreateMessageBody | UpdateMessageBody }) => (v.id ? api.patch<Message>(`/messages/${v.id}`, v.body) : api.post<Message>("/messages", v.body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
