/** Pure number helpers for the benchmark report. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/** value / baseline, or null when there is no usable baseline. */
export function ratio(value: number, baseline: number | undefined | null): number | null {
  if (baseline === undefined || baseline === null || !Number.isFinite(baseline) || baseline <= 0) return null;
  if (!Number.isFinite(value)) return null;
  return value / baseline;
}

export const formatRatio = (r: number | null) => (r === null ? "—" : `${r.toFixed(2)}×`);
export const formatMs = (ms: number | null | undefined) =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? "—" : ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(0)} ms`;
export const formatKb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? "—" : `${(bytes / 1024).toFixed(1)} KB`;
export const formatMb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? "—" : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A plain-text table with right-aligned columns after the first. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * Times an async function `count` times, or fewer once `budgetMs` is spent and at least
 * `minSamples` are in (slow queries at 100k items would otherwise take minutes); returns ms.
 */
export async function timeRepeatedly(
  count: number,
  run: (i: number) => Promise<unknown>,
  { budgetMs = Infinity, minSamples = 20 }: { budgetMs?: number; minSamples?: number } = {},
): Promise<number[]> {
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < count; i++) {
    if (samples.length >= minSamples && performance.now() > deadline) break;
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}
