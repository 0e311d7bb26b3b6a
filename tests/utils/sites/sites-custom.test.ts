import { describe, expect, it } from 'vitest';
import { customHostFor, customMatchPattern, parseCustomHost } from '@/utils/sites/custom';

describe('custom sites', () => {
  it.each([
    ['video.myclinic.com', 'video.myclinic.com'],
    ['  Video.MyClinic.com  ', 'video.myclinic.com'],
    ['https://telehealth.example.org/room/42?x=1', 'telehealth.example.org'],
    ['care.example.co.uk/path', 'care.example.co.uk'],
  ])('accepts %j as %j', (input, host) => {
    expect(parseCustomHost(input)).toEqual({ host });
  });

  it.each([
    ['', /Type the address/],
    ['http://insecure.example.com', /secure \(https\)/],
    ['localhost', /not a valid site address/],
    ['bad host.com', /not a valid site address/],
    ['*.example.com', /not a valid site address/],
  ])('rejects %j with a clear message', (input, message) => {
    const result = parseCustomHost(input);
    expect('error' in result && result.error).toMatch(message);
  });

  it('matches only its own host over https', () => {
    expect(customMatchPattern('video.myclinic.com')).toBe('https://video.myclinic.com/*');
    expect(customHostFor(new URL('https://video.myclinic.com/r/1'), ['video.myclinic.com'])).toBe('video.myclinic.com');
    expect(customHostFor(new URL('https://evil.video.myclinic.com.attacker.net/'), ['video.myclinic.com'])).toBeUndefined();
  });
});
