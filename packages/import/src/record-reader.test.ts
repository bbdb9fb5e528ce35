import { describe, expect, it } from 'vitest';
import { RecordReader, type RecordEvent } from './record-reader';

async function readAll(text: string, size: number, maxRecordSize = 10_000): Promise<RecordEvent[]> {
  const reader = new RecordReader({ delimiter: ';', maxRecordSize });
  const bytes = Buffer.from(text);
  const events: RecordEvent[] = [];
  for (let start = 0; start < bytes.length; start += size)
    events.push(...reader.push(bytes.subarray(start, start + size)));
  events.push(...(await reader.end()));
  return events;
}

describe('RecordReader', () => {
  it.each([1, 4, 1000])('gives each record the line where it starts (chunks of %i bytes)', async (size) => {
    const events = await readAll('a;b\n"x\ny";z\n\nlast;1', size);
    expect(events).toEqual([
      { type: 'record', line: 1, cells: ['a', 'b'] },
      { type: 'record', line: 2, cells: ['x\ny', 'z'] },
      { type: 'record', line: 4, cells: [''] },
      { type: 'record', line: 5, cells: ['last', '1'] },
    ]);
  });

  it.each([1, 1000])('reports an unclosed quote and reads on from the next line (chunks of %i bytes)', async (size) => {
    const events = await readAll('h;e\n"open;1\nok;2\n"bad";"3"\n"never;4\nend;5\n', size);
    expect(events).toEqual([
      { type: 'record', line: 1, cells: ['h', 'e'] },
      { type: 'malformed', line: 2, value: '"open;1' },
      { type: 'record', line: 3, cells: ['ok', '2'] },
      { type: 'record', line: 4, cells: ['bad', '3'] },
      { type: 'malformed', line: 5, value: '"never;4' },
      { type: 'record', line: 6, cells: ['end', '5'] },
    ]);
  });

  it('gives up on a record longer than maxRecordSize, even on a single endless line', async () => {
    const events = await readAll(`h;e\n"${'x'.repeat(500)}\nok;1\n${'y'.repeat(500)}\nok;2\n`, 7, 100);
    expect(events.map((event) => [event.type, event.line])).toEqual([
      ['record', 1],
      ['malformed', 2],
      ['record', 3],
      ['malformed', 4],
      ['record', 5],
    ]);
  });
});
