/** Probabilities of each outcome on a series of days, for a chart. */
export interface OddsSeries {
  /** Headline, e.g. "Odds of each outcome from kursk-incursion (2025-03-13)". */
  readonly title: string;
  /** A second line, e.g. "assumptions: defaults (every event a mean delay of 30 days)". Optional. */
  readonly subtitle?: string;
  /** Days on the x axis, `YYYY-MM-DD`, increasing, at least 1. */
  readonly days: readonly string[];
  /** One line per outcome; `values[i]` is the probability (0..1) on `days[i]`. */
  readonly lines: ReadonlyArray<{ readonly outcome: string; readonly values: readonly number[] }>;
}

/** Okabe–Ito: told apart under the common colour-vision deficiencies. */
const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;
// Lines 5–8 also differ by dash, so a monochrome print still tells them from lines 1–4.
const FIRST_DASHES = ['', '', '', '', '16 6', '3 5', '16 5 3 5', '8 4 3 4 3 4'] as const;

const TEXT = '#1a1a1a';
const MUTED = '#444444';
const TITLE_SIZE = 32;
const SUBTITLE_SIZE = 22;
const AXIS_SIZE = 20;
const LEGEND_SIZE = 22;
const STROKE = 5;
const SWATCH = 48;
/** Lines whose every value is below this round to 0.0% and are left out of the plot. */
const VISIBLE = 0.0005;
// Layout widths of text are estimates (no font metrics here): a generous average glyph width in em.
const GLYPH_EM = 0.62;
// A `YYYY-MM-DD` label at 20px is about 110px wide: ticks are planned 150px apart and never closer than 125px.
const TICK_ROOM = 150;
const TICK_MIN = 125;
const MIN_WIDTH = 480;
const MIN_HEIGHT = 320;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 forbids even as references (controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an SVG text node or attribute: on one line, XML-escaped, with characters XML cannot hold replaced by U+FFFD. */
function xmlText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// One decimal keeps the output small and the same bytes on every platform; `+ 0` turns -0 into 0.
const n = (value: number): string => String(Math.round(value * 10) / 10 + 0);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const chars = (text: string): number => Array.from(text).length;

/** The dash pattern of the line at `index`: past 8 the colours repeat, so each round of 8 gets its own dashes. */
function dashOf(index: number): string {
  const round = Math.floor(index / PALETTE.length);
  if (round === 0) return FIRST_DASHES[index] ?? '';
  return `${4 * round + 2} ${3 + round} 1 ${3 + round}`;
}

function fail(message: string): never {
  throw new RangeError(`oddsSvg: ${message}`);
}

/** Milliseconds since the epoch of a `YYYY-MM-DD` day, or NaN when it is not a calendar day. */
function dayTime(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return NaN;
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const time = new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(time).toISOString().slice(0, 10) === day ? time : NaN;
}

function validate(series: OddsSeries, width: number, height: number): number[] {
  if (!Number.isFinite(width) || width < MIN_WIDTH) fail(`options.width is ${width}, not a number of at least ${MIN_WIDTH}`);
  if (!Number.isFinite(height) || height < MIN_HEIGHT) fail(`options.height is ${height}, not a number of at least ${MIN_HEIGHT}`);
  const { days, lines } = series;
  if (days.length === 0) fail('days is empty; a chart needs at least 1 day');
  const times = days.map((day, i) => {
    const time = typeof day === 'string' ? dayTime(day) : NaN;
    if (Number.isNaN(time)) fail(`days[${i}] is ${JSON.stringify(day)}, not a YYYY-MM-DD date`);
    return time;
  });
  times.forEach((time, i) => {
    if (i > 0 && time <= times[i - 1]!) fail(`days[${i}] (${days[i]}) is not after days[${i - 1}] (${days[i - 1]})`);
  });
  lines.forEach((line, i) => {
    if (line.values.length !== days.length) fail(`lines[${i}].values has ${line.values.length} entries but days has ${days.length}`);
    line.values.forEach((value, j) => {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        fail(`lines[${i}].values[${j}] is ${String(value)}, not a probability from 0 to 1`);
      }
    });
  });
  return times;
}

