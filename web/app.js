// rasd dashboard: hash-routed views over the read-only HTTP API (docs/api.md).
// Security: every piece of data is put in the page with textContent / text nodes
// (see dom.js); nothing from the API is ever parsed as HTML.

import { h, clear, num, fixed, dash, safeUrl } from './dom.js';
import { api, apiUrl, cached, query } from './api.js';
import { highlightedText, actorLabel, eventTooltip, tone, MODALITY_AR } from './highlight.js';
import { networkSvg, timelineSvg, fillPeriods, barList, goldsteinColor } from './charts.js';

const main = document.getElementById('view');
let renderToken = 0;

// ---------------------------------------------------------------- routing

function parseHash() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const qi = raw.indexOf('?');
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  return { path: path || '/', params };
}

export function href(path, params) {
  return '#' + path + query(params);
}

function go(path, params) {
  const target = href(path, params);
  if (window.location.hash === target) route();
  else window.location.hash = target;
}

const routes = [
  [/^\/$/, () => viewOverview, 'overview'],
  [/^\/search$/, () => viewSearch, 'search'],
  [/^\/article\/(\d+)$/, () => viewArticle, 'search'],
  [/^\/events$/, () => viewEvents, 'events'],
  [/^\/network$/, () => viewNetwork, 'network'],
  [/^\/timeline$/, () => viewTimeline, 'timeline'],
  [/^\/stories$/, () => viewStories, 'stories'],
  [/^\/story\/(\d+)$/, () => viewStory, 'stories'],
];

async function route() {
  const token = ++renderToken;
  const { path, params } = parseHash();
  let view = viewNotFound;
  let match = null;
  let section = null;
  for (const [re, get, sec] of routes) {
    const m = path.match(re);
    if (m) {
      view = get();
      match = m;
      section = sec;
      break;
    }
  }
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.section === section);
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const container = h('div', { class: 'view', dataset: { view: section || 'none' } });
  document.body.dataset.ready = '0';
  clear(main).appendChild(h('div', { class: 'loading', testid: 'loading' }, 'جارٍ التحميل… · Loading…'));
  try {
    await view(container, params, match);
  } catch (e) {
    if (token !== renderToken) return;
    container.appendChild(errorBox(e));
    console.error(e);
  }
  if (token !== renderToken) return; // a newer navigation won
  clear(main).appendChild(container);
  document.body.dataset.ready = '1';
  document.body.dataset.route = path;
  window.scrollTo(0, 0);
}

function errorBox(e) {
  return h(
    'div',
    { class: 'card error', role: 'alert', testid: 'error' },
    h('strong', null, 'خطأ · Error: '),
    e && e.message ? e.message : String(e),
  );
}

async function viewNotFound(el) {
  el.appendChild(h('div', { class: 'card' }, h('h2', null, 'الصفحة غير موجودة · Not found'), h('a', { href: '#/' }, 'العودة · Back')));
}

// ---------------------------------------------------------------- common bits

function pageTitle(ar, en, extra) {
  document.title = ar + ' · ' + en + ' — رصد rasd';
  return h('h1', { class: 'page-title' }, ar, h('span', { class: 'en' }, ' · ' + en), extra || null);
}

function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input, hint ? h('small', null, hint) : null);
}

function input(name, value, attrs) {
  return h('input', { name, id: 'f-' + name, value: value || '', autocomplete: 'off', ...attrs });
}

function datalist(id, values) {
  return h('datalist', { id }, values.map((v) => (Array.isArray(v) ? h('option', { value: v[0] }, v[1]) : h('option', { value: v }))));
}

function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) {
    const t = String(v).trim();
    if (t) out[k] = t;
  }
  return out;
}

function pager(total, limit, offset, onPage) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'pagination', testid: 'pager' },
    h('button', { type: 'button', class: 'btn', disabled: page <= 1, testid: 'prev', on: { click: () => onPage(offset - limit) } }, '→ السابق · Prev'),
    h('span', { class: 'pager-info' }, 'صفحة ' + page + ' من ' + pages + ' · page ' + page + '/' + pages),
    h('button', { type: 'button', class: 'btn', disabled: page >= pages, testid: 'next', on: { click: () => onPage(offset + limit) } }, 'التالي · Next ←'),
  );
}

function actorChip(code, name, extra) {
  if (!code) return h('span', { class: 'muted' }, '—');
  return h(
    'a',
    { class: 'chip actor-chip', href: href('/events', { actor: code }), title: name ? code + ' · ' + name : code, dir: 'ltr' },
    h('bdi', { class: 'code' }, code),
    name ? h('span', { class: 'chip-name' }, name) : null,
    extra || null,
  );
}

function ploverBadge(plover, cameo, goldstein) {
  return h(
    'span',
    { class: 'badge type tone-' + tone(goldstein), title: 'CAMEO ' + (cameo || '?'), dir: 'ltr' },
    dash(plover),
    cameo ? h('small', null, ' ' + cameo) : null,
  );
}

function goldsteinCell(g) {
  const el = h('span', { class: 'goldstein', dir: 'ltr' }, g === null || g === undefined ? '—' : (g > 0 ? '+' : '') + fixed(g, 1));
  el.style.setProperty('color', goldsteinColor(g));
  return el;
}

function modalityCell(modality, negated) {
  return h(
    'span',
    { class: 'modality' },
    h('span', { class: 'badge modality-' + (modality || 'none') }, MODALITY_AR[modality] || dash(modality)),
    negated ? h('span', { class: 'badge negated', testid: 'negated' }, 'منفي · negated') : null,
  );
}

