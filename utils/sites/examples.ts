/**
 * The real URLs each platform's adapter was checked against, found in its file as `<site>Examples`.
 * Tests and tooling only (Vite's import.meta.glob): nothing the extension ships imports this file,
 * so adding a platform is its file plus one line in the registry.
 */
import type { SiteAdapter, SiteExamples } from './types';

type SiteModule = Record<string, unknown>;

/** The files here that are not a platform; the glob below names the same (Vite needs a literal). */
export const SHARED_FILES = ['examples.ts', 'registry.ts', 'types.ts', 'paths.ts', 'custom.ts', 'custom-scripts.ts', 'watch-offer.ts', 'watch-site.ts', 'room-label.ts'];

const isAdapter = (value: unknown): value is SiteAdapter =>
  typeof value === 'object' && value !== null && 'hosts' in value && 'isRoom' in value;

/** Every module in this folder that exports an adapter, by file name (`doxy-me.ts`). */
export const SITE_MODULES: ReadonlyMap<string, { adapters: SiteAdapter[]; examples: SiteExamples[] }> = new Map(
  Object.entries(import.meta.glob<SiteModule>(['./*.ts', '!./{examples,registry,types,paths,custom,custom-scripts,watch-offer,watch-site,room-label}.ts'], { eager: true }))
    .map(([path, module]) => {
      const adapters = Object.values(module).filter(isAdapter);
      const examples = Object.entries(module)
        .filter(([name]) => name.endsWith('Examples'))
        .map(([, value]) => value as SiteExamples);
      return [path.slice(2), { adapters, examples }] as const;
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
