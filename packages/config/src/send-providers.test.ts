import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { parseSendProviders } from './send-providers';

const parse = (text: string) => {
  const problems: string[] = [];
  const groups = parseSendProviders(text, (p) => problems.push(p));
  return { groups, problems };
};

describe('SEND_PROVIDERS', () => {
  it('has the French providers by default, each with its own rate', () => {
    const { sendProviders } = loadConfig({});
    expect(sendProviders.map((g) => g.name)).toEqual(['gmail', 'microsoft', 'orange', 'free', 'sfr', 'laposte']);
    expect(sendProviders.find((g) => g.name === 'microsoft')?.domains).toEqual([
      'outlook.*',
      'hotmail.*',
      'live.*',
      'msn.com',
    ]);
    expect(sendProviders.find((g) => g.name === 'sfr')?.domains).toContain('club-internet.fr');
    expect(sendProviders.every((g) => g.rate !== null && g.rate > 0)).toBe(true);
  });

  it('reads groups, domains and rates; a group without a rate is bounded by SEND_RATE only', () => {
    const { groups, problems } = parse(
      ' gmail = Gmail.com + googlemail.com : 5 ; orange=orange.fr+wanadoo.fr:0.5;ovh=ovh.*',
    );
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      { name: 'gmail', domains: ['gmail.com', 'googlemail.com'], rate: 5 },
      { name: 'orange', domains: ['orange.fr', 'wanadoo.fr'], rate: 0.5 },
      { name: 'ovh', domains: ['ovh.*'], rate: null },
    ]);
  });

  it('says what is wrong, in English, through the settings error', () => {
    expect(parse('gmail').problems[0]).toMatch(/expected name=domain\+domain:rate/);
    expect(parse('gmail=gmail.com:fast').problems[0]).toMatch(/expected a rate in messages per second/);
    expect(parse('gmail=gmail.com:0').problems[0]).toMatch(/above 0/);
    expect(parse('gmail=').problems[0]).toMatch(/at least one domain/);
    expect(parse('gmail=gmail..com').problems[0]).toMatch(/expected a domain/);
    expect(parse('autres=example.org').problems[0]).toMatch(/every other domain/);
    expect(parse('a=x.fr;b=x.fr').problems[0]).toMatch(/"x.fr" is in both "a" and "b"/);
    expect(parse('a=x.fr;a=y.fr').problems[0]).toMatch(/defined twice/);
    expect(() => loadConfig({ SEND_PROVIDERS: 'gmail=gmail.com:-1' })).toThrow(
      /SEND_PROVIDERS: "gmail": expected a rate/,
    );
  });
});

describe('SEND_BOUNCE_PAUSE', () => {
  it('is more than 5 % of the first 500 by default, judged from 50 on', () => {
    expect(loadConfig({}).sendBouncePause).toEqual({ ratio: 0.05, window: 500, minimum: 50 });
  });

  it('reads a share and a window, or off', () => {
    expect(loadConfig({ SEND_BOUNCE_PAUSE: '2,5 % / 1000' }).sendBouncePause).toEqual({
      ratio: 0.025,
      window: 1000,
      minimum: 50,
    });
    expect(loadConfig({ SEND_BOUNCE_PAUSE: '10%/20' }).sendBouncePause?.minimum).toBe(20);
    expect(loadConfig({ SEND_BOUNCE_PAUSE: 'OFF' }).sendBouncePause).toBeNull();
    expect(() => loadConfig({ SEND_BOUNCE_PAUSE: '5' })).toThrow(/SEND_BOUNCE_PAUSE: expected a share/);
    expect(() => loadConfig({ SEND_BOUNCE_PAUSE: '0%/500' })).toThrow(/SEND_BOUNCE_PAUSE/);
    expect(() => loadConfig({ SEND_BOUNCE_PAUSE: '5%/5' })).toThrow(/SEND_BOUNCE_PAUSE/);
  });
});
