import type { ReactNode } from "react";
import { DataList, Text } from "@mantine/core";

export type Field = { label: string; value: ReactNode; hidden?: boolean };

/** Label/value pairs for a record's details, with a dash for empty values. */
export function FieldList({ fields, labelWidth = 130 }: { fields: Field[]; labelWidth?: number }) {
  return (
    <DataList size="sm" gap={8} labelWidth={labelWidth}>
      {fields
        .filter((f) => !f.hidden)
        .map((f) => (
          <DataList.Item key={f.label}>
            <DataList.ItemLabel>
              <Text fz="sm" c="dimmed">
                {f.label}
              </Text>
            </DataList.ItemLabel>
            <DataList.ItemValue style={{ minWidth: 0, overflowWrap: "anywhere" }}>{f.value === null || f.value === undefined || f.value === "" ? <Text fz="sm" c="dimmed">—</Text> : typeof f.value === "string" || typeof f.value === "number" ? <Text fz="sm" style={{ overflowWrap: "anywhere" }}>{f.value}</Text> : f.value}</DataList.ItemValue>
          </DataList.Item>
        ))}
    </DataList>
  );
}
