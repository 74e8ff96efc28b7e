// Hand-drawn SVG charts: the actor network (a small deterministic force layout) and
// the cooperation/conflict timeline of a dyad. No libraries.

import { s } from './dom.js';

// Deterministic PRNG (mulberry32) so that the same data gives the same picture.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Goldstein -10..10 to a colour: red (conflict) through grey to green (cooperation).
export function goldsteinColor(g) {
  if (g === null || g === undefined || Number.isNaN(g)) return '#8a94a6';
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [138, 148, 166];
  const red = [200, 40, 50];
  const green = [30, 150, 80];
  const to = t < 0 ? red : green;
  const k = Math.min(1, Math.abs(t) * 1.6);
  const c = grey.map((v, i) => Math.round(v + (to[i] - v) * k));
  return 'rgb(' + c.join(',') + ')';
}

// Force layout: nodes [{id, r}], links [{source, target, weight}] (ids).
// Fruchterman-Reingold repulsion and springs plus gravity to the centre, with a
// cooling step limit; deterministic (seeded start). The result is then scaled to fit
// the box, so that nodes never pile up against its walls.
export function forceLayout(nodes, links, width, height, { iterations = 300, seed = 7 } = {}) {
  const rand = rng(seed);
  const n = nodes.length;
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const pos = nodes.map((nd, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n) + rand() * 0.3;
    const rad = 100 + 100 * rand();
    return { x: rad * Math.cos(angle), y: rad * Math.sin(angle) };
  });
  const edges = links
    .map((l) => ({ a: index.get(l.source), b: index.get(l.target), w: l.weight || 1 }))
    .filter((e) => e.a !== undefined && e.b !== undefined && e.a !== e.b);
  const k = 60; // ideal edge length in layout units
  let temp = 40;
  for (let it = 0; it < iterations; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x;
        let dy = pos[i].y - pos[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = rand() - 0.5;
          dy = rand() - 0.5;
          d2 = dx * dx + dy * dy;
        }
        const d = Math.sqrt(d2);
        const minD = nodes[i].r + nodes[j].r + 24;
        const f = (k * k) / d + (d < minD ? (minD - d) * 2 : 0);
        disp[i].x += (dx / d) * f;
        disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f;
        disp[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const dx = pos[e.a].x - pos[e.b].x;
      const dy = pos[e.a].y - pos[e.b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      // Springs of rest length 2k: linked actors sit apart enough to show the arrow.
      const f = (d - 2 * k) * 0.5 * Math.min(2, 0.8 + 0.2 * e.w);
      disp[e.a].x -= (dx / d) * f;
      disp[e.a].y -= (dy / d) * f;
      disp[e.b].x += (dx / d) * f;
      disp[e.b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps unlinked nodes from drifting off; a little stronger sideways
      // squeezes the picture towards the box's wide shape.
      disp[i].x -= pos[i].x * 0.6;
      disp[i].y -= pos[i].y * 0.6 * (width / height);
      const d = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      const step = Math.min(d, temp);
      pos[i].x += (disp[i].x / d) * step;
      pos[i].y += (disp[i].y / d) * step;
    }
    temp = Math.max(0.5, temp * 0.985);
  }
  // Fit into the box (margins for radii and labels), same scale on both axes.
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of pos) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const maxR = Math.max(0, ...nodes.map((nd) => nd.r));
  const mx = maxR + 30;
  const my = maxR + 20;
  const sx = (width - 2 * mx) / Math.max(1, maxX - minX);
  const sy = (height - 2 * my - 14) / Math.max(1, maxY - minY);
  const sc = Math.min(sx, sy, 3);
  const ox = (width - (maxX - minX) * sc) / 2;
  const oy = (height - 14 - (maxY - minY) * sc) / 2;
  return pos.map((p) => ({ x: ox + (p.x - minX) * sc, y: oy + (p.y - minY) * sc }));
}

