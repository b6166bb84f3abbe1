import fs from "node:fs";

/** A parsed CSV file: header names, data rows (each as long as the header) and the delimiter used. */
export type CsvTable = { header: string[]; rows: string[][]; delimiter: string };

/** A malformed CSV, with the 1-based line where the problem starts. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const CANDIDATES = [";", ",", "\t", "|"];

/** Picks the delimiter that occurs most often outside quotes on the first line (`,` when none does). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && CANDIDATES.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits RFC 4180 CSV text into records (quoted fields, doubled quotes, embedded breaks; blank lines skipped). */
export function parseCsvRecords(text: string, delimiter: string): { fields: string[]; line: number }[] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") throw new RangeError("the delimiter must be one character other than a quote or line break");
  const records: { fields: string[]; line: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text[i] === '"') {
        const parts: string[] = [];
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvError("unterminated quoted field", startLine);
          const chunk = text.slice(j, q);
          for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", nl + 1)) line++;
          parts.push(chunk);
          if (text[q + 1] === '"') {
            parts.push('"');
            j = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        value = parts.length === 1 ? (parts[0] as string) : parts.join("");
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") throw new CsvError(`unexpected ${JSON.stringify(next)} after a closing quote`, line);
      } else {
        let j = i;
        while (j < text.length && text[j] !== delimiter && text[j] !== "\n" && text[j] !== "\r") j++;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    line++;
    if (!(fields.length === 1 && fields[0] === "")) records.push({ fields, line: startLine });
  }
  return records;
}

/** Parses CSV text with a header row; the delimiter is detected when not given. Every row must match the header's width. */
export function parseCsv(text: string, options: { delimiter?: string } = {}): CsvTable {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records = parseCsvRecords(text, delimiter);
  const first = records[0];
  if (!first) throw new CsvError("the file is empty (no header row)", 1);
  const header = first.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new CsvError(`duplicate column ${JSON.stringify(h)} in the header`, first.line);
    seen.add(h);
  }
  const rows = records.slice(1).map((r) => {
    if (r.fields.length !== header.length) throw new CsvError(`${r.fields.length} fields, the header has ${header.length}`, r.line);
    return r.fields;
  });
  return { header, rows, delimiter };
}

/** Reads and parses a UTF-8 CSV file with a header row. */
export function readCsvFile(path: string, options: { delimiter?: string } = {}): CsvTable {
  return parseCsv(fs.readFileSync(path, "utf8"), options);
}

/** The rows as objects keyed by header name. */
export function toRecords(table: CsvTable): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, j) => [h, row[j] ?? ""])));
}
