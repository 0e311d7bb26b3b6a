import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MODULES } from '@/utils/sites/examples';
import { SITES } from '@/utils/sites/registry';

const platformFiles = readdirSync(join(__dirname, '../../../utils/sites/platforms')).filter((file) => file.endsWith('.ts'));

// The promise of the sites folder: a platform is one file plus one line in the registry.
describe('every file in utils/sites/platforms/ is a registered platform with its examples', () => {
  it.each(platformFiles)('%s exports one adapter, registered, and its examples', (file) => {
    const found = SITE_MODULES.get(file);
    expect(found?.adapters, `${file} exports no site adapter`).toHaveLength(1);
    expect(SITES, `${file}'s adapter is not in SITES (utils/sites/registry.ts)`).toContain(found?.adapters[0]);
    expect(found?.examples, `${file} exports no <site>Examples (its real URLs and sources)`).toHaveLength(1);
  });

  it('registers no adapter that lives outside the folder', () => {
    const inFolder = [...SITE_MODULES.values()].flatMap(({ adapters }) => adapters);
    for (const site of SITES) expect(inFolder, site.id).toContain(site);
    expect(platformFiles.length).toBe(SITES.length);
  });
});