// The network SVG. actors: [{code, name, mentions, events}], links: [{source, target,
// events, goldstein}]. onLink(link) and onNode(actor) are called on clicks.
export function networkSvg(actors, links, { width = 900, height = 600, onLink, onNode } = {}) {
  const byCode = new Map(actors.map((a) => [a.code, a]));
  // Links may name codes outside the listed actors: add them as small nodes.
  for (const l of links) {
    for (const c of [l.source, l.target]) {
      if (!byCode.has(c)) byCode.set(c, { code: c, name: null, mentions: 0, events: 0, extra: true });
    }
  }
  const list = [...byCode.values()];
  const maxM = Math.max(1, ...list.map((a) => a.mentions || 0));
  const nodes = list.map((a) => ({ id: a.code, r: 6 + 22 * Math.sqrt((a.mentions || 0) / maxM) }));
  const pos = forceLayout(
    nodes,
    links.map((l) => ({ source: l.source, target: l.target, weight: l.events })),
    width,
    height,
  );
  const at = new Map(list.map((a, i) => [a.code, { ...pos[i], r: nodes[i].r, actor: a }]));
  const maxE = Math.max(1, ...links.map((l) => l.events || 0));

  const svg = s('svg', {
    viewBox: '0 0 ' + width + ' ' + height,
    class: 'chart network',
    role: 'img',
    'aria-label': 'شبكة الفاعلين · Actor network',
    direction: 'ltr',
    testid: 'network-svg',
  });
  const defs = s('defs');
  svg.appendChild(defs);
  const gLinks = s('g', { class: 'links' });
  const gNodes = s('g', { class: 'nodes' });
  svg.appendChild(gLinks);
  svg.appendChild(gNodes);

  // Draw each direction of a pair slightly bent so A→B and B→A stay apart.
  links.forEach((l, i) => {
    const a = at.get(l.source);
    const b = at.get(l.target);
    if (!a || !b) return;
    const color = goldsteinColor(l.goldstein);
    const markerId = 'arrow-' + i;
    let dPath;
    if (a === b) {
      // An actor acting on itself (one code on both sides): a loop above the node.
      const r = a.r;
      dPath = 'M' + (a.x - r * 0.6).toFixed(1) + ',' + (a.y - r * 0.8).toFixed(1)
        + ' C' + (a.x - r * 1.6).toFixed(1) + ',' + (a.y - r * 2.6).toFixed(1)
        + ' ' + (a.x + r * 1.6).toFixed(1) + ',' + (a.y - r * 2.6).toFixed(1)
        + ' ' + (a.x + r * 0.6).toFixed(1) + ',' + (a.y - r * 0.8 - 3).toFixed(1);
    } else {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const nx = -dy / d;
      const ny = dx / d;
      const bend = Math.min(30, d * 0.12);
      const mx = (a.x + b.x) / 2 + nx * bend;
      const my = (a.y + b.y) / 2 + ny * bend;
      // Stop the line at the target's rim so the arrow head shows.
      const ex = b.x - (dx / d) * (b.r + 3);
      const ey = b.y - (dy / d) * (b.r + 3);
      dPath = 'M' + a.x.toFixed(1) + ',' + a.y.toFixed(1) + ' Q' + mx.toFixed(1) + ',' + my.toFixed(1) + ' ' + ex.toFixed(1) + ',' + ey.toFixed(1);
    }
    defs.appendChild(
      s(
        'marker',
        { id: markerId, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '9', markerHeight: '9', markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }),
      ),
    );
    const title = l.source + ' → ' + l.target + ' · ' + l.events + ' events · Goldstein ' + (l.goldstein === null || l.goldstein === undefined ? '—' : Number(l.goldstein).toFixed(1));
    const g = s(
      'g',
      {
        class: 'link',
        testid: 'network-link',
        tabindex: '0',
        role: 'link',
        dataset: { source: l.source, target: l.target },
        on: {
          click: () => onLink && onLink(l),
          keydown: (e) => {
            if (e.key === 'Enter') onLink && onLink(l);
          },
        },
      },
      s('title', null, title),
      s('path', { d: dPath, class: 'link-hit', fill: 'none', stroke: 'transparent', 'stroke-width': '12' }),
      s('path', {
        d: dPath,
        class: 'link-line',
        fill: 'none',
        stroke: color,
        'stroke-width': (1.5 + 4 * ((l.events || 0) / maxE)).toFixed(1),
        'marker-end': 'url(#' + markerId + ')',
      }),
    );
    gLinks.appendChild(g);
  });

  for (const [code, p] of at) {
    const a = p.actor;
    const g = s(
      'g',
      {
        class: ['node', a.extra ? 'extra' : null],
        testid: 'network-node',
        transform: 'translate(' + p.x.toFixed(1) + ',' + p.y.toFixed(1) + ')',
        dataset: { code },
        tabindex: '0',
        role: 'link',
        on: {
          click: () => onNode && onNode(a),
          keydown: (e) => {
            if (e.key === 'Enter') onNode && onNode(a);
          },
        },
      },
      s('title', null, code + (a.name ? ' · ' + a.name : '') + ' — ' + (a.mentions || 0) + ' mentions, ' + (a.events || 0) + ' events'),
      s('circle', { r: p.r.toFixed(1), class: 'node-circle' }),
      s('text', { class: 'node-label', y: (p.r + 13).toFixed(1), 'text-anchor': 'middle' }, code),
    );
    gNodes.appendChild(g);
  }
  return svg;
}

