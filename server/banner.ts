// What the organiser sees in the terminal on start.
import os from 'node:os';
import QRCode from 'qrcode';
import { listensEverywhere } from './config.ts';
import type { Config } from './deps.ts';
import { FAIR_PHONES, FAIR_TABLETS, type ConnectionCapacity } from './limits/connections.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** The machine's LAN IPv4 addresses, the venue network's first. */
export function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/** How many phones and tablets the server holds under its open-file limit, and a warning when that is too few. */
function capacityLines(capacity: ConnectionCapacity | undefined): string[] {
  if (capacity === undefined) return ['Connections: this system does not say how many files the server may open, so none are turned away before it runs out.'];
  const lines = [`Connections: up to ${count(capacity.sessions)} phones and tablets at once (this process may open ${count(capacity.fileLimit)} files).`];
  const fair = FAIR_PHONES + FAIR_TABLETS;
  if (capacity.sessions >= fair) return lines;
  return [
    ...lines,
    `Warning: a fair of ${count(FAIR_PHONES)} phones and ${count(FAIR_TABLETS)} tablets needs ${count(fair)} connections; the others would be told to wait.`,
    '  Raise the open-file limit and restart: `ulimit -n 65536` in the shell that starts Boothlink (past',
    '  the hard limit, `ulimit -Hn`, only root can), LimitNOFILE=65536 in a systemd service,',
    '  `--ulimit nofile=65536` for Docker.',
  ];
}

/** `cluster`: past one machine, where the fair is (cluster.ts); else it is in the data folder. */
export async function banner(config: Config, adminToken: string, port: number, capacity?: ConnectionCapacity, cluster?: string): Promise<string> {
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
    cluster ? `Past one machine: the fair is in ${cluster}; start each server process alike, behind one address.` : `Data folder: ${config.dataDir}`,
    ...capacityLines(capacity),
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}
