// What the organiser sees in the terminal on start.
import os from 'node:os';
import QRCode from 'qrcode';
import { listensEverywhere } from './config.ts';
import type { Config } from './deps.ts';

/** The machine's LAN IPv4 addresses, the venue network's first. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export async function banner(config: Config, adminToken: string, port: number): Promise<string> {
  const scheme = config.tls ? 'https' : 'http';
  // Listening on one address only: the other interfaces' URLs would not answer.
  const hosts = listensEverywhere(config.host) ? [...lanAddresses(), 'localhost'] : [config.host];
  const urls = [...new Set([config.publicUrl, ...hosts.map((h) => `${scheme}://${h.includes(':') ? `[${h}]` : h}:${port}`)])];
  const organiserLink = `${config.publicUrl}/admin#token=${adminToken}`;
  const qr = await QRCode.toString(organiserLink, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
  return [
    '',
    'Boothlink is running.',
    '',
    ...urls.map((u) => `  ${u}`),
    '',
    'Organiser link (keep it private — it opens the organiser page):',
    `  ${organiserLink}`,
    '',
    qr,
    `Data folder: ${config.dataDir}`,
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}