// A sortable table: columns [{key, label, render(row), sort(row) | null}].
function table(columns, rows, attrs) {
  const tbody = h('tbody');
  let sortKey = null;
  let dir = 1;
  const fill = () => {
    clear(tbody);
    let list = rows;
    if (sortKey) {
      const col = columns.find((c) => c.key === sortKey);
      list = [...rows].sort((a, b) => {
        const x = col.sort(a);
        const y = col.sort(b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return (x < y ? -1 : 1) * dir;
      });
    }
    for (const r of list) {
      tbody.appendChild(h('tr', { testid: attrs.rowTestid, dataset: attrs.rowData ? attrs.rowData(r) : null }, columns.map((c) => h('td', { class: 'col-' + c.key }, c.render(r)))));
    }
  };
  const ths = columns.map((c) => {
    const parts = String(c.label).split(' · ');
    const th = h('th', { scope: 'col', class: 'col-' + c.key }, parts[0], parts[1] ? h('span', { class: 'th-en' }, parts[1]) : null);
    if (c.sort) {
      th.classList.add('sortable');
      th.setAttribute('tabindex', '0');
      th.setAttribute('aria-sort', 'none');
      const act = () => {
        if (sortKey === c.key) dir = -dir;
        else {
          sortKey = c.key;
          dir = 1;
        }
        for (const o of ths) o.setAttribute('aria-sort', 'none');
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        fill();
      };
      th.addEventListener('click', act);
      th.addEventListener('keydown', (e) => e.key === 'Enter' && act());
    }
    return th;
  });
  fill();
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: attrs.id, testid: attrs.testid }, h('thead', null, h('tr', null, ths)), tbody));
}

function emptyBox(text) {
  return h('div', { class: 'empty', testid: 'empty' }, text);
}

// ---------------------------------------------------------------- header stats

async function loadStats() {
  const box = document.getElementById('stats');
  try {
    const st = await cached('stats');
    clear(box).append(
      h('span', { class: 'stat', testid: 'stat-articles' }, h('b', null, num(st.articles)), ' مقالاً · articles'),
      h('span', { class: 'stat', testid: 'stat-events' }, h('b', null, num(st.events)), ' حدثاً · events'),
      st.stories !== undefined ? h('span', { class: 'stat' }, h('b', null, num(st.stories)), ' قصة · stories') : null,
      st.read_only ? h('span', { class: 'stat ro', title: 'read-only' }, 'للقراءة فقط') : null,
    );
  } catch (e) {
    clear(box).appendChild(h('span', { class: 'stat error' }, 'الإحصاءات غير متاحة · stats unavailable'));
  }
}

// ---------------------------------------------------------------- overview

async function viewOverview(el) {
  const st = await cached('stats');
  el.appendChild(pageTitle('نظرة عامة', 'Overview'));
  el.appendChild(searchBox(''));
  const card = (label, value, sub) => h('div', { class: 'card kpi' }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, label), sub ? h('div', { class: 'kpi-sub' }, sub) : null);
  const dups = st.duplicates || {};
  el.appendChild(
    h(
      'div',
      { class: 'kpis', testid: 'kpis' },
      card('المقالات · Articles', num(st.articles), st.first_date ? st.first_date + ' — ' + st.last_date : null),
      card('الأحداث · Events', num(st.events)),
      card('الكيانات · Entities', num(st.entities)),
      card('الاقتباسات · Quotes', num(st.quotes)),
      card('القصص · Stories', num(st.stories)),
      card('المكررات · Duplicates', num((dups.exact || 0) + (dups.near || 0)), 'exact ' + num(dups.exact || 0) + ' · near ' + num(dups.near || 0)),
    ),
  );
  const panel = (title, rows, testid, mk) => {
    const list = barList(rows.map(([l, n]) => [l, n]), { testid });
    if (mk) {
      [...list.children].forEach((li, i) => {
        const lab = li.querySelector('.barlist-label');
        const a = h('a', { href: mk(rows[i][0]), class: 'barlist-label', dir: 'auto', title: rows[i][0] }, rows[i][0]);
        li.replaceChild(a, lab);
      });
    }
    return h('section', { class: 'card' }, h('h2', null, title), rows.length ? list : emptyBox('لا بيانات · no data'));
  };
  el.appendChild(
    h(
      'div',
      { class: 'grid3' },
      panel('أنواع الأحداث · Event types (PLOVER)', st.by_plover || [], 'by-plover', (t) => href('/events', { type: t })),
      panel('الفاعلون · Actors', st.by_actor || [], 'by-actor', (a) => href('/events', { actor: String(a).split(' ')[0] })),
      panel('المصادر · Outlets', st.by_outlet || [], 'by-outlet', null),
    ),
  );
}

function searchBox(q) {
  const qi = input('q', q, { type: 'search', placeholder: 'ابحث في المقالات… مثال: غزة، العقوبات · Search articles', 'aria-label': 'بحث · Search', testid: 'search-input', id: 'q' });
  const form = h(
    'form',
    {
      class: 'searchbar',
      role: 'search',
      testid: 'quick-search',
      on: {
        submit: (e) => {
          e.preventDefault();
          go('/search', { q: qi.value.trim() });
        },
      },
    },
    qi,
    h('button', { class: 'btn primary', type: 'submit' }, 'بحث · Search'),
  );
  return form;
}

