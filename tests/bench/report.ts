/** The bench's one table, and the same figures as JSON in bench/results.json. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Figure } from './stats';

export interface Machine {
  /** `nproc`: the CPUs this process may use. */
  nproc: number;
  /** `lscpu` model name. */
  cpuModel: string;
  memoryGb: number;
  node: string;
  chromium: string;
  /** `uptime`'s load averages (1, 5, 15 minutes) when the figures were written: how quiet the machine was. */
  loadAverage: number[];
}

let model: string | undefined;

/** Asked of `lscpu` once a run: the machine is written again after every section. */
function lscpuModel(): string {
  return (model ??= readModel());
}

function readModel(): string {
  try {
    const line = execFileSync('lscpu', { encoding: 'utf8' }).split('\n').find((row) => row.startsWith('Model name:'));
    return line?.replace('Model name:', '').trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

export function describeMachine(chromium: string): Machine {
  return {
    nproc: availableParallelism(),
    cpuModel: lscpuModel(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

function format(value: number, unit: Figure['unit']): string {
  if (Number.isNaN(value)) return '–';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === '/min') return `${value.toFixed(1)}/min`;
  return `${value.toFixed(Math.abs(value) < 10 ? 1 : 0)} ms`;
}

const COLUMNS = ['area', 'figure', 'median', 'min', 'max', 'n', 'target', '', 'note'] as const;

/** The table as text: one row per figure, the target beside it, ✓ or ✗ where there is one (? where the runs cannot tell). */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.area,
    f.figure,
    format(f.median, f.unit),
    f.runs > 1 ? format(f.min, f.unit) : '',
    f.runs > 1 ? format(f.max, f.unit) : '',
    String(f.runs),
    f.target,
    f.meets === null ? '' : f.meets === 'unresolved' ? '?' : f.meets ? '✓' : '✗',
    f.note ?? '',
  ]);
  const widths = COLUMNS.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join(' | ')
      .trimEnd();
  return [line(COLUMNS), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Writes the figures, the machine and the settings to `path` (its folder is created). */
export function writeResults(path: string, figures: readonly Figure[], machine: Machine, settings: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true });
  const clean = figures.map((figure) => JSON.parse(JSON.stringify(figure, (_, value: unknown) => (Number.isNaN(value) ? null : value))) as Figure);
  writeFileSync(path, `${JSON.stringify({ takenAt: new Date().toISOString(), machine, settings, figures: clean }, null, 2)}\n`);
}
