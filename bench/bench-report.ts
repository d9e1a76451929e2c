/** What every benchmark module returns: rows for the table, figures for the JSON line. */
export interface BenchRow {
  name: string;
  value: number | null;
  unit: string;
}

export interface BenchResult<F extends Record<string, number | null> = Record<string, number | null>> {
  rows: BenchRow[];
  figures: F;
}

const formatValue = (value: number | null): string => {
  if (value === null) return "n/a";
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(value >= 10 ? 1 : 3);
};

export const formatTable = (rows: readonly BenchRow[]): string => {
  const nameWidth = Math.max(4, ...rows.map((row) => row.name.length));
  const values = rows.map((row) => formatValue(row.value));
  const valueWidth = Math.max(5, ...values.map((value) => value.length));
  const header = `${"name".padEnd(nameWidth)}  ${"value".padStart(valueWidth)}  unit`;
  const lines = rows.map(
    (row, index) => `${row.name.padEnd(nameWidth)}  ${values[index]?.padStart(valueWidth)}  ${row.unit}`,
  );
  return [header, "-".repeat(header.length + 8), ...lines].join("\n");
};

/** Prints a bench's table and its one JSON line; used when a bench file runs on its own. */
export const printBenchResult = (result: BenchResult): void => {
  process.stdout.write(`${formatTable(result.rows)}\n${JSON.stringify(result.figures)}\n`);
};
