#!/usr/bin/env node
// A stand-in for `rasd serve` while developing the dashboard: serves web/ and answers
// the JSON API of docs/api.md from analysis objects held in memory.
//
// Data: with --rasd BIN (or $RASD_BIN) the analyses come from `BIN analyze` over the
// repository's examples and tests/browser/fixtures; otherwise from a few short
// articles invented for this file. Nothing here is a real news text.
//
//   node tests/browser/mock-server.mjs [--port 8080|0] [--host 127.0.0.1] [--rasd build/rasd]
//
// Like the real server it prints one line on stderr:
//   rasd: serving http://127.0.0.1:PORT/ (read-only)

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const webDir = path.join(root, 'web');

function arg(name, dflt) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const port = Number(arg('port', '8080'));
const host = arg('host', '127.0.0.1');
const rasdBin = arg('rasd', process.env.RASD_BIN || '');

// ------------------------------------------------------------------ data

const cp = (s) => Array.from(s);
// Span of the n-th occurrence of `needle` in `text`, in code points.
function span(text, needle, nth = 0) {
  let from = 0;
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, from);
    if (idx < 0) throw new Error('mock data: not found: ' + needle);
    from = idx + needle.length;
  }
  const start = cp(text.slice(0, idx)).length;
  return { start, end: start + cp(needle).length, text: needle };
}
const actor = (id, name, code, country, agent = null) => ({ id, name, code, country, agent });
const A = {
  waha: actor('WAH', 'Oasis Republic', 'WAH', 'WAH'),
  wahGov: actor('wah_ministry_water', 'Oasis water ministry', 'WAHGOV', 'WAH', 'GOV'),
  sahil: actor('SAH', 'Coast Federation', 'SAH', 'SAH'),
  sahGov: actor('sah_foreign_ministry', 'Coast foreign ministry', 'SAHGOV', 'SAH', 'GOV'),
  sahMil: actor(null, 'Coast army', 'SAHMIL', 'SAH', 'MIL'),
  un: actor('un_security_council', 'UN Security Council', 'IGOUNO', 'IGO'),
};

function inventedArticle(doc_id, meta, text, build) {
  const a = {
    id: doc_id, input: 'mock', url: meta.url || null, outlet: meta.outlet, author: null, date: meta.date,
    title: meta.title, subtitle: null, lang: 'ar', text, removed: meta.removed || [], repairs: [],
    sentences: [], entities: [], events: [], quotes: [], attributions: [], times: [],
  };
  build(a, (needle, nth) => span(text, needle, nth));
  return a;
}

