// The text of a Wi-Fi join QR code, as phone cameras read it (Android's and iOS's camera apps,
// ZXing's WifiResultParser): WIFI:T:<security>;S:<name>;P:<password>;; with each special character
// of the name and the password behind a backslash.
import type { Wifi } from '../../../shared/schema.ts';

/** Backslash, semicolon, comma, double quote and colon mean something in the format: each gets a backslash. */
export const escapeWifiField = (text: string): string => text.replace(/[\\;,":]/g, (c) => `\\${c}`);

export function wifiJoinText(wifi: Wifi): string {
  const password = wifi.security !== 'nopass' && wifi.password ? `P:${escapeWifiField(wifi.password)};` : '';
  return `WIFI:T:${wifi.security};S:${escapeWifiField(wifi.ssid)};${password};`;
}
