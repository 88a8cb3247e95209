// The speed control's notches: updates per second, slow on the left, then "as fast as possible" (0). A page
// opens at the notch where its planned run takes a few seconds, so the fit visibly moves.

import { t, tn } from './i18n.js';

export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 0];

const WATCH_SECONDS = 4;

/** "5 updates/s", or "fastest" for 0. */
export function speedLabel(speed) {
  if (speed === 0) return t('speed.fastest');
  return tn('speed.rate', speed);
}

/** The notch at which `steps` updates take about four seconds. */
export function watchableSpeed(steps) {
  const wanted = steps / WATCH_SECONDS;
  const paced = SPEEDS.filter((s) => s > 0);
  return paced.reduce((best, s) => (Math.abs(Math.log(s / wanted)) < Math.abs(Math.log(best / wanted)) ? s : best));
}
