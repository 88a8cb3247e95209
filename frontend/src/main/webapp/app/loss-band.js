// The faint band of batch losses behind the loss curve. A fast run makes tens of thousands of updates a second,
// so the band keeps buckets of `stride` updates, each drawn as its lowest and its highest loss, and doubles the
// stride (merging neighbours) whenever it would pass `maxPoints`: the work per loss stays a comparison, and the
// band's envelope stays true however long the run.

/** A band writing its points ({x, y}, two per bucket) into `points`, which the chart draws. */
export function createBand(points, maxPoints = 1000) {
  let stride = 1;
  let bucket = null; // the open bucket: {start, lo, loAt, hi, hiAt, drawn}

  function close() {
    if (!bucket) return;
    const first = bucket.loAt <= bucket.hiAt ? { x: bucket.loAt, y: bucket.lo } : { x: bucket.hiAt, y: bucket.hi };
    const second = bucket.loAt <= bucket.hiAt ? { x: bucket.hiAt, y: bucket.hi } : { x: bucket.loAt, y: bucket.lo };
    if (bucket.drawn) points.splice(points.length - 2, 2, first, second); else points.push(first, second);
    bucket.drawn = true;
  }

  /** Halves the points: each pair of neighbouring buckets becomes one, keeping the lower low and the higher high. */
  function merge() {
    const merged = [];
    for (let i = 0; i < points.length; i += 4) {
      const group = points.slice(i, i + 4);
      const lo = group.reduce((a, b) => (b.y < a.y ? b : a));
      const hi = group.reduce((a, b) => (b.y > a.y ? b : a));
      merged.push(...(lo.x <= hi.x ? [lo, hi] : [hi, lo]));
    }
    points.splice(0, points.length, ...merged);
    stride *= 2;
  }

  /** Adds losses for updates firstStep, firstStep + 1, ...; a loss that is not a positive number is left out. */
  function add(firstStep, values) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || !(v > 0) || !Number.isFinite(v)) continue;
      const x = firstStep + i;
      if (!bucket || x >= bucket.start + stride) {
        close();
        if (points.length + 2 > maxPoints) {
          merge();
          bucket = null;
        }
        bucket = { start: x - (x % stride), lo: v, loAt: x, hi: v, hiAt: x, drawn: false };
      } else {
        if (v < bucket.lo) { bucket.lo = v; bucket.loAt = x; }
        if (v > bucket.hi) { bucket.hi = v; bucket.hiAt = x; }
      }
    }
    close();
  }

  return { add, stride: () => stride };
}