// Timeline bar chart: cooperation above the axis, conflict below, mean Goldstein line.
// series: [{period, events, goldstein, cooperation, conflict}]
// Adds the empty periods between the first and the last one so that the x axis is
// time-true. Labels: YYYY-MM (month), YYYY-MM-DD (day, or a week's first day), YYYY-Www.
export function fillPeriods(series, period) {
  if (series.length < 2) return series;
  const have = new Map(series.map((p) => [p.period, p]));
  const labels = series.map((p) => p.period);
  let next = null;
  if (labels.every((l) => /^\d{4}-\d{2}$/.test(l))) {
    next = (l) => {
      let [y, m] = l.split('-').map(Number);
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
      return y + '-' + String(m).padStart(2, '0');
    };
  } else if (labels.every((l) => /^\d{4}-\d{2}-\d{2}$/.test(l))) {
    const step = period === 'week' ? 7 : 1;
    next = (l) => new Date(Date.parse(l + 'T00:00:00Z') + step * 864e5).toISOString().slice(0, 10);
  } else if (labels.every((l) => /^\d{4}-W\d{2}$/.test(l))) {
    next = (l) => {
      const y = Number(l.slice(0, 4));
      const w = Number(l.slice(6));
      // An ISO year has 52 or 53 weeks: as many as the week number of its Dec 28.
      const d = new Date(Date.UTC(y, 11, 28));
      const day = (d.getUTCDay() + 6) % 7;
      const thu = new Date(d.getTime() + (3 - day) * 864e5);
      const jan1 = new Date(Date.UTC(thu.getUTCFullYear(), 0, 1));
      const weeks = 1 + Math.floor((thu - jan1) / (7 * 864e5));
      return w >= weeks ? y + 1 + '-W01' : y + '-W' + String(w + 1).padStart(2, '0');
    };
  }
  if (!next) return series;
  const out = [];
  let cur = labels[0];
  const last = labels[labels.length - 1];
  for (let guard = 0; guard < 500; guard++) {
    out.push(have.get(cur) || { period: cur, events: 0, goldstein: null, cooperation: 0, conflict: 0 });
    if (cur >= last) return out;
    cur = next(cur);
  }
  return series; // too long a range to fill
}

