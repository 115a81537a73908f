/*
 * The review dashboard's charts of the daily figures (GET /api/v1/statistics), drawn as inline
 * SVG with DOM calls: no library, no markup strings. Each chart is an <svg role="img"> named by
 * its <title> and summarised in its <desc>; every bar and point carries a <title> with its
 * figure, and data-date / data-series / data-value attributes for tests.
 */
(function () {
  'use strict';

  const NS = 'http://www.w3.org/2000/svg';
  const HEIGHT = 250;
  const MARGIN = { left: 48, right: 14, top: 34, bottom: 34 };
  // The width follows the space the chart gets (set by `all`), so text keeps its size on phones.
  let WIDTH = 560;
  const plotWidth = () => WIDTH - MARGIN.left - MARGIN.right;
  const PLOT = { height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const COLORS = { questions: '#0b5cff', answerRate: '#0b5cff', deflectionRate: '#12a150', sla: '#12a150',
    1: '#d92d20', 2: '#f79009', 3: '#6172f3', 4: '#98a2b3' };
  let chartCount = 0;

  /** Builds an SVG element; string children become text nodes. */
  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null) node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
    return node;
  }

  const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  /** "24 Nov" for the UTC day "2026-11-24" (the server counts in UTC days). */
  function dayLabel(date) {
    const [y, m, d] = String(date).split('-').map(Number);
    return Number.isFinite(d) ? dayFormat.format(new Date(Date.UTC(y, m - 1, d))) : String(date);
  }

  const percent = (rate) => `${Math.round(rate * 1000) / 10}%`;
  const wholePercent = (rate) => `${Math.round(rate * 100)}%`;

  /** Axis ticks for counts: 0 up to at least `max` in steps of 1, 2 or 5 × 10^k, about four of them. */
  function countTicks(max) {
    const rough = Math.max(1, max / 4);
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
    const top = Math.max(step, Math.ceil(max / step) * step);
    const ticks = [];
    for (let t = 0; t <= top + step / 2; t += step) ticks.push(t);
    return ticks;
  }

  const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];

  /**
   * An empty chart: title, description, horizontal grid with y labels, day labels on the x axis.
   * Returns the <svg> and the scales that place days (bands) and values on it.
   */
  function frame(title, description, days, ticks, tickLabel, legend) {
    const id = `chart-${++chartCount}`;
    const top = ticks[ticks.length - 1];
    const band = plotWidth() / Math.max(1, days.length);
    const scale = {
      band,
      x: (i) => MARGIN.left + band * i + band / 2,
      y: (value) => MARGIN.top + PLOT.height - (value / top) * PLOT.height,
    };
    const root = svg('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc` },
      svg('title', { id: `${id}-title` }, title),
      svg('desc', { id: `${id}-desc` }, description));
    const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
    for (const tick of ticks) {
      const y = scale.y(tick);
      grid.append(
        svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: tick === 0 ? 'axis' : 'rule' }),
        svg('text', { x: MARGIN.left - 6, y: y + 4, 'text-anchor': 'end' }, tickLabel(tick)));
    }
    // Label a day every 70 pixels at most, always including the last one (today).
    const every = Math.ceil(days.length / Math.max(1, Math.floor(plotWidth() / 70)));
    days.forEach((day, i) => {
      if ((days.length - 1 - i) % every !== 0) return;
      grid.append(svg('text', { x: scale.x(i), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle' }, dayLabel(day.date)));
    });
    const key = svg('g', { class: 'legend', 'aria-hidden': 'true' });
    let x = MARGIN.left;
    for (const item of legend) {
      key.append(svg('rect', { x, y: 10, width: 12, height: 12, rx: 2, fill: item.color }),
        svg('text', { x: x + 17, y: 20 }, item.label));
      x += 30 + item.label.length * 7;
    }
    root.append(grid, key);
    return { root, scale };
  }

  /** Bars per day; several series stack, bottom first. */
  function bars(title, description, days, series, options) {
    const { rates = false, empty = '' } = options || {};
    const totals = days.map((day) => series.reduce((sum, s) => sum + (s.value(day) || 0), 0));
    const ticks = rates ? RATE_TICKS : countTicks(Math.max(0, ...totals));
    const label = rates ? percent : String;
    const { root, scale } = frame(title, description, days, ticks, label, series.length > 1 ? series : []);
    const width = Math.max(2, scale.band * 0.68);
    const labelRoom = rates ? 30 : 16; // pixels a bar needs for its value above it
    const marks = svg('g', { class: 'marks' });
    days.forEach((day, i) => {
      let base = 0;
      for (const s of series) {
        const value = s.value(day);
        if (value === null || value === undefined) continue;
        if (value <= 0) {
          if (rates && scale.band >= labelRoom) marks.append(svg('text', { class: 'value', x: scale.x(i), y: scale.y(0) - 4, 'text-anchor': 'middle' }, '0%'));
          continue;
        }
        const y0 = scale.y(base), y1 = scale.y(base + value);
        marks.append(svg('rect', {
          x: scale.x(i) - width / 2, y: y1, width, height: Math.max(1, y0 - y1), fill: s.color,
          'data-date': day.date, 'data-series': s.key, 'data-value': value,
        }, svg('title', {}, `${dayLabel(day.date)}: ${s.describe(value)}`)));
        base += value;
      }
      if (base > 0 && scale.band >= labelRoom) {
        marks.append(svg('text', { class: 'value', x: scale.x(i), y: scale.y(base) - 4, 'text-anchor': 'middle' }, rates ? wholePercent(base) : String(base)));
      }
    });
    if (empty && days.every((day) => series.every((s) => s.value(day) === null || s.value(day) === undefined))) {
      marks.append(svg('text', { class: 'na', x: MARGIN.left + plotWidth() / 2, y: MARGIN.top + PLOT.height / 2, 'text-anchor': 'middle' }, empty));
    }
    root.append(marks);
    return root;
  }

  /** One line per series over the days; a day without a figure breaks the line. */
  function lines(title, description, days, series) {
    const { root, scale } = frame(title, description, days, RATE_TICKS, percent, series);
    for (const s of series) {
      const group = svg('g', { class: 'marks', 'data-series': s.key });
      let run = [];
      const flush = () => {
        if (run.length > 1) group.append(svg('polyline', { points: run.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2.5 }));
        run = [];
      };
      days.forEach((day, i) => {
        const value = s.value(day);
        if (value === null || value === undefined) return flush();
        run.push(`${scale.x(i)},${scale.y(value)}`);
        group.append(svg('circle', { cx: scale.x(i), cy: scale.y(value), r: 4, fill: s.color, 'data-date': day.date, 'data-value': value },
          svg('title', {}, `${dayLabel(day.date)}: ${s.label} ${percent(value)}`)));
      });
      flush();
      const lastDay = days.map((day, i) => [day, i]).reverse().find(([day]) => s.value(day) !== null && s.value(day) !== undefined);
      if (lastDay) {
        const [day, i] = lastDay;
        group.append(svg('text', { class: 'value', x: scale.x(i) - 8, y: scale.y(s.value(day)) - 8, 'text-anchor': 'end', style: `fill:${s.color}` },
          wholePercent(s.value(day))));
      }
      root.append(group);
    }
    return root;
  }

  function figure(heading, chart) {
    const box = document.createElement('figure');
    const caption = document.createElement('figcaption');
    caption.textContent = heading;
    box.append(caption, chart);
    return box;
  }

  /** The four charts for the statistics' `days` (oldest first), each `width` pixels wide. */
  function all(days, width) {
    WIDTH = Math.round(Math.min(640, Math.max(300, width || 560)));
    const last = days[days.length - 1] || { date: '', questions: 0 };
    const span = `${days.length} days ending ${last.date}`;
    const priorities = [1, 2, 3, 4].map((p) => ({
      key: `p${p}`, label: `P${p}`, color: COLORS[p],
      value: (day) => (day.escalationsByPriority || {})[p] || 0,
      describe: (n) => `${n} priority ${p} ${n === 1 ? 'escalation' : 'escalations'}`,
    }));
    return [
      figure('Questions per day', bars('Questions per day', `${span}; ${last.questions} questions on the last day.`, days, [{
        key: 'questions', label: 'Questions', color: COLORS.questions, value: (day) => day.questions,
        describe: (n) => `${n} ${n === 1 ? 'question' : 'questions'}`,
      }])),
      figure('Answer and deflection rate', lines('Answer rate and deflection rate per day',
        `${span}. Answer rate: questions answered from the help center; deflection: questions closed without a ticket.`, days, [
          { key: 'answerRate', label: 'answered', color: COLORS.answerRate, value: (day) => day.answerRate },
          { key: 'deflectionRate', label: 'deflected', color: COLORS.deflectionRate, value: (day) => day.deflectionRate },
        ])),
      figure('Escalations by priority', bars('Escalations by priority per day',
        `${span}; ${last.escalations || 0} escalations on the last day, stacked by priority 1 (urgent) to 4 (low).`, days, priorities)),
      figure('SLA attainment', bars('First responses on time, per day of ticket creation',
        `${span}. Share of tickets whose first response met the target, among those whose outcome is known; no bar where there are none.`, days, [{
          key: 'slaAttainment', label: 'on time', color: COLORS.sla, value: (day) => day.slaAttainment,
          describe: (rate) => `${percent(rate)} on time`,
        }], { rates: true, empty: 'No ticket has a known outcome yet' })),
    ];
  }

  window.HelplineCharts = { all };
})();