/** Indices of the days to label: evenly spread in time, first and last included, no two closer than a label's room. */
function tickDays(times: readonly number[], xOf: (time: number) => number, plotWidth: number): number[] {
  const last = times.length - 1;
  if (last === 0) return [0];
  const count = Math.min(times.length, 8, Math.max(2, Math.floor(plotWidth / TICK_ROOM) + 1));
  const first = times[0]!;
  const span = times[last]! - first;
  const picked: number[] = [];
  for (let k = 0; k < count; k++) {
    const target = first + (span * k) / (count - 1);
    let best = 0;
    times.forEach((time, i) => {
      if (Math.abs(time - target) < Math.abs(times[best]! - target)) best = i;
    });
    if (!picked.includes(best)) picked.push(best);
  }
  // Uneven days can crowd two picks together; drop the inner one so labels never overlap.
  const kept: number[] = [];
  for (const i of picked) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || xOf(times[i]!) - xOf(times[previous]!) >= TICK_MIN) kept.push(i);
    else if (i === last && kept.length > 1) kept[kept.length - 1] = i;
  }
  return kept;
}

/** A line of text squeezed to `room` pixels when it would clearly overflow (estimated at a narrow 0.5em a glyph). */
function fitted(text: string, size: number, room: number): string {
  return chars(text) * size * 0.5 > room ? ` textLength="${n(room)}" lengthAdjust="spacingAndGlyphs"` : '';
}

/**
 * The chart as an SVG document (UTF-8 text, starting with `<svg`): one line per outcome
 * over a 0–100% y axis and a dated x axis, with a legend of each outcome's final value;
 * large type and Okabe–Ito colours (dashed past 8 lines) so it reads from across a room.
 * Throws a RangeError naming the field when the series is malformed.
 */
