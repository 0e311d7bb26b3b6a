// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatTable } from './report';
import { figureOf, median, spread } from './stats';

describe('bench figures', () => {
  it('takes the median and half the interquartile range of the runs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([1, 2, 3, 4, 5])).toBe(1); // quartiles 2 and 4
    expect(spread([7])).toBe(0);
  });

  it('judges a steady median against its target, and a scattered one not at all', () => {
    const steady = figureOf('call page', 'A/B load', [3.1, 3.4, 2.9, 3.8, 3.3], { target: '≤ 5 ms', max: 5, resolve: true });
    expect(steady.meets).toBe(true);
    const scattered = figureOf('call page', 'A/B per minute', [-59, 7.8, 106, -20, 40], { target: '≤ 2 ms', max: 2, resolve: true, note: '10-s samples × 6' });
    expect(scattered.meets).toBe('unresolved');
    expect(scattered.note).toMatch(/^runs scatter ±\d+\.\d ms: too noisy to judge; 10-s samples × 6$/);
    // Without `resolve`, the same runs are judged by their median as before.
    expect(figureOf('call page', 'x', [-59, 7.8, 106, -20, 40], { max: 2 }).meets).toBe(false);
  });

  it('prints ✓, ✗ and ? in the verdict column', () => {
    const table = formatTable([
      figureOf('a', 'met', [1, 1, 1], { target: '≤ 2 ms', max: 2 }),
      figureOf('a', 'missed', [3, 3, 3], { target: '≤ 2 ms', max: 2 }),
      figureOf('a', 'noisy', [-50, 0, 50, 100], { target: '≤ 2 ms', max: 2, resolve: true }),
    ]);
    expect(table.split('\n').slice(2).map((row) => row.split('|')[7]?.trim())).toEqual(['✓', '✗', '?']);
  });
});
