import { describe, expect, it } from 'vitest';
import { bouncePauseReason, judgeBounces } from './bounce-pause';

const rule = { ratio: 0.05, window: 500, minimum: 50 };

describe('judgeBounces: more than 5 % of the first 500', () => {
  it('says nothing before 50 recipients were processed, whatever failed', () => {
    expect(judgeBounces({ processed: 49, hardBounces: 40 }, rule)).toEqual({ pause: false, settled: false });
  });

  it('pauses above the share, not at it', () => {
    expect(judgeBounces({ processed: 100, hardBounces: 5 }, rule)).toEqual({ pause: false, settled: false });
    expect(judgeBounces({ processed: 100, hardBounces: 6 }, rule)).toEqual({ pause: true, settled: false });
    expect(judgeBounces({ processed: 412, hardBounces: 38 }, rule).pause).toBe(true);
  });

  it('is settled once the first 500 were judged, and too late past twice that', () => {
    expect(judgeBounces({ processed: 520, hardBounces: 10 }, rule)).toEqual({ pause: false, settled: true });
    expect(judgeBounces({ processed: 600, hardBounces: 60 }, rule)).toEqual({ pause: true, settled: true });
    expect(judgeBounces({ processed: 1001, hardBounces: 900 }, rule)).toEqual({ pause: false, settled: true });
  });
});

describe('bouncePauseReason', () => {
  it('says it in French, with French spaces', () => {
    expect(bouncePauseReason({ processed: 412, hardBounces: 38 })).toBe(
      'Envoi suspendu\u00a0: 38 adresses refusées sur les 412 premières (9\u00a0%). Vérifiez la liste avant de reprendre.',
    );
    expect(bouncePauseReason({ processed: 1200, hardBounces: 100 })).toMatch(
      /100 adresses refusées sur les 1\u202f200/,
    );
  });
});
