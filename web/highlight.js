// Builds the highlighted reading text of an article from its analysis.
//
// Offsets are Unicode code points into analysis.text, so the text is indexed as
// Array.from(text). Spans (paragraphs, quotes, time expressions, entities, event
// triggers) may nest or overlap. We never edit strings: the spans are made laminar
// (a span that crosses the end of an enclosing one is split into pieces, the later
// pieces marked as continuations), then the tree is built with createElement and
// text nodes only.

import { h } from './dom.js';

// Outer-to-inner order when two spans cover exactly the same range.
const RANK = { para: 0, quote: 1, time: 2, entity: 3, trigger: 4 };

export function makeSpans(analysis) {
  const chars = Array.from(analysis.text || '');
  const n = chars.length;
  const spans = [];
  // Paragraphs: lines of the text; the closing "\n" belongs to the paragraph and is
  // not drawn.
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i === n || chars[i] === '\n') {
      spans.push({ kind: 'para', start, end: Math.min(i + 1, n) });
      start = i + 1;
    }
  }
  const ok = (a, b) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b <= n && a < b;
  (analysis.quotes || []).forEach((q, i) => {
    if (ok(q.start, q.end)) spans.push({ kind: 'quote', start: q.start, end: q.end, ref: q, index: i });
  });
  (analysis.times || []).forEach((t, i) => {
    if (ok(t.start, t.end)) spans.push({ kind: 'time', start: t.start, end: t.end, ref: t, index: i });
  });
  (analysis.entities || []).forEach((e, i) => {
    if (ok(e.start, e.end)) spans.push({ kind: 'entity', start: e.start, end: e.end, ref: e, index: i });
  });
  (analysis.events || []).forEach((ev, i) => {
    const t = ev.trigger || {};
    if (ok(t.start, t.end)) spans.push({ kind: 'trigger', start: t.start, end: t.end, ref: ev, index: i, mention: false });
    for (const m of ev.mentions || []) {
      if (ok(m.start, m.end)) spans.push({ kind: 'trigger', start: m.start, end: m.end, ref: ev, index: i, mention: true });
    }
  });
  return { chars, spans };
}

function order(a, b) {
  return a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind] || a.seq - b.seq;
}

// Splits spans so that any two are either disjoint or nested.
export function laminate(spans) {
  let seq = 0;
  const queue = spans.map((sp) => ({ ...sp, seq: seq++, part: 0 }));
  queue.sort(order);
  const out = [];
  const stack = [];
  while (queue.length) {
    const sp = queue.shift();
    while (stack.length && stack[stack.length - 1].end <= sp.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && sp.end > parent.end) {
      // Crosses the parent's end: keep the inside piece, queue the rest.
      const rest = { ...sp, start: parent.end, part: sp.part + 1, seq: seq++ };
      sp.end = parent.end;
      let i = 0;
      while (i < queue.length && order(queue[i], rest) < 0) i++;
      queue.splice(i, 0, rest);
    }
    if (sp.end > sp.start) {
      out.push(sp);
      stack.push(sp);
    }
  }
  return out;
}

