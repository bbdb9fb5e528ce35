/** Runs at most `max` tasks at once; the others wait in arrival order. */
export function limitConcurrency(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      // hand the slot straight to the next task, so a newcomer cannot jump the queue
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
