import { describe, expect, it } from 'vitest';
import { SITES, platformName } from '@/utils/sites/registry';
import { customPlatformId } from '@/utils/sites/custom';

describe('the name a platform is shown by', () => {
  it.each(SITES.map((site) => [site.id, site.name]))('%s is shown as %s', (id, name) => {
    expect(platformName(id)).toBe(name);
  });

  it('names a site the person added by its host, never by its internal id', () => {
    expect(platformName(customPlatformId('video.myclinic.example'))).toBe('video.myclinic.example');
  });
});