function inventedData() {
  const t1 = 'أعلنت وزارة الخارجية في اتحاد الساحل أمس الثلاثاء أنها استدعت سفير جمهورية الواحة احتجاجاً على بناء سد جديد على النهر المشترك.\n'
    + 'وقال المتحدث باسم الوزارة إن "الساحل لن يقبل بأي خطوة تهدد حصته من المياه"، مضيفاً أن بلاده تعتزم طرح القضية أمام مجلس الأمن الدولي.\n'
    + 'ولم تعلق حكومة الواحة على الاستدعاء حتى الآن، بحسب مصادر دبلوماسية.';
  const a1 = inventedArticle('mock-01', {
    outlet: 'صدى الوادي', date: '2024-03-05', title: 'الساحل يستدعي سفير الواحة بسبب سد النهر المشترك',
    url: 'https://example.org/mock/01', removed: [{ text: 'سياسة', reason: 'section-label' }, { text: 'شارك المقال', reason: 'share' }],
  }, t1, (a, sp) => {
    const e = (needle, type, act, nth) => a.entities.push({ ...sp(needle, nth), type, actor: act });
    e('وزارة الخارجية في اتحاد الساحل', 'ORG', A.sahGov);
    e('اتحاد الساحل', 'GPE', A.sahil);
    e('جمهورية الواحة', 'GPE', A.waha);
    e('الساحل', 'GPE', A.sahil, 1);
    e('مجلس الأمن الدولي', 'ORG', A.un);
    e('الواحة', 'GPE', A.waha, 1);
    a.events.push({ sentence: 0, trigger: sp('استدعت'), cameo: '111', plover: 'DISAPPROVE', mode: null, goldstein: -2.0, source: A.sahGov, target: A.waha, negated: false, modality: 'asserted', date: { start: '2024-03-04', end: '2024-03-04' }, place: null, confidence: 0.7, mentions: [] });
    a.events.push({ sentence: 1, trigger: sp('طرح القضية'), cameo: '115', plover: 'ACCUSE', mode: null, goldstein: -2.0, source: A.sahil, target: A.waha, negated: false, modality: 'intended', date: null, place: null, confidence: 0.5, mentions: [] });
    a.events.push({ sentence: 2, trigger: sp('تعلق'), cameo: '010', plover: 'CONSULT', mode: null, goldstein: 0.0, source: A.waha, target: A.sahil, negated: true, modality: 'reported', date: null, place: null, confidence: 0.4, mentions: [] });
    const q = sp('الساحل لن يقبل بأي خطوة تهدد حصته من المياه');
    a.quotes.push({ ...q, speaker: { text: 'المتحدث باسم الوزارة' } });
    a.attributions.push({ sentence: 2, outlet: null, via: 'مصادر دبلوماسية', anonymous: true });
    a.times.push({ ...sp('أمس الثلاثاء'), resolved: { start: '2024-03-04', end: '2024-03-04' } });
  });

  const t2 = 'وقّعت جمهورية الواحة واتحاد الساحل في العاصمة مرسى النخيل اتفاقاً لتقاسم مياه النهر المشترك بعد أشهر من التوتر.\n'
    + 'وقال وزير المياه في الواحة إن "الاتفاق يفتح صفحة جديدة بين البلدين".\n'
    + 'وفي سياق منفصل، أفادت مصادر محلية بأن جيش الساحل قصف مواقع على الحدود مساء الجمعة.';
  const a2 = inventedArticle('mock-02', { outlet: 'نشرة المرفأ', date: '2024-05-19', title: 'اتفاق تاريخي على تقاسم مياه النهر بين الواحة والساحل' }, t2, (a, sp) => {
    const e = (needle, type, act, nth) => a.entities.push({ ...sp(needle, nth), type, actor: act });
    e('جمهورية الواحة', 'GPE', A.waha);
    e('اتحاد الساحل', 'GPE', A.sahil);
    e('مرسى النخيل', 'LOC', null);
    e('وزير المياه في الواحة', 'PER', A.wahGov);
    e('جيش الساحل', 'ORG', A.sahMil);
    a.events.push({ sentence: 0, trigger: sp('وقّعت'), cameo: '057', plover: 'AGREE', mode: null, goldstein: 8.0, source: A.waha, target: A.sahil, negated: false, modality: 'asserted', date: { start: '2024-05-18', end: '2024-05-18' }, place: { name: 'Marsa al-Nakhil', country: 'WAH', lat: 10.1, lon: 20.2 }, confidence: 0.8, mentions: [] });
    a.events.push({ sentence: 2, trigger: sp('قصف'), cameo: '195', plover: 'ASSAULT', mode: null, goldstein: -10.0, source: A.sahMil, target: A.waha, negated: false, modality: 'reported', date: { start: '2024-05-17', end: '2024-05-17' }, place: null, confidence: 0.5, mentions: [] });
    // A quote with an entity inside it and a trigger that crosses its end.
    a.quotes.push({ ...sp('الاتفاق يفتح صفحة جديدة بين البلدين'), speaker: { ...A.wahGov, text: 'وزير المياه' } });
    a.entities.push({ ...sp('البلدين'), type: 'GPE', actor: A.waha, second: A.sahil });
    a.events.push({ sentence: 1, trigger: sp('البلدين"'), cameo: '030', plover: 'COOPERATE', mode: null, goldstein: 4.0, source: A.waha, target: A.sahil, negated: false, modality: 'reported', date: null, place: null, confidence: 0.4, mentions: [] });
    a.attributions.push({ sentence: 2, outlet: null, via: 'مصادر محلية', anonymous: true });
  });

  const t3 = 'نشرت وزارة الموارد المائية في جمهورية الواحة بياناً يتضمن الرمز <script>window.__xss=1</script> ووسم <img src=x onerror="window.__xss=2"> بالخطأ.\n'
    + 'وأكدت الوزارة أن الخلل عولج خلال ساعات.';
  const a3 = inventedArticle('mock-xss', { outlet: 'وكالة أنباء الواحة', date: '2024-03-14', title: 'وزارة الموارد المائية <b>تعلن</b> خطة', url: 'javascript:alert(1)' }, t3, (a, sp) => {
    a.entities.push({ ...sp('وزارة الموارد المائية في جمهورية الواحة'), type: 'ORG', actor: A.wahGov });
    a.entities.push({ ...sp('جمهورية الواحة'), type: 'GPE', actor: A.waha });
  });
  return [a1, a2, a3];
}

