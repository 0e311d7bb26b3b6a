/**
 * The real URLs each platform's adapter was checked against, found in its file under platforms/ as
 * `<site>Examples`.
 * Tests and tooling only (Vite's import.meta.glob): nothing the extension ships imports this file,
 * so adding a platform is its file plus one line in the registry.
 */
import type { SiteAdapter, SiteExamples } from './types';

type SiteModule = Record<string, unknown>;

const isAdapter = (value: unknown): value is SiteAdapter =>
  typeof value === 'object' && value !== null && 'hosts' in value && 'isRoom' in value;

/** Every platform module that exports an adapter, by file name (`doxy-me.ts`). */
export const SITE_MODULES: ReadonlyMap<string, { adapters: SiteAdapter[]; examples: SiteExamples[] }> = new Map(
  Object.entries(import.meta.glob<SiteModule>('./platforms/*.ts', { eager: true }))
    .map(([path, module]) => {
      const adapters = Object.values(module).filter(isAdapter);
      const examples = Object.entries(module)
        .filter(([name]) => name.endsWith('Examples'))
        .map(([, value]) => value as SiteExamples);
      return [path.slice('./platforms/'.length), { adapters, examples }] as const;
    })
    .filter(([, found]) => found.adapters.length > 0),
);

const EXAMPLES = new Map<SiteAdapter, SiteExamples>(
  [...SITE_MODULES.values()].flatMap(({ adapters, examples }) =>
    adapters.length === 1 && examples.length === 1 ? [[adapters[0]!, examples[0]!] as const] : [],
  ),
);

/** The real URLs and sources a supported platform's adapter was checked against. */
export function examplesOf(site: SiteAdapter): SiteExamples {
  const examples = EXAMPLES.get(site);
  if (!examples) throw new Error(`no examples for the ${site.id} adapter`);
  return examples;
}