// ---------------------------------------------------------------- search

const SEARCH_LIMIT = 20;

async function viewSearch(el, params) {
  const p = Object.fromEntries(params.entries());
  const st = await cached('stats').catch(() => ({}));
  el.appendChild(pageTitle('بحث', 'Search'));

  const qi = input('q', p.q, { type: 'search', id: 'q', testid: 'search-input', placeholder: 'كلمة أو "عبارة بين علامتي تنصيص" · word or "phrase"', 'aria-label': 'بحث · Search', required: true });
  const outlets = (st.by_outlet || []).map((r) => r[0]);
  const types = (st.by_plover || []).map((r) => r[0]);
  const actors = (st.by_actor || []).map((r) => [String(r[0]).split(' ')[0], String(r[0])]);
  const form = h(
    'form',
    {
      class: 'card filters',
      id: 'search-form',
      testid: 'search-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          go('/search', formValues(form));
        },
      },
    },
    h('div', { class: 'searchbar' }, qi, h('button', { class: 'btn primary', type: 'submit', testid: 'search-submit' }, 'بحث · Search')),
    h(
      'div',
      { class: 'filter-row' },
      field('المصدر · Outlet', input('outlet', p.outlet, { list: 'dl-outlets' })),
      field('من · From', input('from', p.from, { type: 'date' })),
      field('إلى · To', input('to', p.to, { type: 'date' })),
      field('فاعل · Actor code', input('actor', p.actor, { list: 'dl-actors', dir: 'ltr', placeholder: 'RUS, USAGOV' })),
      field('نوع الحدث · Event type', input('type', p.type, { list: 'dl-types', dir: 'ltr', placeholder: 'SANCTION, 19' })),
    ),
    datalist('dl-outlets', outlets),
    datalist('dl-actors', actors),
    datalist('dl-types', types),
  );
  el.appendChild(form);

  if (!p.q) {
    el.appendChild(emptyBox('اكتب كلمة للبحث في المقالات. تجد «عقوبات» أيضاً العقوبات وبالعقوبات. · Type a word to search.'));
    return;
  }
  const offset = Math.max(0, parseInt(p.offset || '0', 10) || 0);
  const res = await api('search', { q: p.q, outlet: p.outlet, from: p.from, to: p.to, actor: p.actor, type: p.type, limit: SEARCH_LIMIT, offset });
  el.appendChild(
    h('p', { class: 'result-count', id: 'result-count', testid: 'result-count', dataset: { total: res.total } }, h('b', null, num(res.total)), ' نتيجة لـ «', res.query ?? p.q, '» · results'),
  );
  if (!res.results || !res.results.length) {
    el.appendChild(emptyBox('لا نتائج. جرّب كلمة أخرى أو أزل بعض المرشحات. · No results.'));
    return;
  }
  const list = h('ol', { class: 'results', id: 'results', testid: 'results', start: offset + 1 });
  for (const r of res.results) {
    const snippet = h('p', { class: 'snippet' });
    for (const seg of r.snippet || []) {
      if (seg.hit) snippet.appendChild(h('mark', null, seg.text));
      else snippet.appendChild(document.createTextNode(seg.text));
    }
    list.appendChild(
      h(
        'li',
        { class: 'card result', testid: 'result', dataset: { id: r.id } },
        h(
          'div',
          { class: 'result-head' },
          h('a', { class: 'result-title', href: href('/article/' + r.id), testid: 'result-link' }, r.title || r.doc_id || '#' + r.id),
          r.duplicate_of !== null && r.duplicate_of !== undefined
            ? h('a', { class: 'badge dup', testid: 'dup-badge', href: href('/article/' + r.duplicate_of), title: 'duplicate of #' + r.duplicate_of }, 'مكرر · duplicate')
            : null,
        ),
        h(
          'div',
          { class: 'meta' },
          h('span', { class: 'outlet' }, dash(r.outlet)),
          h('span', { class: 'date', dir: 'ltr' }, dash(r.date)),
          r.story !== null && r.story !== undefined ? h('a', { href: href('/story/' + r.story) }, 'القصة · story ' + r.story) : null,
          h('span', { class: 'score', title: 'BM25', dir: 'ltr' }, 'score ' + fixed(r.score, 2)),
        ),
        snippet,
      ),
    );
  }
  el.appendChild(list);
  const pg = pager(res.total, SEARCH_LIMIT, offset, (o) => go('/search', { ...p, offset: o || null }));
  if (pg) el.appendChild(pg);
}

// ---------------------------------------------------------------- article

const TYPE_AR = { PER: 'شخص · PER', ORG: 'منظمة · ORG', LOC: 'مكان · LOC', GPE: 'دولة/مدينة · GPE', NORP: 'جنسية · NORP', MISC: 'أخرى · MISC' };