function buildTree(spans) {
  const root = { children: [], start: -Infinity, end: Infinity };
  const stack = [root];
  for (const sp of spans) {
    while (stack[stack.length - 1].end <= sp.start || stack[stack.length - 1].end < sp.end) stack.pop();
    const node = { ...sp, children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  }
  return root;
}

export function actorLabel(a) {
  if (!a) return '—';
  const code = a.code || '?';
  return a.name ? code + ' · ' + a.name : code;
}

export const MODALITY_AR = {
  asserted: 'مؤكَّد · asserted',
  reported: 'منقول · reported',
  intended: 'مُزمَع · intended',
  hypothetical: 'افتراضي · hypothetical',
  referenced: 'مُشار إليه · referenced',
  generic: 'عام · generic',
};

export function tone(goldstein) {
  if (goldstein === null || goldstein === undefined) return 'neutral';
  if (goldstein > 0) return 'coop';
  if (goldstein < 0) return 'conflict';
  return 'neutral';
}

export function eventTooltip(ev) {
  const lines = [];
  lines.push('CAMEO ' + (ev.cameo || '?') + ' · ' + (ev.plover || '?') + (ev.mode ? ' (' + ev.mode + ')' : ''));
  lines.push(actorLabel(ev.source) + ' → ' + actorLabel(ev.target));
  lines.push('modality: ' + (ev.modality || '—') + (ev.negated ? ' · NEGATED منفي' : ''));
  if (ev.goldstein !== null && ev.goldstein !== undefined) lines.push('Goldstein: ' + ev.goldstein);
  if (ev.date) lines.push('date: ' + ev.date.start + (ev.date.end && ev.date.end !== ev.date.start ? ' – ' + ev.date.end : ''));
  if (ev.place && ev.place.name) lines.push('place: ' + ev.place.name);
  return lines.join('\n');
}

function spanElement(node) {
  const ref = node.ref;
  const cont = node.part > 0 ? { cont: String(node.part) } : {};
  switch (node.kind) {
    case 'para':
      return h('p', { class: 'para' });
    case 'quote': {
      const sp = ref.speaker;
      const who = sp ? (sp.code ? actorLabel(sp) + (sp.text ? ' («' + sp.text + '»)' : '') : sp.text || '') : 'متحدث غير معروف · unknown speaker';
      return h('span', {
        class: 'hl-quote',
        testid: node.part ? 'quote-cont' : 'quote',
        title: 'اقتباس · Quote — ' + who,
        dataset: { index: node.index, ...cont },
      });
    }
    case 'time': {
      const r = ref.resolved;
      const when = r ? r.start + (r.end && r.end !== r.start ? ' – ' + r.end : '') : 'unresolved';
      return h('span', { class: 'hl-time', title: 'زمن · Time: ' + when, dataset: { index: node.index, ...cont } });
    }
    case 'entity': {
      const a = ref.actor;
      const type = ['PER', 'ORG', 'LOC', 'GPE', 'NORP', 'MISC'].includes(ref.type) ? ref.type : 'MISC';
      let title = type + (a ? ' — ' + actorLabel(a) : '');
      if (ref.second) title += ' + ' + actorLabel(ref.second);
      if (ref.place && ref.place.name) title += ' — ' + ref.place.name;
      return h('span', {
        class: ['hl-ent', 'ent-' + type, a ? null : 'no-actor'],
        testid: node.part ? 'entity-cont' : 'entity',
        title,
        dataset: { type, code: a ? a.code : null, index: node.index, ...cont },
      });
    }
    case 'trigger': {
      const ev = ref;
      return h('span', {
        class: ['hl-trig', 'tone-' + tone(ev.goldstein), ev.negated ? 'negated' : null, node.mention ? 'mention' : null],
        testid: node.part || node.mention ? 'event-trigger-extra' : 'event-trigger',
        title: 'حدث · Event\n' + eventTooltip(ev) + (node.mention ? '\n(repeat mention)' : ''),
        tabindex: '0',
        dataset: { event: node.index, ...cont },
      });
    }
    default:
      return h('span');
  }
}

function render(node, chars, parentEl) {
  let cursor = node.start === -Infinity ? 0 : node.start;
  const end = node.end === Infinity ? chars.length : node.end;
  const text = (a, b) => {
    if (b <= a) return;
    let t = chars.slice(a, b).join('');
    if (t.endsWith('\n')) t = t.slice(0, -1);
    if (t) parentEl.appendChild(document.createTextNode(t));
  };
  for (const child of node.children) {
    text(cursor, child.start);
    const el = spanElement(child);
    render(child, chars, el);
    parentEl.appendChild(el);
    cursor = child.end;
  }
  text(cursor, end);
}

// Returns a document fragment with the highlighted text of the analysis.
export function highlightedText(analysis) {
  const { chars, spans } = makeSpans(analysis);
  const tree = buildTree(laminate(spans));
  const frag = document.createDocumentFragment();
  render(tree, chars, frag);
  return frag;
}
