// Benchmark output: a table for people plus one `BENCH <name> <value> <unit>` line per
// figure, so runs can be compared by a script.
export function reportFigure(name: string, value: number, unit: string): void {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3));
  console.log(`BENCH ${name} ${rounded} ${unit}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function table(rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`;
  console.log(line(columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
}

/**
 * This machine's memory latency: nanoseconds per read in a dependent chase through one random cycle over 256 MB,
 * so every read misses the caches and most miss the TLB. An HNSW walk is a chain of such reads (buffer mapping,
 * buffer header, index page, vector), so search latencies move with this figure: on the shared 2-core development
 * VM it ranged from about 260 to 290 ns between minutes. Printed next to the figures it explains.
 */
export function memoryLatencyNs(): number {
  const slots = 64 * 1024 * 1024;
  const next = new Uint32Array(slots);
  for (let index = 0; index < slots; index++) next[index] = index;
  // Sattolo's shuffle: a single cycle through every slot, so the chase cannot settle into a short loop.
  let seed = 7;
  for (let index = slots - 1; index > 0; index--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const other = seed % index;
    [next[index], next[other]] = [next[other]!, next[index]!];
  }
  const reads = 3_000_000;
  let position = 0;
  const started = performance.now();
  for (let read = 0; read < reads; read++) position = next[position]!;
  const elapsed = performance.now() - started;
  // `position` feeds the result so the loop cannot be optimised away.
  return (elapsed * 1e6) / reads + (position === -1 ? 1 : 0);
}
