import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the studio when its build is missing or older than its sources (development start only). */
export function ensureStudioBuild(studioRoot: string, log: (message: string) => void): void {
  const built = path.join(studioRoot, 'dist', 'index.html');
  const sources = path.join(studioRoot, 'src');
  if (!existsSync(sources)) return;
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(sources)) return;
  log('building the studio (first start or changed sources)…');
  const result = spawnSync('pnpm', ['--filter', '@crieur/studio', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: studioRoot,
  });
  if (result.status !== 0) throw new Error('The studio build failed: run `pnpm build` to see why.');
}
