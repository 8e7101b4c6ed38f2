import { describe, expect, it } from 'vitest';
import { oddsSvg, type OddsSeries } from '../../../src/engine/formats/odds-svg.js';

const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

/** `count` consecutive days from 2025-03-13. */
function daysFrom(count: number, start = Date.UTC(2025, 2, 13)): string[] {
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const DAYS = daysFrom(31);
const ramp = (from: number, to: number): number[] => DAYS.map((_, i) => from + ((to - from) * i) / (DAYS.length - 1));

const SERIES: OddsSeries = {
  title: 'Odds of each outcome from kursk-incursion (2025-03-13)',
  subtitle: 'assumptions: defaults (every event a mean delay of 30 days)',
  days: DAYS,
  lines: [
    { outcome: 'awaiting-russia', values: ramp(1, 0.3) },
    { outcome: 'ceasefire-in-force', values: ramp(0, 0.412) },
    { outcome: 'rejected', values: ramp(0, 0.288) },
    { outcome: 'truce-collapsed', values: DAYS.map(() => 0.0002) },
  ],
};

interface Element {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
  /** Text directly inside the element, entities left as written. */
  text: string;
  readonly parent: Element | null;
}

// One token at a time: a start, end or empty tag with double-quoted attributes, or a run of text without `<`.
const TOKEN = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
const ATTR = /([\w:-]+)="([^"]*)"/g;
// A `&` is only allowed as the start of one of XML's five entities or a character reference.
const BARE_AMP = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/**
 * A small strict reader for the XML this chart writes: every tag opened is closed in order,
 * no raw `<` or bare `&` in text or attributes, one root element. Throws on anything else.
 */
