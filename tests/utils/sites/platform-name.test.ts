import { describe, expect, it } from 'vitest';
import { SITES } from '@/utils/sites/registry';
import { platformKind, platformName } from '@/utils/sites/catalog';
import { customPlatformId } from '@/utils/sites/custom';

describe('the name a platform is shown by', () => {
  it.each(SITES.map((site) => [site.id, site.name]))('%s is shown as %s', (id, name) => {
    expect(platformName(id)).toBe(name);
  });

  it('names a site the person added by its host, never by its internal id', () => {
    expect(platformName(customPlatformId('video.myclinic.example'))).toBe('video.myclinic.example');
  });
});

describe('the kind of a platform, read without its adapter', () => {
  it.each(SITES.map((site) => [site.id, site.kind]))('%s is a %s platform', (id, kind) => {
    expect(platformKind(id)).toBe(kind);
  });

  it('asks about a site the person added like a therapy service', () => {
    expect(platformKind(customPlatformId('video.myclinic.example'))).toBe('therapy');
  });
});
