// One template per REST path (shared/paths.ts, shared/api.ts): the client fills it, the server compiles it. What
// the client makes, the server's pattern takes back, value for value.
import { describe, expect, it } from 'vitest';
import { pathPattern } from '../../server/http/plumbing/pathPattern.ts';
import { ADMIN_FAIR, ADMIN_RESET_CODE, ADMIN_REVOKE_TABLET, EXPORT_INTRODUCTIONS_CSV } from '../../shared/api.ts';
import { BOOTH_QR_SVG, INTERVIEW_ICS, pathTo, REP_VCARD } from '../../shared/paths.ts';

describe('path templates', () => {
  it('fill in each parameter, URL-encoded', () => {
    expect(pathTo(REP_VCARD, { slug: 'acme-rockets', repId: 'rep_1' })).toBe('/api/booths/acme-rockets/reps/rep_1.vcf');
    expect(pathTo(INTERVIEW_ICS, { requestId: 'a/b?c' })).toBe('/api/interviews/a%2Fb%3Fc.ics');
    expect(pathTo(ADMIN_FAIR, {})).toBe('/api/admin/fair');
  });

  it('compile to anchored patterns with each parameter’s URL-safe class and length cap', () => {
    expect(pathPattern(BOOTH_QR_SVG).source).toBe('^\\/api\\/booths\\/([a-z0-9-]{1,60})\\/qr\\.svg$');
    expect(pathPattern(ADMIN_REVOKE_TABLET).source).toBe('^\\/api\\/admin\\/booths\\/([A-Za-z0-9_-]{1,80})\\/reps\\/([A-Za-z0-9_-]{1,80})\\/revoke$');
    expect(pathPattern(EXPORT_INTRODUCTIONS_CSV).test('/api/admin/export/introductionsXcsv')).toBe(false);
  });

  it('give back what the client filled in', () => {
    const values = { boothId: 'b-1_x', repId: 'R'.repeat(80) };
    expect(pathPattern(ADMIN_REVOKE_TABLET).exec(pathTo(ADMIN_REVOKE_TABLET, values))?.slice(1)).toEqual([values.boothId, values.repId]);
    expect(pathPattern(ADMIN_RESET_CODE).test(pathTo(ADMIN_RESET_CODE, { boothId: 'R'.repeat(81) }))).toBe(false);
    expect(pathPattern(REP_VCARD).test(pathTo(REP_VCARD, { slug: 'ACME', repId: 'r' }))).toBe(false);
  });
});
