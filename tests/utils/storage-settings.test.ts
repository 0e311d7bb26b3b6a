import { describe, expect, it } from 'vitest';
import { disabledPlatforms, setPlatformAsked } from '@/utils/storage';

describe('turning a platform off and on', () => {
  it('keeps the other platforms as they were, and never lists one twice', async () => {
    await disabledPlatforms.setValue(['zoom']);
    await setPlatformAsked('doxy-me', false);
    await setPlatformAsked('doxy-me', false);
    expect(await disabledPlatforms.getValue()).toEqual(['zoom', 'doxy-me']);
    await setPlatformAsked('zoom', true);
    expect(await disabledPlatforms.getValue()).toEqual(['doxy-me']);
    await setPlatformAsked('teams', true);
    expect(await disabledPlatforms.getValue()).toEqual(['doxy-me']);
  });
});