export function oddsSvg(series: OddsSeries, options: { width?: number; height?: number } = {}): string {
  const width = options.width ?? 1200;
  const height = options.height ?? 720;
  const times = validate(series, width, height);
  const { days, lines } = series;
  const lastDay = days[days.length - 1]!;
  const single = days.length === 1;

  const legendHeader = `on ${lastDay}`;
  const entries = lines.map((line, i) => ({
    outcome: line.outcome,
    label: `${line.outcome} ${percent(line.values[line.values.length - 1]!)}`,
    colour: PALETTE[i % PALETTE.length]!,
    dash: dashOf(i),
    drawn: line.values.some((v) => v >= VISIBLE),
    values: line.values,
  }));

  // Layout: title block on top, y labels left, legend right; the legend is as wide as its longest label, up to 42%.
  const pad = 20;
  const glyph = LEGEND_SIZE * GLYPH_EM;
  const longest = Math.max(chars(legendHeader), ...entries.map((e) => chars(e.label)));
  const legendWidth = Math.min(Math.max(SWATCH + 12 + longest * glyph, 200), width * 0.42);
  const left = 88;
  const top = series.subtitle ? 124 : 88;
  const bottom = height - 56;
  // The last x label is centred on the plot's right edge, so the legend keeps half a label's room clear of it.
  const right = width - pad - legendWidth - 72;
  const plotWidth = right - left;
  const plotHeight = bottom - top;
  const first = times[0]!;
  const span = times[times.length - 1]! - first;
  const xOf = (time: number): number => (single ? left + plotWidth / 2 : left + ((time - first) / span) * plotWidth);
  const yOf = (value: number): number => top + (1 - value) * plotHeight;

  const out: string[] = [];
  const title = xmlText(series.title);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${title}" font-family="system-ui, sans-serif">`,
  );
  out.push(`  <title>${title}</title>`);
  if (series.subtitle) out.push(`  <desc>${xmlText(series.subtitle)}</desc>`);
  // An opaque background keeps dark text readable when the file is shown on a dark page or projector theme.
  out.push(`  <rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`);
  out.push(
    `  <text x="${pad}" y="${pad + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${TEXT}"${fitted(series.title, TITLE_SIZE, width - 2 * pad)}>${title}</text>`,
  );
  if (series.subtitle) {
    out.push(
      `  <text x="${pad}" y="${pad + TITLE_SIZE + 14 + SUBTITLE_SIZE}" font-size="${SUBTITLE_SIZE}" fill="${MUTED}"${fitted(series.subtitle, SUBTITLE_SIZE, width - 2 * pad)}>${xmlText(series.subtitle)}</text>`,
    );
  }

  // Gridlines every 10%, labelled and darker every 20%.
  out.push('  <g class="y-axis">');
  for (let tenth = 0; tenth <= 10; tenth++) {
    const y = n(yOf(tenth / 10));
    const major = tenth % 2 === 0;
    out.push(`    <line x1="${n(left)}" y1="${y}" x2="${n(right)}" y2="${y}" stroke="${major ? '#c8c8c8' : '#e6e6e6'}" stroke-width="${major ? 1.5 : 1}"/>`);
    if (major) out.push(`    <text x="${n(left - 12)}" y="${y}" dy="0.35em" font-size="${AXIS_SIZE}" text-anchor="end" fill="${TEXT}">${tenth * 10}%</text>`);
  }
  out.push('  </g>');

  out.push('  <g class="x-axis">');
  out.push(`    <line x1="${n(left)}" y1="${n(bottom)}" x2="${n(right)}" y2="${n(bottom)}" stroke="${TEXT}" stroke-width="2"/>`);
  for (const i of tickDays(times, xOf, plotWidth)) {
    const x = n(xOf(times[i]!));
    out.push(`    <line x1="${x}" y1="${n(bottom)}" x2="${x}" y2="${n(bottom + 8)}" stroke="${TEXT}" stroke-width="2"/>`);
    out.push(`    <text x="${x}" y="${n(bottom + 8 + AXIS_SIZE + 4)}" font-size="${AXIS_SIZE}" text-anchor="middle" fill="${TEXT}">${days[i]}</text>`);
  }
  out.push('  </g>');

  out.push(`  <g class="outcomes" fill="none" stroke-width="${STROKE}" stroke-linejoin="round">`);
  for (const e of entries) {
    if (!e.drawn) continue;
    const tip = `<title>${xmlText(e.outcome)}</title>`;
    const dash = e.dash ? ` stroke-dasharray="${e.dash}"` : '';
    if (single) {
      // A line needs two days; one day is a dot per outcome.
      out.push(`    <circle cx="${n(xOf(first))}" cy="${n(yOf(e.values[0]!))}" r="9" fill="${e.colour}" stroke="#ffffff" stroke-width="2">${tip}</circle>`);
    } else {
      const points = e.values.map((v, i) => `${n(xOf(times[i]!))},${n(yOf(v))}`).join(' ');
      out.push(`    <polyline points="${points}" stroke="${e.colour}"${dash}>${tip}</polyline>`);
    }
  }
  out.push('  </g>');

  // Rows share the plot's height, but never closer than the type needs.
  const legendX = width - pad - legendWidth;
  const firstRow = top + 44;
  const rowHeight = entries.length > 1 ? Math.min(44, Math.max(LEGEND_SIZE + 6, (bottom - firstRow) / (entries.length - 1))) : 44;
  const room = Math.floor((legendWidth - SWATCH - 12) / glyph);
  out.push(`  <g class="legend" font-size="${LEGEND_SIZE}" fill="${TEXT}">`);
  out.push(`    <text x="${n(legendX)}" y="${n(top + 8)}" font-weight="bold">${xmlText(legendHeader)}</text>`);
  entries.forEach((e, i) => {
    const y = firstRow + i * rowHeight;
    let label = e.label;
    let tip = '';
    if (chars(label) > room) {
      // Too long for the legend column: shorten the name, keep the percentage, and give the full label as a tooltip.
      const pct = percent(e.values[e.values.length - 1]!);
      label = `${Array.from(e.outcome).slice(0, Math.max(1, room - pct.length - 2)).join('')}… ${pct}`;
      tip = `<title>${xmlText(e.label)}</title>`;
    }
    const swatch = single
      ? `<circle cx="${n(legendX + SWATCH / 2)}" cy="${n(y)}" r="9" fill="${e.colour}"/>`
      : `<line x1="${n(legendX)}" y1="${n(y)}" x2="${n(legendX + SWATCH)}" y2="${n(y)}" stroke="${e.colour}" stroke-width="${STROKE}"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>`;
    out.push(`    <g>${tip}${swatch}<text x="${n(legendX + SWATCH + 12)}" y="${n(y)}" dy="0.35em">${xmlText(label)}</text></g>`);
  });
  out.push('  </g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