export function timelineSvg(series, { width = 900, height = 360 } = {}) {
  const padL = 44;
  const padR = 44;
  const padT = 28;
  const padB = 46;
  const innerW = width - padL - padR;
  const innerH = height - padT - padB;
  const mid = padT + innerH / 2;
  const maxV = Math.max(1, ...series.map((p) => Math.max(p.cooperation || 0, p.conflict || 0)));
  const yCount = (v) => (innerH / 2) * (v / maxV);
  const yG = (g) => mid - (innerH / 2) * (Math.max(-10, Math.min(10, g)) / 10);
  const n = Math.max(1, series.length);
  const band = innerW / n;
  const barW = Math.max(3, Math.min(48, band * 0.6));

  const svg = s('svg', {
    viewBox: '0 0 ' + width + ' ' + height,
    class: 'chart timeline',
    role: 'img',
    'aria-label': 'تعاون وصراع عبر الزمن · Cooperation and conflict over time',
    direction: 'ltr',
    testid: 'timeline-svg',
  });

  // Grid and axes.
  const grid = s('g', { class: 'grid' });
  for (const f of [-1, -0.5, 0.5, 1]) {
    const y = mid - (innerH / 2) * f;
    grid.appendChild(s('line', { x1: padL, x2: width - padR, y1: y, y2: y, class: 'gridline' }));
    const count = Math.round(maxV * Math.abs(f) * 10) / 10;
    grid.appendChild(s('text', { x: padL - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, String(count)));
    grid.appendChild(s('text', { x: width - padR + 6, y: y + 4, 'text-anchor': 'start', class: 'tick gtick' }, (f * 10 > 0 ? '+' : '') + f * 10));
  }
  svg.appendChild(grid);
  svg.appendChild(s('text', { x: 4, y: padT - 8, 'text-anchor': 'start', class: 'axis-title' }, 'events أحداث'));
  svg.appendChild(s('text', { x: width - 4, y: padT - 8, 'text-anchor': 'end', class: 'axis-title gtick' }, 'Goldstein'));

  const bars = s('g', { class: 'bars' });
  const labelEvery = Math.ceil(n / Math.max(1, Math.floor(innerW / 70)));
  series.forEach((p, i) => {
    const x = padL + band * i + (band - barW) / 2;
    const hc = yCount(p.cooperation || 0);
    const hk = yCount(p.conflict || 0);
    if (p.cooperation) {
      bars.appendChild(
        s('rect', { x: x.toFixed(1), y: (mid - hc).toFixed(1), width: barW.toFixed(1), height: hc.toFixed(1), class: 'bar coop', testid: 'bar-coop', rx: '2' },
          s('title', null, p.period + ' · تعاون cooperation: ' + p.cooperation)),
      );
    }
    if (p.conflict) {
      bars.appendChild(
        s('rect', { x: x.toFixed(1), y: mid.toFixed(1), width: barW.toFixed(1), height: hk.toFixed(1), class: 'bar conflict', testid: 'bar-conflict', rx: '2' },
          s('title', null, p.period + ' · صراع conflict: ' + p.conflict)),
      );
    }
    if (i % labelEvery === 0) {
      bars.appendChild(s('text', { x: (padL + band * i + band / 2).toFixed(1), y: height - padB + 18, 'text-anchor': 'middle', class: 'tick' }, p.period));
    }
  });
  svg.appendChild(bars);
  svg.appendChild(s('line', { x1: padL, x2: width - padR, y1: mid, y2: mid, class: 'axis' }));

  // Mean Goldstein line over the periods that have a value.
  const pts = [];
  series.forEach((p, i) => {
    if (p.goldstein !== null && p.goldstein !== undefined && (p.events || 0) > 0) {
      pts.push([padL + band * i + band / 2, yG(p.goldstein), p]);
    }
  });
  if (pts.length) {
    const line = s('g', { class: 'gline' });
    if (pts.length > 1) {
      line.appendChild(s('polyline', { points: pts.map(([x, y]) => x.toFixed(1) + ',' + y.toFixed(1)).join(' '), class: 'goldstein-line', fill: 'none' }));
    }
    for (const [x, y, p] of pts) {
      line.appendChild(
        s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: '4', class: 'goldstein-dot', testid: 'goldstein-dot' },
          s('title', null, p.period + ' · Goldstein ' + Number(p.goldstein).toFixed(2))),
      );
    }
    svg.appendChild(line);
  }

  // Legend.
  const lg = s('g', { class: 'legend', transform: 'translate(' + padL + ',' + (height - 14) + ')' });
  lg.appendChild(s('rect', { x: 0, y: -9, width: 12, height: 10, class: 'bar coop' }));
  lg.appendChild(s('text', { x: 16, y: 0, class: 'tick' }, 'cooperation تعاون'));
  lg.appendChild(s('rect', { x: 150, y: -9, width: 12, height: 10, class: 'bar conflict' }));
  lg.appendChild(s('text', { x: 166, y: 0, class: 'tick' }, 'conflict صراع'));
  lg.appendChild(s('line', { x1: 290, x2: 310, y1: -4, y2: -4, class: 'goldstein-line' }));
  lg.appendChild(s('text', { x: 316, y: 0, class: 'tick' }, 'mean Goldstein متوسط'));
  svg.appendChild(lg);
  return svg;
}

// Horizontal bars for the overview (top types, outlets, actors): [[label, n], ...].
export function barList(rows, { testid } = {}) {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const ul = document.createElement('ul');
  ul.className = 'barlist';
  if (testid) ul.setAttribute('data-testid', testid);
  for (const [label, n] of rows) {
    const li = document.createElement('li');
    const l = document.createElement('span');
    l.className = 'barlist-label';
    l.dir = 'auto';
    l.title = label;
    l.textContent = label;
    const track = document.createElement('span');
    track.className = 'barlist-track';
    const fill = document.createElement('span');
    fill.className = 'barlist-fill';
    fill.style.setProperty('width', ((100 * n) / max).toFixed(1) + '%');
    track.appendChild(fill);
    const v = document.createElement('span');
    v.className = 'barlist-value';
    v.textContent = String(n);
    li.append(l, track, v);
    ul.appendChild(li);
  }
  return ul;
}