async function viewArticle(el, params, match) {
  const id = match[1];
  const art = await api('articles/' + id);
  const an = art.analysis || {};
  const title = art.title || an.title || art.doc_id || '#' + art.id;
  document.title = title + ' — رصد rasd';

  // Header card.
  const url = safeUrl(art.url);
  const head = h(
    'header',
    { class: 'card article-head' },
    h('h1', { id: 'article-title', testid: 'article-title' }, title),
    an.subtitle ? h('p', { class: 'subtitle' }, an.subtitle) : null,
    h(
      'div',
      { class: 'meta' },
      h('span', { class: 'outlet', testid: 'article-outlet' }, dash(art.outlet)),
      h('span', { class: 'date', dir: 'ltr' }, dash(art.date)),
      art.author ? h('span', null, 'بقلم · by ', art.author) : null,
      h('span', { class: 'docid', dir: 'ltr' }, art.doc_id ? art.doc_id : null),
      url ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'ext', dir: 'ltr', testid: 'article-url' }, url) : null,
      art.story !== null && art.story !== undefined ? h('a', { href: href('/story/' + art.story), class: 'chip', testid: 'story-link' }, 'القصة · Story #' + art.story) : null,
    ),
    art.duplicate_of
      ? h(
          'p',
          { class: 'notice dup', testid: 'duplicate-of' },
          'هذا المقال مكرر · This article repeats ',
          h('a', { href: href('/article/' + art.duplicate_of.id) }, '#' + art.duplicate_of.id),
          ' (' + dash(art.duplicate_of.kind) + ', ' + fixed((art.duplicate_of.similarity || 0) * 100, 0) + '%)',
        )
      : null,
  );
  el.appendChild(head);

  // Removed chrome (hidden until toggled).
  const removed = an.removed || [];
  const removedBox = h(
    'section',
    { class: 'card removed', id: 'removed', testid: 'removed', hidden: true },
    h('h2', null, 'الأسطر المحذوفة · Removed chrome (' + removed.length + ')'),
    removed.length
      ? h(
          'ol',
          { class: 'removed-list' },
          removed.map((r) => h('li', { testid: 'removed-line' }, h('span', { class: 'badge reason', dir: 'ltr' }, dash(r.reason)), h('span', { class: 'removed-text' }, r.text))),
        )
      : emptyBox('لم يُحذف شيء · nothing was removed'),
    an.repairs && an.repairs.length
      ? h(
          'div',
          { class: 'repairs' },
          h('h3', null, 'كلمات أُصلحت · Repaired words'),
          h('ul', null, an.repairs.map((r) => h('li', null, h('code', null, r.from), ' ← ', h('b', null, r.to)))),
        )
      : null,
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      id: 'toggle-removed',
      testid: 'toggle-removed',
      'aria-pressed': 'false',
      'aria-controls': 'removed',
      on: {
        click: () => {
          const show = removedBox.hidden;
          removedBox.hidden = !show;
          toggle.setAttribute('aria-pressed', show ? 'true' : 'false');
          toggle.textContent = show ? 'إخفاء المحذوف · Hide removed chrome' : 'إظهار المحذوف · Show removed chrome';
        },
      },
    },
    'إظهار المحذوف · Show removed chrome',
  );

  const legend = h(
    'div',
    { class: 'legend', 'aria-label': 'legend' },
    ['PER', 'ORG', 'LOC', 'GPE', 'NORP'].map((t) => h('span', { class: 'hl-ent ent-' + t }, TYPE_AR[t])),
    h('span', { class: 'hl-trig tone-coop' }, 'حدث تعاوني · coop. event'),
    h('span', { class: 'hl-trig tone-conflict' }, 'حدث صراعي · conflict event'),
    h('span', { class: 'hl-quote' }, 'اقتباس · quote'),
    h('span', { class: 'hl-time' }, 'زمن · time'),
  );

  const textBox = h('div', { class: 'article-text', id: 'article-text', testid: 'article-text', lang: 'ar' });
  textBox.appendChild(highlightedText(an));

  // Side panel.
  const side = h('aside', { class: 'side', id: 'article-side' });
  side.appendChild(actorsPanel(an));
  const evTable = articleEventsPanel(an);
  side.appendChild(evTable);
  side.appendChild(quotesPanel(an));
  side.appendChild(attributionsPanel(an));
  if ((an.times || []).length) side.appendChild(timesPanel(an));
  side.appendChild(duplicatesPanel(art));

  // Link triggers in the text and rows of the events table both ways.
  const focusEvent = (i, scroll) => {
    for (const e of el.querySelectorAll('.focus')) e.classList.remove('focus');
    for (const t of textBox.querySelectorAll('[data-event="' + i + '"]')) t.classList.add('focus');
    const row = side.querySelector('tr[data-event="' + i + '"]');
    if (row) {
      row.classList.add('focus');
      if (scroll) row.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  };
  textBox.addEventListener('click', (e) => {
    const t = e.target.closest('.hl-trig');
    if (t) focusEvent(t.dataset.event, true);
  });
  textBox.addEventListener('keydown', (e) => {
    const t = e.target.closest('.hl-trig');
    if (t && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      focusEvent(t.dataset.event, true);
    }
  });
  side.addEventListener('mouseover', (e) => {
    const row = e.target.closest('tr[data-event]');
    if (row) focusEvent(row.dataset.event, false);
  });

  el.appendChild(
    h(
      'div',
      { class: 'article-layout' },
      h('article', { class: 'card reading' }, h('div', { class: 'toolbar' }, legend, toggle), removedBox, textBox),
      side,
    ),
  );
}

function panel(titleAr, titleEn, count, body, testid) {
  return h(
    'section',
    { class: 'card panel', testid },
    h('h2', null, titleAr, h('span', { class: 'en' }, ' · ' + titleEn), count !== null ? h('span', { class: 'count' }, String(count)) : null),
    body,
  );
}

