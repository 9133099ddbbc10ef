import type { IntlShape } from 'react-intl';

/** "7 days", "5 hours", "12 minutes": a span of time in its largest unit, to the nearest one (at least a minute). */
export function durationText(intl: IntlShape, seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 84_600) return intl.formatMessage({ id: 'console.queue.days' }, { n: Math.round(s / 86_400) });
  if (s >= 3_570) return intl.formatMessage({ id: 'console.queue.hours' }, { n: Math.round(s / 3_600) });
  return intl.formatMessage({ id: 'console.queue.minutes' }, { n: Math.max(1, Math.round(s / 60)) });
}
