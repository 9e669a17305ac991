/**
 * The time panel under the map: a histogram of moves by arrival year (moves-by-year.ts), a brush
 * to select the years (drag across the bars; a click selects one year; "All years" clears; the
 * arrow keys move or widen the selection when the chart has the focus) and a
 * play button that steps a window through the years: the selection's width moved one year at a
 * time, or one year at a time when every year is selected. The panel only reports the years
 * chosen; the app owns the state, so the URL, the year selects and the map follow.
 */
import { formatValue, h, replace } from '../ui/dom.ts';
import { nextWindow, type YearCounts } from './moves-by-year.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Time a play step stays on screen (ms), counted from when its frame was drawn. */
export const PLAY_STEP_MS = 1200;
const PAD = { left: 8, right: 8, top: 6, bottom: 16 };

export interface TimelineHandlers {
  change(years: [number, number] | null): void;
}

export interface TimelineView {
  counts: YearCounts | null;
  span: [number, number] | null;
  years: [number, number] | null;
  /** Said in the chart's place while there are no counts (flows.arrow still loading); no note: the panel is hidden. */
  note?: string;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

export class Timeline {
  private view: TimelineView = { counts: null, span: null, years: null };
  private readonly chart: HTMLDivElement;
  private readonly label: HTMLSpanElement;
  private readonly play: HTMLButtonElement;
  private readonly all: HTMLButtonElement;
  private isPlaying = false;
  private frame = 0;
  private timer = 0;
  private drag: { from: number; to: number } | null = null;
  private size: { width: number; height: number } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly handlers: TimelineHandlers,
  ) {
    this.play = h(
      'button',
      {
        type: 'button',
        id: 'timeline-play',
        title: 'Step through the years: the selected window moves one year at a time (one year at a time when every year is selected)',
        onclick: () => this.togglePlay(),
      },
      '▶ Play',
    );
    this.all = h('button', { type: 'button', id: 'timeline-all', onclick: () => this.choose(null) }, 'All years');
    this.label = h('span', { id: 'timeline-range', class: 'timeline-range' });
    this.chart = h('div', { class: 'timeline-chart' });
    replace(
      root,
      h(
        'div',
        { class: 'timeline-head' },
        this.play,
        h('strong', {}, 'Moves by year'),
        this.label,
        h(
          'span',
          {
            class: 'timeline-key',
            title: 'light: every move of the year that the discipline and place filters keep; dark: the moves of the flows drawn',
          },
          h('i', { class: 'bar-all' }),
          'all',
          h('i', { class: 'bar-drawn' }),
          'drawn',
        ),
        this.all,
      ),
      this.chart,
    );
    this.chart.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.chart.tabIndex = 0;
    this.chart.setAttribute(
      'aria-label',
      'Years: ← and → move the selection a year, Shift+← and Shift+→ change its end, Escape selects every year',
    );
    this.chart.addEventListener('keydown', (e) => this.key(e));
    // The chart's size comes from the observer: reading clientWidth while drawing forced a
    // layout of the whole page after every filter change (~400 ms with the heatmap on screen).
    new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.size = { width: entry.contentRect.width, height: entry.contentRect.height };
      this.draw();
    }).observe(this.chart);
  }

  get playing(): boolean {
    return this.isPlaying;
  }

  render(view: TimelineView): void {
    this.view = view;
    this.root.hidden = view.counts === null && !view.note;
    this.play.disabled = view.counts === null;
    this.draw();
  }

  private choose(years: [number, number] | null): void {
    const span = this.view.span;
    const whole = years === null || (span !== null && years[0] <= span[0] && years[1] >= span[1]);
    this.handlers.change(whole ? null : years);
  }

  private togglePlay(): void {
    if (this.isPlaying) {
      this.stop();
      return;
    }
    const span = this.view.span;
    if (!span) return;
    // From every year or from the end, a press starts at the first window.
    const years = this.view.years;
    const width = years === null ? 1 : years[1] - years[0] + 1;
    const start: [number, number] =
      years === null || years[1] >= span[1] ? [span[0], Math.min(span[1], span[0] + width - 1)] : nextWindow(years, span);
    this.isPlaying = true;
    this.play.textContent = '⏸ Pause';
    this.play.setAttribute('aria-pressed', 'true');
    this.step(start);
  }

  private step(years: [number, number]): void {
    this.choose(years);
    const span = this.view.span!;
    if (years[1] >= span[1]) {
      this.stop();
      return;
    }
    // The next step is timed from the frame that draws this one (sigma draws in the next
    // animation frame; this callback, asked for later, runs after it): a slow drawing still
    // leaves each step PLAY_STEP_MS on screen. It moves on from the years shown then (the year
    // selects may have changed them).
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        const now = this.view.years;
        if (now === null) this.stop();
        else this.step(nextWindow(now, span));
      }, PLAY_STEP_MS);
    });
  }

  /** Stops playing (the years stay where they are). */
  stop(): void {
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
    this.timer = 0;
    this.frame = 0;
    this.isPlaying = false;
    this.play.textContent = '▶ Play';
    this.play.setAttribute('aria-pressed', 'false');
  }

  /** Keyboard brush: ←/→ move the window a year, Shift+←/→ move its last year, Escape clears. */
  private key(e: KeyboardEvent): void {
    const span = this.view.span;
    if (!span) return;
    const [a, b] = this.view.years ?? [span[0], span[0]];
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Escape') this.choose(null);
    else if (step === 0) return;
    else if (e.shiftKey) this.choose([a, Math.min(span[1], Math.max(a, b + step))]);
    else if (a + step >= span[0] && b + step <= span[1]) this.choose([a + step, b + step]);
    this.stop();
    e.preventDefault();
  }

  private geometry(): { width: number; height: number; bar: number; n: number } | null {
    const span = this.view.span;
    if (!span || !this.size) return null;
    const width = Math.max(120, this.size.width);
    const height = Math.max(40, this.size.height);
    const n = span[1] - span[0] + 1;
    return { width, height, bar: (width - PAD.left - PAD.right) / n, n };
  }

  private yearAt(clientX: number): number | null {
    const g = this.geometry();
    if (!g) return null;
    const x = clientX - this.chart.getBoundingClientRect().left - PAD.left;
    return this.view.span![0] + Math.min(g.n - 1, Math.max(0, Math.floor(x / g.bar)));
  }

  private pointerDown(e: PointerEvent): void {
    const year = this.yearAt(e.clientX);
    if (year === null || e.button !== 0) return;
    this.stop();
    this.drag = { from: year, to: year };
    this.chart.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => {
      const y = this.yearAt(ev.clientX);
      if (y !== null && this.drag && y !== this.drag.to) {
        this.drag.to = y;
        this.draw();
      }
    };
    const up = () => {
      this.chart.removeEventListener('pointermove', move);
      this.chart.removeEventListener('pointerup', up);
      this.chart.removeEventListener('pointercancel', up);
      const d = this.drag;
      this.drag = null;
      if (d) this.choose([Math.min(d.from, d.to), Math.max(d.from, d.to)]);
      this.draw();
    };
    this.chart.addEventListener('pointermove', move);
    this.chart.addEventListener('pointerup', up);
    this.chart.addEventListener('pointercancel', up);
    this.draw();
  }

  private draw(): void {
    const { counts, span } = this.view;
    const g = this.geometry();
    if (!counts || !span || !g) {
      this.label.textContent = '';
      this.all.disabled = true;
      const note = this.view.note;
      return void this.chart.replaceChildren(...(note ? [h('p', { class: 'timeline-note muted' }, note)] : []));
    }
    const years = this.drag
      ? ([Math.min(this.drag.from, this.drag.to), Math.max(this.drag.from, this.drag.to)] as [number, number])
      : this.view.years;
    const [a, b] = years ?? span;
    this.label.textContent = years === null ? `${span[0]}–${span[1]} (every year)` : a === b ? `${a}` : `${a}–${b}`;
    this.all.disabled = years === null;
    let max = 0;
    for (const v of counts.all) max = Math.max(max, v);
    const plotH = g.height - PAD.top - PAD.bottom;
    const y = (v: number) => PAD.top + plotH - (max > 0 ? (v / max) * plotH : 0);
    const labelEvery = Math.max(1, Math.ceil(34 / g.bar));
    const bars: SVGElement[] = [];
    for (let i = 0; i < g.n; i++) {
      const year = span[0] + i;
      const x = PAD.left + i * g.bar;
      const w = Math.max(1, g.bar - Math.min(3, g.bar * 0.15));
      const all = counts.all[i] ?? 0;
      const drawn = counts.drawn[i] ?? 0;
      const inRange = year >= a && year <= b;
      bars.push(
        svg(
          'g',
          { class: `year${inRange ? ' in-range' : ''}`, 'data-year': year, 'data-all': all, 'data-drawn': drawn },
          svg('title', {}, `${year}: ${formatValue(all)} moves, ${formatValue(drawn)} in the flows drawn`),
          svg('rect', { class: 'bar-all', x, y: y(all), width: w, height: PAD.top + plotH - y(all) }),
          svg('rect', { class: 'bar-drawn', x, y: y(drawn), width: w, height: PAD.top + plotH - y(drawn) }),
          i % labelEvery === 0 || i === g.n - 1
            ? svg('text', { x: x + w / 2, y: g.height - 3, 'text-anchor': 'middle' }, String(year))
            : '',
        ),
      );
    }
    const bx = PAD.left + (a - span[0]) * g.bar;
    const brush = svg('rect', {
      class: `brush${this.drag ? ' dragging' : ''}`,
      x: bx - 1,
      y: 1,
      width: (b - a + 1) * g.bar + 1,
      height: PAD.top + plotH,
    });
    const chart = svg(
      'svg',
      { id: 'year-histogram', width: g.width, height: g.height, role: 'img', 'aria-label': 'Moves by arrival year; drag to select years' },
      ...(years ? [brush] : []),
      ...bars,
    );
    this.chart.replaceChildren(chart);
  }
}