function actorsPanel(an) {
  const groups = new Map();
  for (const e of an.entities || []) {
    const a = e.actor;
    const key = a ? a.code + '|' + (a.name || '') : 'text|' + e.type + '|' + e.text;
    if (!groups.has(key)) groups.set(key, { actor: a, type: e.type, texts: new Set(), n: 0 });
    const g = groups.get(key);
    g.n++;
    g.texts.add(e.text);
  }
  const list = [...groups.values()].sort((a, b) => b.n - a.n);
  const ul = h(
    'ul',
    { class: 'actor-list', testid: 'actor-list' },
    list.map((g) =>
      h(
        'li',
        { testid: 'actor-item' },
        h('span', { class: 'dot ent-' + g.type, title: g.type }),
        g.actor ? actorChip(g.actor.code, g.actor.name) : h('span', { class: 'chip plain' }, g.type),
        h('span', { class: 'mentions' }, [...g.texts].join('، ')),
        h('span', { class: 'count' }, '×' + g.n),
      ),
    ),
  );
  return panel('الفاعلون', 'Actors', list.length, list.length ? ul : emptyBox('لا كيانات · no entities'), 'actors-panel');
}

function articleEventsPanel(an) {
  const events = an.events || [];
  const cols = [
    { key: 'trigger', label: 'المحفّز · Trigger', render: (r) => h('span', { class: 'trigger-text' }, r.ev.trigger ? r.ev.trigger.text : '—') },
    { key: 'type', label: 'النوع · Type', render: (r) => ploverBadge(r.ev.plover, r.ev.cameo, r.ev.goldstein) },
    {
      key: 'actors',
      label: 'Source → Target',
      render: (r) => h('span', { class: 'dyad', dir: 'ltr' }, h('bdi', null, r.ev.source ? r.ev.source.code : '—'), ' → ', h('bdi', null, r.ev.target ? r.ev.target.code : '—')),
    },
    { key: 'modality', label: 'الصيغة · Modality', render: (r) => modalityCell(r.ev.modality, r.ev.negated) },
    { key: 'g', label: 'G', render: (r) => goldsteinCell(r.ev.goldstein) },
  ];
  const rows = events.map((ev, i) => ({ ev, i }));
  const body = events.length
    ? table(cols, rows, { id: 'article-events', testid: 'article-events', rowTestid: 'article-event-row', rowData: (r) => ({ event: r.i }) })
    : emptyBox('لا أحداث مرمّزة · no coded events');
  // Tooltips on rows too.
  if (events.length) for (const tr of body.querySelectorAll('tbody tr')) tr.title = eventTooltip(events[Number(tr.dataset.event)]);
  return panel('الأحداث', 'Events', events.length, body, 'events-panel');
}

function quotesPanel(an) {
  const qs = an.quotes || [];
  const body = qs.length
    ? h(
        'ul',
        { class: 'quote-list' },
        qs.map((q) =>
          h(
            'li',
            { testid: 'quote-item' },
            h('blockquote', null, q.text),
            h('div', { class: 'speaker' }, '— ', q.speaker ? (q.speaker.code ? actorChip(q.speaker.code, q.speaker.name) : null) : null, q.speaker && q.speaker.text ? h('span', null, ' ', q.speaker.text) : q.speaker ? null : h('span', { class: 'muted' }, 'غير معروف · unknown')),
          ),
        ),
      )
    : emptyBox('لا اقتباسات · no quotes');
  return panel('الاقتباسات', 'Quotes', qs.length, body, 'quotes-panel');
}

function attributionsPanel(an) {
  const at = an.attributions || [];
  const body = at.length
    ? h(
        'ul',
        { class: 'attr-list' },
        at.map((a) =>
          h(
            'li',
            { testid: 'attribution-item' },
            h('span', { class: 'badge', dir: 'ltr' }, 'S' + a.sentence),
            a.outlet ? h('span', null, 'المصدر · outlet: ', h('b', null, a.outlet)) : null,
            a.via ? h('span', null, ' عبر · via: ', h('b', null, a.via)) : null,
            a.anonymous ? h('span', { class: 'badge anon' }, 'مجهول · anonymous') : null,
          ),
        ),
      )
    : emptyBox('لا إسنادات · no attributions');
  return panel('الإسنادات', 'Attributions', at.length, body, 'attributions-panel');
}

function timesPanel(an) {
  const ts = an.times || [];
  return panel(
    'التعابير الزمنية',
    'Times',
    ts.length,
    h('ul', { class: 'time-list' }, ts.map((t) => h('li', null, h('span', null, t.text), ' ', h('span', { class: 'muted', dir: 'ltr' }, t.resolved ? t.resolved.start + (t.resolved.end !== t.resolved.start ? ' – ' + t.resolved.end : '') : '—')))),
    'times-panel',
  );
}

function duplicatesPanel(art) {
  const ds = art.duplicates || [];
  const body = ds.length
    ? h(
        'ul',
        { class: 'dup-list', testid: 'duplicates' },
        ds.map((d) =>
          h(
            'li',
            null,
            h('a', { href: href('/article/' + d.id) }, d.title || '#' + d.id),
            h('span', { class: 'muted' }, ' · ', dash(d.outlet), ' · ', dash(d.kind), ' ', fixed((d.similarity || 0) * 100, 0) + '%'),
          ),
        ),
      )
    : emptyBox('لا نسخ مكررة · no duplicates');
  return panel('النسخ المكررة', 'Duplicates', ds.length, body, 'duplicates-panel');
}

