import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import { downloadText } from "../../../lib/download";
import type { ContactExportDocument, EraseContactResult } from "../../../../shared/contracts/privacy";
import { ERASE_CONFIRMATION } from "../../../../shared/contracts/privacy";

/** Downloads everything about a contact as `contact-<id>.json` (GDPR access request). */
export function useExportContact() {
  return useMutation({
    mutationFn: async (id: string) => {
      const doc = await api.get<ContactExportDocument>(`/contacts/${id}/export`);
      downloadText(`contact-${id}.json`, JSON.stringify(doc, null, 2), "application/json;charset=utf-8");
      return doc;
    },
  });
}

/** Erases a contact everywhere and suppresses its e-mail; lists and the page forget it. */
export function useEraseContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<EraseContactResult>(`/contacts/${id}/erase`, { confirm: ERASE_CONFIRMATION }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["contacts"] }),
  });
}
