// The Wi-Fi join code's text: each special character of the name and the password escaped as
// phone cameras expect (ZXing's WifiResultParser, Android's and iOS's camera apps).
import { describe, expect, it } from 'vitest';
import { escapeWifiField, wifiJoinText } from '../../server/http/formats/wifi.ts';

describe('wifiJoinText', () => {
  it('writes WPA with its password, and an open network without one', () => {
    expect(wifiJoinText({ ssid: 'FairNet', password: 'hunter22', security: 'WPA' })).toBe('WIFI:T:WPA;S:FairNet;P:hunter22;;');
    expect(wifiJoinText({ ssid: 'FairNet', security: 'nopass' })).toBe('WIFI:T:nopass;S:FairNet;;');
    expect(wifiJoinText({ ssid: 'Old', password: 'abcde', security: 'WEP' })).toBe('WIFI:T:WEP;S:Old;P:abcde;;');
  });

  it.each([
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    ['hall:2', 'hall\\:2'],
    ['all ;,"\\: of them', 'all \\;\\,\\"\\\\\\: of them'],
  ])('escapes %j in a name as %j', (ssid, escaped) => {
    expect(escapeWifiField(ssid)).toBe(escaped);
    expect(wifiJoinText({ ssid, security: 'nopass' })).toBe(`WIFI:T:nopass;S:${escaped};;`);
  });

  it('escapes the password the same way, and leaves other characters as they are', () => {
    expect(wifiJoinText({ ssid: 'Café Wi-Fi 🎓', password: 'p;a,s"s\\w:rd', security: 'WPA' }))
      .toBe('WIFI:T:WPA;S:Café Wi-Fi 🎓;P:p\\;a\\,s\\"s\\\\w\\:rd;;');
  });

  it('escapes a backslash once, before what follows it is escaped', () => {
    // "\;" must become "\\\;" (an escaped backslash, then an escaped semicolon), not "\\;" (which ends the field).
    expect(escapeWifiField('\\;')).toBe('\\\\\\;');
  });
});
