// The fair's day on the dashboard: introductions and requests per quarter of an hour, drawn by uPlot
// (a small, fast canvas chart), which is loaded only here: the phones' booth page never downloads it.
// The drawing is for the eye; the same figures are in words (the caption) and in a table, for screen
// readers and for anyone who wants the numbers.
import { createEffect, createSignal, For, onCleanup, onMount, Show, untrack } from 'solid-js';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { QuarterFigures } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';
import { daySummary } from './daySummary.ts';

export interface DayChartProps {
  quarters: QuarterFigures[];
  timeZone: string;
  wall: boolean;
}

const COLOURS = {
  normal: { introductions: '#0b5cad', requests: '#a63c00', axis: '#111418', grid: '#d5d9e0' },
  wall: { introductions: '#ffd60a', requests: '#5ce1ff', axis: '#ffffff', grid: '#3a3f47' },
};

export function DayChart(props: DayChartProps) {
  let box!: HTMLDivElement;
  let chart: uPlot | undefined;
  const [failed, setFailed] = createSignal(false);

  const data = (): uPlot.AlignedData => [
    props.quarters.map((q) => Date.parse(q.start) / 1000),
    props.quarters.map((q) => q.introductions),
    props.quarters.map((q) => q.requests),
  ];

  // The library comes in its own chunk, after the figures and the table are on screen.
  const [lib, setLib] = createSignal<typeof uPlot>();
  onMount(() => {
    import('uplot').then((module) => setLib(() => module.default), () => setFailed(true));
    const resize = new ResizeObserver(() => chart?.setSize(sizeOf(box, props.wall)));
    resize.observe(box);
    onCleanup(() => resize.disconnect());
  });
  // Drawn anew when wall mode changes the colours and the type size; fed new figures otherwise.
  createEffect(() => {
    const UPlot = lib();
    if (!UPlot) return;
    chart?.destroy();
    chart = new UPlot(options(UPlot, props.timeZone, props.wall, box), untrack(data), box);
  });
  createEffect(() => {
    const figures = data();
    if (chart) chart.setData(figures);
  });
  onCleanup(() => chart?.destroy());

  const summary = () => daySummary(props.quarters, props.timeZone);
  return (
    <figure class="day-chart" aria-labelledby="day-chart-caption">
      <figcaption id="day-chart-caption" class="day-chart__caption">
        <span class="day-chart__title">Introductions and requests per 15 minutes</span>
        <span data-testid="day-summary">{summary()}</span>
      </figcaption>
      <ul class="day-chart__legend" aria-hidden="true">
        <li class="day-chart__key day-chart__key--introductions">Introductions</li>
        <li class="day-chart__key day-chart__key--requests">Requests</li>
      </ul>
      {/* The canvas says nothing a screen reader could read: the caption and the table do. */}
      <div class="day-chart__plot" ref={box} aria-hidden="true" data-testid="day-chart" />
      <Show when={failed()}>
        <p class="muted">The chart could not be drawn here; the table has the same figures.</p>
      </Show>
      <Show when={!props.wall}>
        <details class="day-chart__table">
          <summary>The figures as a table</summary>
          <table class="dash-table">
            <caption class="visually-hidden">Introductions and requests per 15 minutes</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Introductions</th>
                <th scope="col">Requests</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.quarters}>
                {(q) => (
                  <tr data-testid="quarter-row">
                    <th scope="row">{clock(q.start, props.timeZone)}</th>
                    <td>{q.introductions}</td>
                    <td>{q.requests}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </details>
      </Show>
    </figure>
  );
}

function sizeOf(box: HTMLElement, wall: boolean): { width: number; height: number } {
  const width = Math.max(280, box.clientWidth);
  return { width, height: wall ? Math.max(240, box.clientHeight) : Math.round(Math.min(360, Math.max(220, width * 0.35))) };
}

function options(UPlot: typeof uPlot, timeZone: string, wall: boolean, box: HTMLElement): uPlot.Options {
  const colours = wall ? COLOURS.wall : COLOURS.normal;
  const font = wall ? '600 22px system-ui, sans-serif' : '14px system-ui, sans-serif';
  const axis = (): uPlot.Axis => ({
    stroke: colours.axis, font, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid }, size: wall ? 70 : 50, space: wall ? 120 : 60,
  });
  return {
    ...sizeOf(box, wall),
    tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), timeZone),
    legend: { show: false },
    cursor: { show: !wall, points: { show: false } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
    // Counts are whole: no 0.5 on the axis.
    axes: [{ ...axis(), values: '{HH}:{mm}' }, { ...axis(), incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] }],
    series: [
      {},
      { label: 'Introductions', stroke: colours.introductions, width: wall ? 5 : 3, fill: `${colours.introductions}33` },
      { label: 'Requests', stroke: colours.requests, width: wall ? 5 : 3, dash: [10, 6] },
    ],
  };
}