function realData(bin) {
  const inputs = ['examples/articles', 'examples/articles.jsonl', 'examples/html', 'tests/browser/fixtures']
    .map((p) => path.join(root, p))
    .filter((p) => fs.existsSync(p));
  const out = execFileSync(bin, ['analyze', ...inputs], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  return out.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

let analyses;
if (rasdBin && fs.existsSync(rasdBin)) {
  analyses = realData(rasdBin);
} else {
  analyses = inventedData();
}

// Articles with ids; the last gets a near-duplicate copy so the UI shows one.
const articles = analyses.map((an, i) => ({ id: i + 1, doc_id: an.id, title: an.title, outlet: an.outlet, date: an.date, url: an.url, author: an.author, analysis: an, duplicate_of: null }));
{
  const src = articles[0];
  articles.push({ ...src, id: articles.length + 1, doc_id: src.doc_id + '-copy', outlet: 'ناقل الأخبار', duplicate_of: { id: src.id, kind: 'near', similarity: 0.94 } });
}
const byId = new Map(articles.map((a) => [a.id, a]));

// Stories: articles whose first event joins the same pair of countries.
const stories = [];
{
  const key = (a) => {
    const ev = (a.analysis.events || []).find((e) => e.source && e.target);
    return ev ? [ev.source.country, ev.target.country].sort().join('-') : 'solo-' + a.id;
  };
  const groups = new Map();
  for (const a of articles) {
    const k = a.duplicate_of ? key(byId.get(a.duplicate_of.id)) : key(a);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(a);
  }
  let sid = 1;
  for (const members of groups.values()) {
    members.sort((x, y) => String(x.date).localeCompare(String(y.date)));
    const dates = members.map((m) => m.date).filter(Boolean).sort();
    const codes = new Map();
    for (const m of members) for (const e of m.analysis.entities) if (e.actor) codes.set(e.actor.code, (codes.get(e.actor.code) || 0) + 1);
    const st = {
      id: sid++, title: members[0].title, first_date: dates[0] || null, last_date: dates[dates.length - 1] || null,
      articles: members.length, actors: [...codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map((x) => x[0]),
      members: members.map((m) => ({ id: m.id, title: m.title, outlet: m.outlet, date: m.date })),
    };
    for (const m of members) m.story = st.id;
    stories.push(st);
  }
}

// Event rows (one per happening, with reports).
const eventRows = [];
{
  let eid = 1;
  for (const a of articles) {
    for (const ev of a.analysis.events) {
      eventRows.push({
        id: eid++, article: a.id, doc_id: a.doc_id, date: ev.date ? ev.date.start : a.date,
        cameo: ev.cameo, plover: ev.plover, goldstein: ev.goldstein,
        source_code: ev.source ? ev.source.code : null, source_name: ev.source ? ev.source.name : null,
        target_code: ev.target ? ev.target.code : null, target_name: ev.target ? ev.target.name : null,
        modality: ev.modality, negated: ev.negated, trigger: ev.trigger ? ev.trigger.text : null,
        place: ev.place ? ev.place.name : null, title: a.title, outlet: a.outlet, reports: 1,
      });
    }
  }
}
function happenings(rows) {
  const m = new Map();
  for (const r of rows) {
    const k = [r.date, r.cameo, r.source_code, r.target_code].join('|');
    if (m.has(k)) m.get(k).reports++;
    else m.set(k, { ...r, reports: 1 });
  }
  return [...m.values()];
}

// ------------------------------------------------------------------ search

const DIAC = /[\u064B-\u065F\u0670\u0640]/;
function normChar(c) {
  if ('أإآٱ'.includes(c)) return 'ا';
  if (c === 'ى') return 'ي';
  if (c === 'ة') return 'ه';
  return c;
}
// Normalised text and, for each of its code points, the index in the original.
function normalise(text) {
  const chars = Array.from(text);
  let s = '';
  const map = [];
  chars.forEach((c, i) => {
    if (DIAC.test(c)) return;
    s += normChar(c);
    map.push(i);
  });
  return { s, map, chars };
}
function normQuery(q) {
  return normalise(q).s;
}
const CLITICS = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];
function stem(w) {
  for (const c of CLITICS) if (w.startsWith(c) && w.length - c.length >= 3) return w.slice(c.length);
  return w;
}
function terms(q) {
  const out = [];
  const re = /"([^"]+)"|(\S+)/g;
  let m;
  while ((m = re.exec(q))) out.push(m[1] ? normQuery(m[1]) : stem(normQuery(m[2])));
  return out.filter(Boolean);
}
const isWordChar = (c) => c && /[\p{L}\p{M}\p{N}]/u.test(c);

