import type { Command } from "commander";
import { readCsvFile } from "../csv-reader.js";
import { evaluateCsvTable } from "./model-evaluate.js";
import { formatEvaluation } from "./model-report.js";
import { fail } from "./shared.js";

type EvaluateFlags = {
  label: string;
  positive: string;
  exclude?: string;
  numeric?: string;
  categorical?: string;
  boolean?: string;
  delimiter?: string;
  testFraction: string;
  seed: string;
  lambda: string;
  top: string;
  json?: boolean;
  quiet?: boolean;
};

const list = (value: string | undefined): string[] | undefined => value?.split(",").map((s) => s.trim()).filter((s) => s !== "");

function parseNumber(value: string, flag: string, check: (n: number) => boolean): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || !check(n)) fail(`${flag} ${value} is out of range`);
  return n;
}

/** `model evaluate`: trains and evaluates the predictive score on any CSV with a held-out split. */
export function registerModelCommand(program: Command): void {
  const model = program.command("model").description("predictive score: train and evaluate");
  model
    .command("evaluate")
    .description("train an L2 logistic regression on a CSV and report held-out AUC, calibration and top features")
    .argument("<file>", "CSV file with a header row")
    .requiredOption("--label <column>", "the outcome column")
    .requiredOption("--positive <value>", "the label value that counts as positive (exact match)")
    .option("--exclude <columns>", "comma-separated columns to leave out (e.g. leakage such as duration)")
    .option("--numeric <columns>", "comma-separated columns to treat as numeric (others are inferred)")
    .option("--categorical <columns>", "comma-separated columns to one-hot encode (others are inferred)")
    .option("--boolean <columns>", "comma-separated columns to encode as 0/1 flags")
    .option("--delimiter <char>", "field delimiter (default: detected from the header, ; or ,)")
    .option("--test-fraction <x>", "share of rows held out for testing", "0.25")
    .option("--seed <n>", "random seed of the stratified split", "42")
    .option("--lambda <x>", "L2 penalty λ (objective: Σ log-loss + λ/2·|w|²)", "1")
    .option("--top <n>", "how many top features to list", "10")
    .option("--json", "print one JSON object (including the model) instead of the report")
    .option("--quiet", "no progress on stderr")
    .action((file: string, o: EvaluateFlags) => {
      const testFraction = parseNumber(o.testFraction, "--test-fraction", (n) => n > 0 && n < 1);
      const seed = parseNumber(o.seed, "--seed", Number.isInteger);
      const lambda = parseNumber(o.lambda, "--lambda", (n) => n >= 0);
      const top = parseNumber(o.top, "--top", (n) => Number.isInteger(n) && n >= 0);
      const progress = (m: string) => (o.quiet ? undefined : process.stderr.write(m));
      try {
        const t0 = Date.now();
        progress(`reading ${file}\n`);
        const table = readCsvFile(file, { delimiter: o.delimiter });
        const result = evaluateCsvTable(table, {
          label: o.label,
          positive: o.positive,
          exclude: list(o.exclude),
          numeric: list(o.numeric),
          categorical: list(o.categorical),
          boolean: list(o.boolean),
          testFraction,
          seed,
          lambda,
          top,
          onIteration: (p) => progress(`training: Newton iteration ${p.iteration}, objective ${p.objective.toFixed(3)}, max |gradient| ${p.gradientMax.toExponential(2)} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`),
        });
        progress(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
        process.stdout.write(o.json ? `${JSON.stringify({ file, ...result })}\n` : formatEvaluation(file, result));
      } catch (err) {
        fail(err);
      }
    });
}