// ---------------------------------------------------------------- events

const EVENTS_LIMIT = 50;

async function viewEvents(el, params) {
  const p = Object.fromEntries(params.entries());
  const st = await cached('stats').catch(() => ({}));
  el.appendChild(pageTitle('الأحداث', 'Events'));
  const types = (st.by_plover || []).map((r) => r[0]);
  const actors = (st.by_actor || []).map((r) => [String(r[0]).split(' ')[0], String(r[0])]);
  const all = h('input', { type: 'checkbox', name: 'all', value: '1', id: 'f-all', checked: p.all === '1' });
  const form = h(
    'form',
    {
      class: 'card filters',
      id: 'events-form',
      testid: 'events-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          go('/events', formValues(form));
        },
      },
    },
    h(
      'div',
      { class: 'filter-row' },
      field('فاعل · Actor', input('actor', p.actor, { list: 'dl-actors', dir: 'ltr', placeholder: 'RUS' })),
      field('المصدر · Source', input('source', p.source, { list: 'dl-actors', dir: 'ltr' })),
      field('الهدف · Target', input('target', p.target, { list: 'dl-actors', dir: 'ltr' })),
      field('النوع · Type', input('type', p.type, { list: 'dl-types', dir: 'ltr', placeholder: 'ASSAULT, 19' })),
      field('من · From', input('from', p.from, { type: 'date' })),
      field('إلى · To', input('to', p.to, { type: 'date' })),
    ),
    h(
      'div',
      { class: 'filter-actions' },
      h('label', { class: 'check' }, all, ' يشمل المنفي والمُزمَع والافتراضي والمُشار إليه والعام · include negated, intended, hypothetical, referenced, generic'),
      h('button', { class: 'btn primary', type: 'submit', testid: 'events-submit' }, 'تطبيق · Apply'),
      h('a', { class: 'btn', href: '#/events' }, 'مسح · Clear'),
    ),
    datalist('dl-actors', actors),
    datalist('dl-types', types),
  );
  el.appendChild(form);

  const offset = Math.max(0, parseInt(p.offset || '0', 10) || 0);
  const filters = { actor: p.actor, source: p.source, target: p.target, type: p.type, from: p.from, to: p.to, all: p.all === '1' ? '1' : null };
  const res = await api('events', { ...filters, limit: EVENTS_LIMIT, offset });
  const csv = apiUrl('events', { ...filters, format: 'csv', limit: 1000 });
  el.appendChild(
    h(
      'div',
      { class: 'table-head' },
      h('p', { class: 'result-count', id: 'events-total', testid: 'events-total', dataset: { total: res.total } }, h('b', null, num(res.total)), ' حدثاً · events'),
      h('a', { class: 'btn', id: 'csv-link', testid: 'csv-link', href: csv, download: 'rasd-events.csv' }, '⬇ CSV'),
    ),
  );
  const events = res.events || [];
  if (!events.length) {
    el.appendChild(emptyBox('لا أحداث تطابق المرشحات · No events match.'));
    return;
  }
  const cols = [
    { key: 'date', label: 'التاريخ · Date', render: (e) => h('span', { dir: 'ltr', class: 'nowrap' }, dash(e.date)), sort: (e) => e.date },
    { key: 'type', label: 'النوع · Type', render: (e) => ploverBadge(e.plover, e.cameo, e.goldstein), sort: (e) => e.plover },
    { key: 'source', label: 'المصدر · Source', render: (e) => actorChip(e.source_code, e.source_name), sort: (e) => e.source_code },
    { key: 'target', label: 'الهدف · Target', render: (e) => actorChip(e.target_code, e.target_name), sort: (e) => e.target_code },
    { key: 'trigger', label: 'المحفّز · Trigger', render: (e) => h('span', { class: 'trigger-text' }, dash(e.trigger)), sort: (e) => e.trigger },
    { key: 'goldstein', label: 'Goldstein', render: (e) => goldsteinCell(e.goldstein), sort: (e) => e.goldstein },
    { key: 'modality', label: 'الصيغة · Modality', render: (e) => modalityCell(e.modality, e.negated), sort: (e) => e.modality },
    { key: 'reports', label: 'التقارير · Reports', render: (e) => h('span', { class: 'reports', testid: 'reports' }, num(e.reports)), sort: (e) => e.reports },
    {
      key: 'article',
      label: 'المقال · Article',
      render: (e) => h('div', { class: 'article-cell' }, h('a', { href: href('/article/' + e.article), testid: 'event-article-link' }, e.title || e.doc_id || '#' + e.article), h('small', { class: 'muted' }, dash(e.outlet), e.place ? ' · ' + e.place : '')),
      sort: (e) => e.title,
    },
  ];
  el.appendChild(h('div', { class: 'card flush' }, table(cols, events, { id: 'events-table', testid: 'events-table', rowTestid: 'event-row', rowData: (e) => ({ id: e.id }) })));
  const pg = pager(res.total, EVENTS_LIMIT, offset, (o) => go('/events', { ...p, offset: o || null }));
  if (pg) el.appendChild(pg);
}

// ---------------------------------------------------------------- network