function searchArticle(a, ts) {
  const doc = normalise((a.title || '') + '\n' + a.analysis.text);
  const hits = [];
  let score = 0;
  for (const t of ts) {
    let idx = doc.s.indexOf(t);
    if (idx < 0) return null;
    while (idx >= 0) {
      // Expand to the whole word in the normalised string (code units == code points
      // for Arabic).
      let a0 = idx;
      let b0 = idx + t.length;
      while (a0 > 0 && isWordChar(doc.s[a0 - 1])) a0--;
      while (b0 < doc.s.length && isWordChar(doc.s[b0])) b0++;
      hits.push([doc.map[a0], doc.map[b0 - 1] + 1]);
      score += 1;
      idx = doc.s.indexOf(t, idx + t.length);
    }
  }
  return { score, hits, chars: doc.chars };
}

function snippet(chars, hits) {
  hits.sort((x, y) => x[0] - y[0]);
  const first = hits[0][0];
  const a = Math.max(0, first - 60);
  const b = Math.min(chars.length, first + 160);
  const segs = [];
  let cur = a;
  const push = (x, y, hit) => {
    if (y <= x) return;
    const text = chars.slice(x, y).join('').replace(/\n/g, ' ');
    segs.push({ text, hit });
  };
  if (a > 0) segs.push({ text: '… ', hit: false });
  for (const [x, y] of hits) {
    if (x < cur || y > b) continue;
    push(cur, x, false);
    push(x, y, true);
    cur = y;
  }
  push(cur, b, false);
  if (b < chars.length) segs.push({ text: ' …', hit: false });
  return segs;
}

// ------------------------------------------------------------------ helpers

