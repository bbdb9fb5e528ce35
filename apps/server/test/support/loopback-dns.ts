// A small authoritative DNS server on loopback (UDP) for the preflight's SPF, DKIM and DMARC checks.
import { createSocket } from 'node:dgram';
import dnsPacket, { type Answer, type Question } from 'dns-packet';

/** Records by name (lower case); a name absent is NXDOMAIN, a type absent on a known name is NODATA. */
export type DnsZone = Record<string, { TXT?: string[]; A?: string[]; AAAA?: string[] }>;

export type LoopbackDns = {
  /** "127.0.0.1:<port>", for DNS_SERVERS */
  server: string;
  /** change records while it runs */
  zone: DnsZone;
  /** questions asked so far, "TXT sel._domainkey.example.test" */
  asked: string[];
  close(): Promise<void>;
};

const NXDOMAIN = 3;

// a TXT record's text in 255-byte character-strings, as a long DKIM key is published
const txtData = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) parts.push(bytes.subarray(i, i + 255));
  return parts;
};

function answersFor(zone: DnsZone, q: Question): Answer[] | null {
  const records = zone[q.name.toLowerCase().replace(/\.$/, '')];
  if (!records) return null;
  const base = { name: q.name, ttl: 60, class: 'IN' as const };
  if (q.type === 'TXT') return (records.TXT ?? []).map((t) => ({ ...base, type: 'TXT' as const, data: txtData(t) }));
  if (q.type === 'A') return (records.A ?? []).map((ip) => ({ ...base, type: 'A' as const, data: ip }));
  if (q.type === 'AAAA') return (records.AAAA ?? []).map((ip) => ({ ...base, type: 'AAAA' as const, data: ip }));
  return [];
}

export async function startLoopbackDns(zone: DnsZone): Promise<LoopbackDns> {
  const socket = createSocket('udp4');
  const asked: string[] = [];
  const state: LoopbackDns = {
    server: '',
    zone,
    asked,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (message, remote) => {
    let query: ReturnType<typeof dnsPacket.decode>;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    asked.push(`${question.type} ${question.name.toLowerCase()}`);
    const answers = answersFor(state.zone, question);
    const reply = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED | (answers === null ? NXDOMAIN : 0),
      questions: [question],
      answers: answers ?? [],
    });
    socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  state.server = `127.0.0.1:${socket.address().port}`;
  return state;
}
