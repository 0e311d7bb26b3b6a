import { describe, expect, it } from 'vitest';
import { roomLabelParts } from '@/utils/sites/room-label';

describe('rooms as people know them', () => {
  it.each([
    ['zoom:81234567890', 'Zoom', '812 3456 7890'],
    ['zoom:1234567890', 'Zoom', '123 456 7890'],
    ['zoom:123456789', 'Zoom', '123 456 789'],
    ['zoom:my/dr.rivera', 'Zoom', 'zoom.us/my/dr.rivera'],
    ['google-meet:abc-mnop-xyz', 'Google Meet', 'abc-mnop-xyz'],
    ['teams:meet/352026135202', 'Microsoft Teams', '352 026 135 202'],
    ['teams:19:meeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1@thread.v2', 'Microsoft Teams', '…ZmN2I1'],
    ['webex:sitename:pr/pgupta', 'Webex', 'sitename.webex.com/meet/pgupta'],
    ['webex:veteransaffairs:mf85a5856faead97291fe0ce7cfacfb00', 'Webex', 'veteransaffairs …acfb00'],
    ['whereby:aoi/agent-smith', 'Whereby', 'aoi/agent-smith'],
    ['jitsi-meet:meet.jit.si/acmedailystandup', 'Jitsi Meet', 'meet.jit.si/acmedailystandup'],
  ])('%s reads as %s %s', (key, platform, meeting) => {
    expect(roomLabelParts(key)).toEqual({ platform, meeting });
  });
});
