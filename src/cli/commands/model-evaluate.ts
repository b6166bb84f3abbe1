import type { CsvTable } from "../csv-reader.js";
import { evaluateHoldout, inferColumnKind, type ColumnKind, type ColumnSpec, type HoldoutReport, type RawRow, type TrainingProgress } from "../../shared/domain/predictive/index.js";

/** What `tandem model evaluate` needs besides the table: label, column choices, split and model settings. */
export type CsvEvaluationOptions = {
  label: string;
  positive: string;
  exclude?: string[];
  numeric?: string[];
  categorical?: string[];
  boolean?: string[];
  testFraction?: number;
  seed?: number;
  lambda?: number;
  top?: number;
  onIteration?: (progress: TrainingProgress) => void;
};

/** The held-out report plus what was read: columns used (with kinds), excluded ones, and rows without a label. */
export type CsvEvaluation = HoldoutReport & {
  label: string;
  positive: string;
  delimiter: string;
  columns: ColumnSpec[];
  excluded: string[];
  skippedRows: number;
  testFraction: number;
  seed: number;
  lambda: number;
};

/** Decides each feature column's kind: the one named in the options, else inferred from its values. */
export function chooseColumns(table: CsvTable, options: CsvEvaluationOptions): ColumnSpec[] {
  const named = new Map<string, ColumnKind>();
  const known = new Set(table.header);
  const check = (name: string, what: string) => {
    if (!known.has(name)) throw new Error(`${what} ${JSON.stringify(name)} is not a column (columns: ${table.header.join(", ")})`);
  };
  check(options.label, "--label");
  for (const name of options.exclude ?? []) check(name, "--exclude");
  for (const kind of ["numeric", "categorical", "boolean"] as const) {
    for (const name of options[kind] ?? []) {
      check(name, `--${kind}`);
      if (name === options.label || options.exclude?.includes(name)) throw new Error(`--${kind} ${name}: that column is the label or excluded`);
      const earlier = named.get(name);
      if (earlier && earlier !== kind) throw new Error(`${name} is listed as both ${earlier} and ${kind}`);
      named.set(name, kind);
    }
  }
  return table.header
    .map((name, j) => ({ name, j }))
    .filter(({ name }) => name !== options.label && !options.exclude?.includes(name))
    .map(({ name, j }) => ({ name, kind: named.get(name) ?? inferColumnKind(table.rows.map((r) => r[j])) }));
}

/** Evaluates a logistic-regression score on a CSV table: stratified split, train, held-out metrics. */
export function evaluateCsvTable(table: CsvTable, options: CsvEvaluationOptions): CsvEvaluation {
  const columns = chooseColumns(table, options);
  const labelIndex = table.header.indexOf(options.label);
  const rows: RawRow[] = [];
  const labels: number[] = [];
  let skippedRows = 0;
  for (const fields of table.rows) {
    const label = (fields[labelIndex] ?? "").trim();
    if (label === "") {
      skippedRows++;
      continue;
    }
    labels.push(label === options.positive ? 1 : 0);
    rows.push(Object.fromEntries(table.header.map((h, j) => [h, fields[j]])));
  }
  const positives = labels.reduce((n, y) => n + y, 0);
  if (positives === 0) throw new Error(`no row has ${options.label} = ${JSON.stringify(options.positive)}`);
  if (positives === labels.length) throw new Error(`every row has ${options.label} = ${JSON.stringify(options.positive)}; nothing to contrast`);
  const testFraction = options.testFraction ?? 0.25;
  const seed = options.seed ?? 42;
  const lambda = options.lambda ?? 1;
  const report = evaluateHoldout(rows, labels, { columns, testFraction, seed, lambda, top: options.top ?? 10, onIteration: options.onIteration });
  const excluded = table.header.filter((h) => h !== options.label && !columns.some((c) => c.name === h));
  return { ...report, label: options.label, positive: options.positive, delimiter: table.delimiter, columns, excluded, skippedRows, testFraction, seed, lambda };
}
