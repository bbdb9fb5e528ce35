/**
 * Fixed-window counters kept in this process, bounded in size: the fallback of Redis counters
 * while Redis is down. Per process only, so a cluster of N servers lets N times the limit through.
 */
export class MemoryWindow {
  private readonly counts = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one hit for `key` and returns the window's count; Infinity when full of live keys (a flood). */
  hit(key: string, nowMs: number): number {
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= nowMs) {
      if (!entry && this.counts.size >= this.maxKeys) this.prune(nowMs);
      if (!entry && this.counts.size >= this.maxKeys) return Infinity;
      entry = { count: 0, resetAt: nowMs + this.windowMs };
      this.counts.set(key, entry);
    }
    entry.count++;
    return entry.count;
  }

  /** The window's count for `key` without counting a hit, and when the window ends. */
  peek(key: string, nowMs: number): { count: number; resetAt: number } {
    const entry = this.counts.get(key);
    return entry && entry.resetAt > nowMs ? { ...entry } : { count: 0, resetAt: nowMs + this.windowMs };
  }

  private prune(nowMs: number): void {
    for (const [key, entry] of this.counts) if (entry.resetAt <= nowMs) this.counts.delete(key);
  }
}
