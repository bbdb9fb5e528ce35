import { describe, expect, it } from 'vitest';
import { changesFromLedger, dayFigures, foldSnapshots, NO_CHANGES } from './fold-snapshots';

describe('day figures', () => {
  it('closes a day from the counts before it and its changes', () => {
    const snap = dayFigures({
      listId: 1,
      day: '2026-03-29',
      before: { confirmed: 10, pending: 2, unsubscribed: 1 },
      changes: {
        confirmed: 3,
        pending: -1,
        unsubscribed: 1,
        subscribes: 4,
        confirmations: 4,
        unsubscribes: 1,
        bounces: 1,
        erasures: 0,
      },
    });
    expect(snap).toEqual({
      listId: 1,
      day: '2026-03-29',
      confirmed: 13,
      pending: 1,
      unsubscribed: 2,
      subscribes: 4,
      confirmations: 4,
      unsubscribes: 1,
      bounces: 1,
      erasures: 0,
    });
  });

  it('carries counts across quiet days and keeps lists apart', () => {
    const rows = foldSnapshots({
      listIds: [1, 2],
      days: ['2026-01-01', '2026-01-02', '2026-01-03'],
      before: new Map([[1, { confirmed: 5, pending: 0, unsubscribed: 0 }]]),
      changes: new Map([
        ['1|2026-01-02', { ...NO_CHANGES, confirmed: 2, subscribes: 2, confirmations: 2 }],
        ['2|2026-01-01', { ...NO_CHANGES, pending: 1, subscribes: 1 }],
        ['2|2026-01-03', { ...NO_CHANGES, pending: -1, unsubscribed: 1, unsubscribes: 1 }],
      ]),
    });
    expect(
      rows.map((r) => [r.listId, r.day, r.confirmed, r.pending, r.unsubscribed, r.subscribes, r.unsubscribes]),
    ).toEqual([
      [1, '2026-01-01', 5, 0, 0, 0, 0],
      [1, '2026-01-02', 7, 0, 0, 2, 0],
      [1, '2026-01-03', 7, 0, 0, 0, 0],
      [2, '2026-01-01', 0, 1, 0, 1, 0],
      [2, '2026-01-02', 0, 1, 0, 0, 0],
      [2, '2026-01-03', 0, 0, 1, 0, 1],
    ]);
  });

  it('reads the ledger rows: bucket 0 is the counts before, bucket n the nth day', () => {
    const row = (listId: number, bucket: number, confirmed: number, subscribes = 0) => ({
      ...NO_CHANGES,
      listId,
      bucket,
      confirmed,
      subscribes,
    });
    const { before, changes } = changesFromLedger({
      rows: [row(1, 0, 5), row(1, 2, 2, 2), row(2, 1, 1, 1)],
      days: ['2026-01-01', '2026-01-02'],
    });
    expect([...before]).toEqual([[1, { confirmed: 5, pending: 0, unsubscribed: 0 }]]);
    expect([...changes]).toEqual([
      ['1|2026-01-02', { ...NO_CHANGES, confirmed: 2, subscribes: 2 }],
      ['2|2026-01-01', { ...NO_CHANGES, confirmed: 1, subscribes: 1 }],
    ]);
  });
});