const prefix = (code, p) => !p || (code || '').startsWith(p.toUpperCase());
const inRange = (d, from, to) => (!from || (d && d >= from)) && (!to || (d && d <= to));
function pageParams(q) {
  const limit = Math.min(1000, Math.max(1, parseInt(q.get('limit') || '50', 10) || 50));
  const offset = Math.max(0, parseInt(q.get('offset') || '0', 10) || 0);
  return { limit, offset };
}
function typeMatch(ev, t) {
  if (!t) return true;
  return ev.plover === t.toUpperCase() || (ev.cameo || '').startsWith(t);
}
function countBy(list) {
  const m = new Map();
  for (const x of list) if (x !== null && x !== undefined) m.set(x, (m.get(x) || 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}
function defaultEventFilter(r, all) {
  return all || (!r.negated && (r.modality === 'asserted' || r.modality === 'reported'));
}
function filterEvents(q) {
  const all = q.get('all') === '1';
  return happenings(eventRows.filter((r) => defaultEventFilter(r, all)))
    .filter((r) => !q.get('actor') || prefix(r.source_code, q.get('actor')) || prefix(r.target_code, q.get('actor')))
    .filter((r) => !q.get('source') || prefix(r.source_code, q.get('source')))
    .filter((r) => !q.get('target') || prefix(r.target_code, q.get('target')))
    .filter((r) => typeMatch(r, q.get('type')))
    .filter((r) => inRange(r.date, q.get('from'), q.get('to')))
    .sort((a, b) => String(b.date).localeCompare(String(a.date)) || a.id - b.id);
}
function csvCell(v) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function weekStart(d) {
  const dt = new Date(d + 'T00:00:00Z');
  const day = (dt.getUTCDay() + 6) % 7;
  return new Date(dt.getTime() - day * 864e5).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------ API

class HttpError extends Error {
  constructor(status, msg) {
    super(msg);
    this.status = status;
  }
}

const handlers = {
  stats() {
    const ents = articles.flatMap((a) => a.analysis.entities);
    const evs = articles.flatMap((a) => a.analysis.events);
    const dates = articles.map((a) => a.date).filter(Boolean).sort();
    return {
      articles: articles.length, entities: ents.length, events: evs.length,
      quotes: articles.reduce((n, a) => n + a.analysis.quotes.length, 0), stories: stories.length,
      duplicates: { exact: 0, near: articles.filter((a) => a.duplicate_of).length },
      first_date: dates[0] || null, last_date: dates[dates.length - 1] || null, schema: 3, read_only: true,
      by_plover: countBy(evs.map((e) => e.plover)).slice(0, 20),
      by_outlet: countBy(articles.map((a) => a.outlet)).slice(0, 20),
      by_actor: countBy(ents.filter((e) => e.actor).map((e) => e.actor.code + ' ' + e.actor.name)).slice(0, 20),
    };
  },
  search(q) {
    const query = (q.get('q') || '').trim();
    if (!query) throw new HttpError(400, 'q is required');
    const ts = terms(query);
    const { limit, offset } = pageParams(q);
    const found = [];
    for (const a of articles) {
      if (q.get('outlet') && a.outlet !== q.get('outlet')) continue;
      if (!inRange(a.date, q.get('from'), q.get('to'))) continue;
      if (q.get('actor') && !a.analysis.entities.some((e) => e.actor && prefix(e.actor.code, q.get('actor')))) continue;
      if (q.get('type') && !a.analysis.events.some((e) => typeMatch(e, q.get('type')))) continue;
      const m = searchArticle(a, ts);
      if (!m) continue;
      const titleLen = Array.from((a.title || '') + '\n').length;
      const bodyHits = m.hits.filter(([x]) => x >= titleLen).map(([x, y]) => [x - titleLen, y - titleLen]);
      const chars = m.chars.slice(titleLen);
      const score = Math.round((m.score / Math.log(2 + chars.length / 100)) * 100) / 100;
      found.push({
        id: a.id, doc_id: a.doc_id, title: a.title, outlet: a.outlet, date: a.date, url: a.url, score, story: a.story,
        duplicate_of: a.duplicate_of ? a.duplicate_of.id : null,
        snippet: bodyHits.length ? snippet(chars, bodyHits) : [{ text: chars.slice(0, 160).join('').replace(/\n/g, ' ') + ' …', hit: false }],
      });
    }
    found.sort((x, y) => y.score - x.score || x.id - y.id);
    return { query, total: found.length, results: found.slice(offset, offset + limit) };
  },
  article(id) {
    const a = byId.get(Number(id));
    if (!a) throw new HttpError(404, 'no article ' + id);
    const duplicates = articles.filter((o) => o.duplicate_of && o.duplicate_of.id === a.id).map((o) => ({ id: o.id, title: o.title, outlet: o.outlet, kind: o.duplicate_of.kind, similarity: o.duplicate_of.similarity }));
    return { id: a.id, doc_id: a.doc_id, title: a.title, outlet: a.outlet, date: a.date, url: a.url, author: a.author, story: a.story, duplicate_of: a.duplicate_of, duplicates, analysis: a.analysis };
  },
  events(q) {
    const rows = filterEvents(q);
    const { limit, offset } = pageParams(q);
    const page = rows.slice(offset, offset + limit);
    if (q.get('format') === 'csv') {
      const cols = ['id', 'article', 'doc_id', 'date', 'cameo', 'plover', 'goldstein', 'source_code', 'source_name', 'target_code', 'target_name', 'modality', 'negated', 'trigger', 'place', 'title', 'outlet', 'reports'];
      return { csv: [cols.join(','), ...page.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n' };
    }
    return { total: rows.length, events: page };
  },
  actors(q) {
    const limit = Math.min(1000, Math.max(1, parseInt(q.get('limit') || '50', 10) || 50));
    const m = new Map();
    for (const a of articles) {
      for (const e of a.analysis.entities) {
        if (!e.actor) continue;
        const x = m.get(e.actor.code) || { code: e.actor.code, names: new Map(), mentions: 0, events: 0 };
        x.mentions++;
        x.names.set(e.actor.name, (x.names.get(e.actor.name) || 0) + 1);
        m.set(e.actor.code, x);
      }
    }
    const rows = happenings(eventRows.filter((r) => defaultEventFilter(r, false)));
    const links = new Map();
    for (const r of rows) {
      for (const c of [r.source_code, r.target_code]) if (c && m.has(c)) m.get(c).events++;
      if (!r.source_code || !r.target_code) continue;
      const k = r.source_code + '>' + r.target_code;
      const l = links.get(k) || { source: r.source_code, target: r.target_code, events: 0, sum: 0 };
      l.events++;
      l.sum += r.goldstein || 0;
      links.set(k, l);
    }
    const actors = [...m.values()]
      .sort((a, b) => b.mentions - a.mentions || a.code.localeCompare(b.code))
      .slice(0, limit)
      .map((x) => ({ code: x.code, name: [...x.names.entries()].sort((a, b) => b[1] - a[1])[0][0], mentions: x.mentions, events: x.events }));
    const keep = new Set(actors.map((a) => a.code));
    return {
      actors,
      links: [...links.values()].filter((l) => keep.has(l.source) && keep.has(l.target)).map((l) => ({ source: l.source, target: l.target, events: l.events, goldstein: Math.round((l.sum / l.events) * 100) / 100 })),
    };
  },
  dyads(q) {
    const rows = happenings(eventRows.filter((r) => defaultEventFilter(r, false))).filter((r) => r.source_code && r.target_code && inRange(r.date, q.get('from'), q.get('to')));
    const source = q.get('source');
    const target = q.get('target');
    if (!source && !target) {
      const m = new Map();
      for (const r of rows) {
        const k = r.source_code + '>' + r.target_code;
        const x = m.get(k) || { source: r.source_code, target: r.target_code, events: 0, sum: 0 };
        x.events++;
        x.sum += r.goldstein || 0;
        m.set(k, x);
      }
      return { pairs: [...m.values()].sort((a, b) => b.events - a.events || a.source.localeCompare(b.source)).slice(0, 50).map((x) => ({ source: x.source, target: x.target, events: x.events, goldstein: Math.round((x.sum / x.events) * 100) / 100 })) };
    }
    const period = q.get('period') || 'month';
    if (!['day', 'week', 'month'].includes(period)) throw new HttpError(400, 'period must be day, week or month');
    const both = q.get('both') === '1';
    const sel = rows.filter((r) => (prefix(r.source_code, source) && prefix(r.target_code, target)) || (both && prefix(r.source_code, target) && prefix(r.target_code, source)));
    const m = new Map();
    for (const r of sel) {
      if (!r.date) continue;
      const p = period === 'month' ? r.date.slice(0, 7) : period === 'week' ? weekStart(r.date) : r.date;
      const x = m.get(p) || { period: p, events: 0, sum: 0, cooperation: 0, conflict: 0 };
      x.events++;
      x.sum += r.goldstein || 0;
      if ((r.goldstein || 0) > 0) x.cooperation++;
      if ((r.goldstein || 0) < 0) x.conflict++;
      m.set(p, x);
    }
    const series = [...m.values()].sort((a, b) => a.period.localeCompare(b.period)).map((x) => ({ period: x.period, events: x.events, goldstein: Math.round((x.sum / x.events) * 100) / 100, cooperation: x.cooperation, conflict: x.conflict }));
    return { source, target, period, series };
  },
  stories(q) {
    const { limit, offset } = pageParams(q);
    return { total: stories.length, stories: stories.slice(offset, offset + limit).map(({ members, ...s }) => s) };
  },
  story(id) {
    const s = stories.find((x) => x.id === Number(id));
    if (!s) throw new HttpError(404, 'no story ' + id);
    return s;
  },
};

function api(pathname, q) {
  let m;
  if (pathname === '/api/stats') return handlers.stats(q);
  if (pathname === '/api/search') return handlers.search(q);
  if ((m = pathname.match(/^\/api\/articles\/(\d+)$/))) return handlers.article(m[1]);
  if (pathname === '/api/events') return handlers.events(q);
  if (pathname === '/api/actors') return handlers.actors(q);
  if (pathname === '/api/dyads') return handlers.dyads(q);
  if (pathname === '/api/stories') return handlers.stories(q);
  if ((m = pathname.match(/^\/api\/stories\/(\d+)$/))) return handlers.story(m[1]);
  throw new HttpError(404, 'no such endpoint: ' + pathname);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, type, body) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  };
  if (url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET') return send(403, 'application/json; charset=utf-8', JSON.stringify({ error: 'read-only' }));
    try {
      const out = api(url.pathname, url.searchParams);
      if (out && typeof out.csv === 'string') return send(200, 'text/csv; charset=utf-8', out.csv);
      return send(200, 'application/json; charset=utf-8', JSON.stringify(out));
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      return send(status, 'application/json; charset=utf-8', JSON.stringify({ error: e.message }));
    }
  }
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(webDir, '.' + rel);
  if (!file.startsWith(webDir + path.sep)) return send(404, 'text/plain', 'not found');
  fs.readFile(file, (err, data) => {
    if (err) return send(404, 'text/plain; charset=utf-8', 'not found');
    send(200, TYPES[path.extname(file)] || 'application/octet-stream', data);
  });
});

server.listen(port, host, () => {
  const addr = server.address();
  process.stderr.write('rasd: serving http://' + host + ':' + addr.port + '/ (read-only)\n');
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
