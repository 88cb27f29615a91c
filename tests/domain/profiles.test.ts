// A packed profile (profiles.ts) must give back exactly what the student typed, whatever they typed.
import { describe, expect, it } from 'vitest';
import { packProfile, profileOf } from '../../server/domain/profiles.ts';
import type { Profile } from '../../shared/schema.ts';

const awkward: Profile[] = [
  { name: 'Sam Lee', email: 'sam@uni.example', phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '' },
  {
    name: '12:34 Zoë "Z" O\'Brien', email: 'zoe:o@uni.example', phone: '+1 (555) 010-0200', school: 'École 42: Paris',
    programme: 'Génie 电气 ⚡ 😀', graduationYear: '2027', link: 'https://example.com/a:b?c=1', interests: 'a\\b\nc\td 3:xyz',
  },
  { name: '0:', email: '1:a', phone: '', school: ':::', programme: '8:', graduationYear: '', link: '', interests: '9'.repeat(200) },
];

describe('packed profiles', () => {
  it.each(awkward)('read back exactly as saved: %o', (profile) => {
    const packed = packProfile(profile);
    expect(typeof packed).toBe('string');
    expect(profileOf({ profile: packed })).toEqual(profile);
  });

  it('leave a profile that is not packed as it is', () => {
    expect(profileOf({ profile: awkward[1]! })).toBe(awkward[1]);
  });

  it('read a packed profile with fields missing at the end (written before a field was added) as empty fields', () => {
    const packed = packProfile(awkward[0]!).replace(/0:0:0:0:0:0:$/, '');
    expect(profileOf({ profile: packed })).toEqual(awkward[0]);
  });

  it('never throw on a hand-damaged packed profile: the fields read as text or empty', () => {
    for (const damaged of ['', 'x', '5:ab', 'abc:def', '99999999999999999999:a', ':::::', '-3:abc']) {
      const profile = profileOf({ profile: damaged });
      expect(Object.keys(profile)).toEqual(['name', 'email', 'phone', 'school', 'programme', 'graduationYear', 'link', 'interests']);
      for (const value of Object.values(profile)) expect(typeof value).toBe('string');
    }
  });
});