function parseXml(xml: string): Element {
  const root: Element = { name: '#document', attrs: {}, children: [], text: '', parent: null };
  let at: Element = root;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    if (!m) throw new Error(`not XML at offset ${start}: ${JSON.stringify(xml.slice(start, start + 40))}`);
    const [, close, name, attrText, empty, text] = m;
    if (text !== undefined) {
      if (BARE_AMP.test(text)) throw new Error(`bare & in text ${JSON.stringify(text)}`);
      if (text.includes('>') && at !== root) throw new Error(`raw > in text ${JSON.stringify(text)}`);
      if (at === root && text.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(text)}`);
      at.text += text;
    } else if (close) {
      if (at.name !== name) throw new Error(`</${name}> closes <${at.name}>`);
      at = at.parent!;
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of attrText!.matchAll(ATTR)) {
        if (BARE_AMP.test(value!)) throw new Error(`bare & in attribute ${key}="${value}"`);
        if (key! in attrs) throw new Error(`attribute ${key} twice on <${name}>`);
        attrs[key!] = value!;
      }
      if (at === root && root.children.length > 0) throw new Error('more than one root element');
      const element: Element = { name: name!, attrs, children: [], text: '', parent: at };
      at.children.push(element);
      if (!empty) at = element;
    }
  }
  if (at !== root) throw new Error(`<${at.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

function all(element: Element, name?: string): Element[] {
  const below = element.children.flatMap((child) => all(child, name));
  return name === undefined || element.name === name ? [element, ...below] : below;
}

/** Text as a reader sees it: the five entities decoded. */
function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => named[name]!);
}

/** An element's attribute, looked up through its ancestors as SVG inherits presentation attributes. */
function inherited(element: Element | null, attr: string): string | undefined {
  for (let at = element; at; at = at.parent) if (attr in at.attrs) return at.attrs[attr];
  return undefined;
}

const textsOf = (svg: Element): string[] => all(svg, 'text').map((t) => decode(t.text));
const pointsOf = (line: Element): Array<[number, number]> =>
  line.attrs.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
const tooltip = (element: Element): string | undefined => {
  const title = element.children.find((c) => c.name === 'title');
  return title && decode(title.text);
};

describe('odds chart (SVG)', () => {
  const text = oddsSvg(SERIES);
  const svg = parseXml(text);
  const polylines = all(svg, 'polyline');

  it('is a well-formed SVG document of 1200×720 by default', () => {
    expect(text.startsWith('<svg')).toBe(true);
    expect(svg.name).toBe('svg');
    expect(svg.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      width: '1200',
      height: '720',
      viewBox: '0 0 1200 720',
      'font-family': 'system-ui, sans-serif',
    });
  });

  it('takes another size from the options', () => {
    const small = parseXml(oddsSvg(SERIES, { width: 800, height: 500 }));
    expect(small.attrs).toMatchObject({ width: '800', height: '500', viewBox: '0 0 800 500' });
    for (const line of all(small, 'polyline')) for (const [x, y] of pointsOf(line)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(800);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(500);
    }
  });

  it('is announced to screen readers by its title: role="img", aria-label, and a <title> first', () => {
    expect(svg.attrs.role).toBe('img');
    expect(decode(svg.attrs['aria-label']!)).toBe(SERIES.title);
    expect(svg.children[0]!.name).toBe('title');
    expect(decode(svg.children[0]!.text)).toBe(SERIES.title);
  });

  it('shows the title and subtitle as text, the title in large type', () => {
    const texts = all(svg, 'text');
    const title = texts.find((t) => decode(t.text) === SERIES.title);
    expect(title).toBeDefined();
    expect(Number(inherited(title!, 'font-size'))).toBeGreaterThanOrEqual(28);
    expect(textsOf(svg)).toContain(SERIES.subtitle);
  });

  it('writes no font smaller than 20px, and every text has a size', () => {
    const sizes = all(svg).filter((e) => 'font-size' in e.attrs).map((e) => Number(e.attrs['font-size']));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(20);
    for (const t of all(svg, 'text')) expect(Number(inherited(t, 'font-size'))).toBeGreaterThanOrEqual(20);
  });

  it('lists every outcome in the legend with its value on the last day, a line that stays at 0 as 0.0%', () => {
    const texts = textsOf(svg);
    expect(texts).toEqual(
      expect.arrayContaining(['awaiting-russia 30.0%', 'ceasefire-in-force 41.2%', 'rejected 28.8%', 'truce-collapsed 0.0%']),
    );
    expect(texts).toContain(`on ${DAYS[DAYS.length - 1]}`);
  });

  it('draws one line per outcome that ever reaches 0.05%, through every day, named in its tooltip', () => {
    expect(polylines.map(tooltip)).toEqual(['awaiting-russia', 'ceasefire-in-force', 'rejected']);
    for (const line of polylines) {
      expect(pointsOf(line)).toHaveLength(DAYS.length);
      expect(Number(inherited(line, 'stroke-width'))).toBeGreaterThanOrEqual(4);
      expect(inherited(line, 'fill')).toBe('none');
    }
  });

  it('draws 100% at the top of the plot and 0% at the bottom, level with the axis labels', () => {
    const [falling, rising] = polylines.map(pointsOf);
    const yOf = (label: string): number => Number(all(svg, 'text').find((t) => t.text === label)!.attrs.y);
    expect(falling![0]![1]).toBeLessThan(rising![0]![1]);
    expect(falling![0]![1]).toBe(yOf('100%'));
    expect(rising![0]![1]).toBe(yOf('0%'));
    // 30% sits 3/10 of the way up.
    expect(falling![DAYS.length - 1]![1]).toBeCloseTo(yOf('0%') + 0.3 * (yOf('100%') - yOf('0%')), 0);
  });

  it('labels the y axis from 0% to 100% in steps of 20%, with a gridline every 10%', () => {
    const labels = textsOf(svg).filter((t) => /^\d+%$/.test(t));
    expect(labels).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    const grid = all(svg, 'line').filter((l) => l.attrs.y1 === l.attrs.y2 && Number(l.attrs.x2) - Number(l.attrs.x1) > 300);
    const levels = new Set(grid.map((l) => l.attrs.y1));
    expect(levels.size).toBe(11);
  });

  it('labels 4 to 8 days on the x axis, first and last included, evenly spread and in order left to right', () => {
    const ticks = all(svg, 'text').filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.text));
    const labels = ticks.map((t) => t.text);
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels[0]).toBe(DAYS[0]);
    expect(labels[labels.length - 1]).toBe(DAYS[DAYS.length - 1]);
    for (const label of labels) expect(DAYS).toContain(label);
    const xs = ticks.map((t) => Number(t.attrs.x));
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThan(0);
    expect(Math.max(...gaps) / Math.min(...gaps)).toBeLessThan(1.5);
    // The first and last points of each line sit over the first and last date labels.
    for (const line of polylines) {
      const points = pointsOf(line);
      expect(points[0]![0]).toBe(xs[0]);
      expect(points[points.length - 1]![0]).toBe(xs[xs.length - 1]);
    }
  });

  it('labels every day when there are only a few', () => {
    const days = daysFrom(3);
    const chart = parseXml(oddsSvg({ title: 't', days, lines: [{ outcome: 'x', values: [0.1, 0.2, 0.3] }] }));
    expect(textsOf(chart).filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toEqual(days);
  });

  it('colours lines in the Okabe–Ito palette, then repeats the colours with new dash patterns', () => {
    const lines = Array.from({ length: 20 }, (_, i) => ({ outcome: `outcome-${i + 1}`, values: ramp(0.5, (i + 1) / 40) }));
    const chart = parseXml(oddsSvg({ title: 'Twenty outcomes', days: DAYS, lines }));
    const drawn = all(chart, 'polyline');
    expect(drawn.length).toBe(20);
    const strokes = drawn.map((l) => l.attrs.stroke);
    expect(strokes.slice(0, 8)).toEqual(OKABE_ITO);
    expect(strokes.slice(8, 16)).toEqual(OKABE_ITO);
    const styles = drawn.map((l) => `${l.attrs.stroke} ${l.attrs['stroke-dasharray'] ?? 'solid'}`);
    expect(new Set(styles).size).toBe(20);
    // Lines 5–8 are dashed too, so a monochrome print tells them from lines 1–4.
    for (const line of drawn.slice(0, 4)) expect(line.attrs['stroke-dasharray']).toBeUndefined();
    const dashes = drawn.slice(4, 8).map((l) => l.attrs['stroke-dasharray']);
    for (const dash of dashes) expect(dash).toMatch(/^\d+( \d+)+$/);
    expect(new Set(dashes).size).toBe(4);
    // Each legend swatch looks like its line.
    const legend = all(chart, 'g').find((g) => g.attrs.class === 'legend')!;
    const swatches = all(legend, 'line');
    expect(swatches.map((s) => `${s.attrs.stroke} ${s.attrs['stroke-dasharray'] ?? 'solid'}`)).toEqual(styles);
  });

  it('escapes names, title and subtitle for XML and still shows them as written', () => {
    const weird = 'a<b&"c"';
    const title = `Tom & Jerry's <odds> "now"`;
    const out = oddsSvg({
      title,
      subtitle: '<script>alert(1)</script> & more',
      days: daysFrom(2),
      lines: [
        { outcome: weird, values: [0.25, 0.5] },
        { outcome: "it's > that", values: [0, 0] },
      ],
    });
    const chart = parseXml(out);
    expect(out).toContain('a&lt;b&amp;&quot;c&quot;');
    expect(out).not.toContain(weird);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain("it's");
    expect(decode(chart.attrs['aria-label']!)).toBe(title);
    expect(textsOf(chart)).toEqual(expect.arrayContaining([title, '<script>alert(1)</script> & more', `${weird} 50.0%`, "it's > that 0.0%"]));
    expect(all(chart, 'polyline').map(tooltip)).toEqual([weird]);
  });

  it('keeps the output well-formed whatever characters the names hold', () => {
    const out = oddsSvg({ title: 'line\nbreak\u0000and\u0007controls \ud800', days: daysFrom(2), lines: [{ outcome: 'tab\there', values: [1, 0] }] });
    expect(() => parseXml(out)).not.toThrow();
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('draws a dot per outcome when there is only one day', () => {
    const days = ['2025-03-13'];
    const chart = parseXml(
      oddsSvg({
        title: 'One day',
        days,
        lines: [
          { outcome: 'awaiting-russia', values: [1] },
          { outcome: 'rejected', values: [0.25] },
          { outcome: 'lapsed', values: [0] },
        ],
      }),
    );
    expect(all(chart, 'polyline').length).toBe(0);
    const dots = all(chart, 'circle').filter((c) => tooltip(c) !== undefined);
    expect(dots.map(tooltip)).toEqual(['awaiting-russia', 'rejected']);
    expect(Number(dots[0]!.attrs.cy)).toBeLessThan(Number(dots[1]!.attrs.cy));
    expect(textsOf(chart)).toEqual(expect.arrayContaining(['awaiting-russia 100.0%', 'rejected 25.0%', 'lapsed 0.0%', '2025-03-13']));
  });

  it('is deterministic: the same series gives the same bytes', () => {
    expect(oddsSvg(SERIES)).toBe(text);
    expect(oddsSvg(structuredClone(SERIES) as OddsSeries)).toBe(text);
  });

  it('rounds every coordinate to one decimal', () => {
    const numbers = all(svg).flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([key]) => ['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'points'].includes(key))
        .flatMap(([, value]) => value.split(/[ ,]/)),
    );
    expect(numbers.length).toBeGreaterThan(100);
    for (const num of numbers) expect(num).toMatch(/^-?\d+(\.\d)?$/);
  });

  it('shortens a name too long for the legend but keeps its percentage, with the full name as a tooltip', () => {
    const long = `outcome-${'x'.repeat(80)}`;
    const chart = parseXml(oddsSvg({ title: 't', days: daysFrom(2), lines: [{ outcome: long, values: [0.5, 0.125] }] }));
    const entry = all(chart, 'g').find((g) => tooltip(g) === `${long} 12.5%`);
    expect(entry).toBeDefined();
    const label = entry!.children.find((c) => c.name === 'text')!.text;
    expect(label).toMatch(/^outcome-x+… 12\.5%$/);
    for (const [x] of all(chart, 'polyline').flatMap(pointsOf)) expect(x).toBeLessThan(1200 * 0.58);
  });

  describe('rejects a malformed series with a RangeError naming the field', () => {
    const two = daysFrom(2);
    const cases: Array<[string, OddsSeries, string | RegExp]> = [
      ['no days', { title: 't', days: [], lines: [] }, /^oddsSvg: days is empty/],
      [
        'a values array of the wrong length',
        {
          title: 't',
          days: daysFrom(4),
          lines: [
            { outcome: 'a', values: [0, 0, 0, 0] },
            { outcome: 'b', values: [0, 0, 0, 0] },
            { outcome: 'c', values: [0, 0, 0] },
          ],
        },
        'oddsSvg: lines[2].values has 3 entries but days has 4',
      ],
      ['a probability above 1', { title: 't', days: two, lines: [{ outcome: 'a', values: [0.5, 1.2] }] }, /^oddsSvg: lines\[0\]\.values\[1\] is 1\.2/],
      ['a negative probability', { title: 't', days: two, lines: [{ outcome: 'a', values: [-0.1, 0] }] }, /^oddsSvg: lines\[0\]\.values\[0\] is -0\.1/],
      ['NaN', { title: 't', days: two, lines: [{ outcome: 'a', values: [0, NaN] }] }, /^oddsSvg: lines\[0\]\.values\[1\] is NaN/],
      ['Infinity', { title: 't', days: two, lines: [{ outcome: 'a', values: [Infinity, 0] }] }, /^oddsSvg: lines\[0\]\.values\[0\] is Infinity/],
      ['days going back', { title: 't', days: ['2025-03-13', '2025-03-14', '2025-03-12'], lines: [] }, /^oddsSvg: days\[2\] \(2025-03-12\) is not after days\[1\]/],
      ['a repeated day', { title: 't', days: ['2025-03-13', '2025-03-13'], lines: [] }, /^oddsSvg: days\[1\] /],
      ['a day not in YYYY-MM-DD form', { title: 't', days: ['2025-03-13', '2025-3-14'], lines: [] }, /^oddsSvg: days\[1\] is "2025-3-14"/],
      ['a day not on the calendar', { title: 't', days: ['2025-02-30'], lines: [] }, /^oddsSvg: days\[0\] is "2025-02-30"/],
    ];
    it.each(cases)('%s', (_, series, message) => {
      expect(() => oddsSvg(series)).toThrow(RangeError);
      expect(() => oddsSvg(series)).toThrow(message);
      try {
        oddsSvg(series);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    });

    it('a size too small for large type', () => {
      expect(() => oddsSvg(SERIES, { width: 100 })).toThrow(/^oddsSvg: options\.width is 100/);
      expect(() => oddsSvg(SERIES, { height: NaN })).toThrow(RangeError);
    });
  });
});
