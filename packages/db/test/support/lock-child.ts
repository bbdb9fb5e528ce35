// One contender for the data-directory lock, started together with others at `startAt`.
import { acquireLock } from '../../src/embedded/data-dir-lock';

const [lockPath, startAt] = process.argv.slice(2) as [string, string];
const early = Number(startAt) - Date.now();
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
const got = await acquireLock(lockPath, 'race');
// stderr: whether this contender was ready before the start (otherwise there was no race)
process.stderr.write(`${early}\n`);
process.stdout.write('held' in got ? 'held\n' : `owner ${got.owner.pid}\n`);
// the winner keeps it long enough for every loser to find it alive
if ('held' in got) setTimeout(() => got.held.release(), 1_500);
