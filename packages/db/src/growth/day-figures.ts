/** One list's figures for one day: the three state counts (or their changes) and the day's movements. */
export type DayFigures = {
  confirmed: number;
  pending: number;
  unsubscribed: number;
  subscribes: number;
  confirmations: number;
  unsubscribes: number;
  bounces: number;
  erasures: number;
};