async function viewNetwork(el) {
  el.appendChild(pageTitle('شبكة الفاعلين', 'Actor network'));
  const res = await api('actors', { limit: 40 });
  const actors = res.actors || [];
  const links = res.links || [];
  if (!actors.length) {
    el.appendChild(emptyBox('لا فاعلين بعد · no actors yet'));
    return;
  }
  const svg = networkSvg(actors, links, {
    width: 960,
    height: 600,
    onLink: (l) => go('/timeline', { source: l.source, target: l.target }),
    onNode: (a) => go('/events', { actor: a.code }),
  });
  el.appendChild(
    h(
      'div',
      { class: 'card chart-card' },
      h(
        'p',
        { class: 'hint' },
        'حجم العقدة = عدد الإشارات؛ لون الرابط = متوسط غولدستين (أخضر تعاون، أحمر صراع). انقر رابطاً لعرض الخط الزمني للزوج، أو عقدة لعرض أحداثها.',
        h('br'),
        h('span', { dir: 'ltr', class: 'en' }, 'Node size = mentions; link colour = mean Goldstein (green cooperation, red conflict). Click a link for the pair’s timeline, a node for its events.'),
      ),
      svg,
      h(
        'div',
        { class: 'scale' },
        h('span', null, 'صراع · conflict −10'),
        h('span', { class: 'scale-bar' }),
        h('span', null, '+10 تعاون · cooperation'),
      ),
    ),
  );
  const sorted = [...links].sort((a, b) => (b.events || 0) - (a.events || 0));
  const cols = [
    { key: 'source', label: 'المصدر · Source', render: (l) => actorChip(l.source, null), sort: (l) => l.source },
    { key: 'target', label: 'الهدف · Target', render: (l) => actorChip(l.target, null), sort: (l) => l.target },
    { key: 'events', label: 'الأحداث · Events', render: (l) => num(l.events), sort: (l) => l.events },
    { key: 'goldstein', label: 'Goldstein', render: (l) => goldsteinCell(l.goldstein), sort: (l) => l.goldstein },
    { key: 'tl', label: '', render: (l) => h('a', { href: href('/timeline', { source: l.source, target: l.target }) }, 'الخط الزمني · timeline') },
  ];
  el.appendChild(h('section', { class: 'card flush' }, h('h2', { class: 'pad' }, 'الروابط · Links'), table(cols, sorted, { id: 'links-table', testid: 'links-table', rowTestid: 'link-row' })));
}

// ---------------------------------------------------------------- timeline

async function viewTimeline(el, params) {
  const p = Object.fromEntries(params.entries());
  el.appendChild(pageTitle('الخط الزمني', 'Timeline'));
  const top = await cached('dyads').catch(() => ({ pairs: [] }));
  const pairs = top.pairs || [];
  const codes = [...new Set(pairs.flatMap((x) => [x.source, x.target]))];
  const period = h(
    'select',
    { name: 'period', id: 'f-period' },
    [
      ['month', 'شهر · month'],
      ['week', 'أسبوع · week'],
      ['day', 'يوم · day'],
    ].map(([v, l]) => h('option', { value: v, selected: (p.period || 'month') === v }, l)),
  );
  const both = h('input', { type: 'checkbox', name: 'both', value: '1', checked: p.both === '1' });
  const form = h(
    'form',
    {
      class: 'card filters',
      id: 'timeline-form',
      testid: 'timeline-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          go('/timeline', formValues(form));
        },
      },
    },
    h(
      'div',
      { class: 'filter-row' },
      field('المصدر · Source', input('source', p.source, { list: 'dl-codes', dir: 'ltr', placeholder: 'USA', required: true })),
      field('الهدف · Target', input('target', p.target, { list: 'dl-codes', dir: 'ltr', placeholder: 'RUS', required: true })),
      field('الفترة · Period', period),
      field('من · From', input('from', p.from, { type: 'date' })),
      field('إلى · To', input('to', p.to, { type: 'date' })),
    ),
    h('div', { class: 'filter-actions' }, h('label', { class: 'check' }, both, ' الاتجاهان · both directions'), h('button', { class: 'btn primary', type: 'submit', testid: 'timeline-submit' }, 'عرض · Show')),
    datalist('dl-codes', codes),
  );
  el.appendChild(form);
  if (pairs.length) {
    el.appendChild(
      h(
        'div',
        { class: 'pairs', testid: 'top-pairs' },
        h('span', { class: 'muted' }, 'أكثر الأزواج · Top pairs: '),
        pairs.slice(0, 12).map((x) =>
          h(
            'a',
            { class: ['chip', 'pair', p.source === x.source && p.target === x.target ? 'active' : null], href: href('/timeline', { source: x.source, target: x.target, period: p.period }), dir: 'ltr', testid: 'pair-chip' },
            h('bdi', null, x.source), ' → ', h('bdi', null, x.target),
            h('small', null, ' ' + num(x.events)),
          ),
        ),
      ),
    );
  }
  if (!p.source || !p.target) {
    el.appendChild(emptyBox('اختر مصدراً وهدفاً (رمز CAMEO) أو زوجاً من القائمة. · Pick a source and a target.'));
    return;
  }
  const res = await api('dyads', { source: p.source, target: p.target, period: p.period, both: p.both === '1' ? '1' : null, from: p.from, to: p.to });
  const series = res.series || [];
  const totals = series.reduce((t, x) => ({ events: t.events + (x.events || 0), coop: t.coop + (x.cooperation || 0), conf: t.conf + (x.conflict || 0) }), { events: 0, coop: 0, conf: 0 });
  el.appendChild(
    h(
      'h2',
      { class: 'pair-title', testid: 'pair-title' },
      h('bdi', { dir: 'ltr' }, res.source || p.source, p.both === '1' ? ' ⇄ ' : ' → ', res.target || p.target),
      h('span', { class: 'muted' }, ' · ' + num(totals.events) + ' حدثاً · events · تعاون ' + totals.coop + ' · صراع ' + totals.conf),
    ),
  );
  if (!series.length) {
    el.appendChild(emptyBox('لا أحداث بين هذين الفاعلين · No events between these actors.'));
    return;
  }
  el.appendChild(h('div', { class: 'card chart-card' }, timelineSvg(fillPeriods(series, res.period || p.period || 'month'))));
  const cols = [
    { key: 'period', label: 'الفترة · Period', render: (x) => h('span', { dir: 'ltr' }, x.period), sort: (x) => x.period },
    { key: 'events', label: 'الأحداث · Events', render: (x) => num(x.events), sort: (x) => x.events },
    { key: 'coop', label: 'تعاون · Cooperation', render: (x) => h('span', { class: 'tone-coop-text' }, num(x.cooperation)), sort: (x) => x.cooperation },
    { key: 'conf', label: 'صراع · Conflict', render: (x) => h('span', { class: 'tone-conflict-text' }, num(x.conflict)), sort: (x) => x.conflict },
    { key: 'g', label: 'متوسط غولدستين · Mean Goldstein', render: (x) => goldsteinCell(x.goldstein), sort: (x) => x.goldstein },
    {
      key: 'ev',
      label: '',
      render: (x) => h('a', { href: href('/events', { source: p.both === '1' ? null : p.source, target: p.both === '1' ? null : p.target, actor: p.both === '1' ? p.source : null, ...periodRange(x.period, res.period || p.period) }) }, 'الأحداث · events'),
    },
  ];
  el.appendChild(h('div', { class: 'card flush' }, table(cols, series, { id: 'timeline-table', testid: 'timeline-table', rowTestid: 'timeline-row' })));
}

