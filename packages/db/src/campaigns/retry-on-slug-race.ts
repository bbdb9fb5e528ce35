import { isUniqueViolation } from '../errors';

// two saves may pick the same free slug at once: the loser tries again with a fresh one
export async function retryOnSlugRace<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