// The date range of a period label: "2024-03" (month), "2024-03-05" (day), "2024-W10" or
// a week's first day.
function periodRange(label, period) {
  if (!label) return {};
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
    return { from: label + '-01', to: label + '-' + String(last).padStart(2, '0') };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) {
    if (period === 'week') {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 6));
      return { from: label, to: d.toISOString().slice(0, 10) };
    }
    return { from: label, to: label };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) {
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const mon = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2] - 1) * 7 * 864e5);
    const sun = new Date(mon.getTime() + 6 * 864e5);
    return { from: mon.toISOString().slice(0, 10), to: sun.toISOString().slice(0, 10) };
  }
  return {};
}

// ---------------------------------------------------------------- stories

const STORIES_LIMIT = 50;

async function viewStories(el, params) {
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  el.appendChild(pageTitle('القصص', 'Stories'));
  const res = await api('stories', { limit: STORIES_LIMIT, offset });
  el.appendChild(h('p', { class: 'result-count', testid: 'stories-total' }, h('b', null, num(res.total)), ' قصة · stories (مجموعات من المقالات عن الحدث نفسه · groups of articles about one happening)'));
  const stories = res.stories || [];
  if (!stories.length) {
    el.appendChild(emptyBox('لا قصص بعد · no stories yet'));
    return;
  }
  el.appendChild(
    h(
      'ul',
      { class: 'story-grid', id: 'stories', testid: 'stories' },
      stories.map((st) =>
        h(
          'li',
          { class: 'card story', testid: 'story', dataset: { id: st.id } },
          h('a', { class: 'story-title', href: href('/story/' + st.id) }, st.title || 'قصة #' + st.id),
          h('div', { class: 'meta' }, h('span', { dir: 'ltr' }, dash(st.first_date) + (st.last_date && st.last_date !== st.first_date ? ' — ' + st.last_date : '')), h('span', { class: 'badge' }, num(st.articles) + ' مقال · articles')),
          h('div', { class: 'chips' }, (st.actors || []).map((c) => actorChip(c, null))),
        ),
      ),
    ),
  );
  const pg = pager(res.total, STORIES_LIMIT, offset, (o) => go('/stories', { offset: o || null }));
  if (pg) el.appendChild(pg);
}

async function viewStory(el, params, match) {
  const st = await api('stories/' + match[1]);
  el.appendChild(h('p', { class: 'crumbs' }, h('a', { href: '#/stories' }, '← القصص · Stories')));
  el.appendChild(pageTitle(st.title || 'قصة #' + st.id, 'Story #' + st.id));
  el.appendChild(
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'meta' }, h('span', { dir: 'ltr' }, dash(st.first_date) + ' — ' + dash(st.last_date)), h('span', { class: 'badge' }, num(st.articles) + ' مقال · articles')),
      h('div', { class: 'chips' }, (st.actors || []).map((c) => actorChip(c, null))),
    ),
  );
  const members = st.members || [];
  el.appendChild(
    h(
      'ol',
      { class: 'results', testid: 'story-members' },
      members.map((m) =>
        h(
          'li',
          { class: 'card result', testid: 'story-member' },
          h('a', { class: 'result-title', href: href('/article/' + m.id) }, m.title || '#' + m.id),
          h('div', { class: 'meta' }, h('span', null, dash(m.outlet)), h('span', { dir: 'ltr' }, dash(m.date))),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- start

window.addEventListener('hashchange', route);
loadStats();
route();
