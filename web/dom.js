// DOM helpers. Everything the dashboard shows is built here with createElement and
// textContent: data from the API (article text, titles, names) is untrusted and never
// goes through an HTML parser. There is deliberately no helper that takes markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

// A URL from the data may only be a web address; anything else (javascript:, data:)
// is dropped.
export function safeUrl(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function setAttr(el, name, value) {
  if (value === null || value === undefined || value === false) return;
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) throw new Error('event handler attributes are not allowed: ' + name);
  if (lower === 'href' || lower === 'src' || lower === 'action' || lower === 'xlink:href') {
    const v = String(value);
    // Our own routes and API paths are relative; anything absolute must be http(s).
    if (!(v.startsWith('#') || v.startsWith('/') || v.startsWith('?'))) {
      const ok = safeUrl(v);
      if (!ok) return;
      value = ok;
    }
  }
  el.setAttribute(name, value === true ? '' : String(value));
}

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(el, c);
  } else if (child instanceof Node) {
    el.appendChild(child);
  } else {
    el.appendChild(document.createTextNode(String(child)));
  }
}

// h('a', {href: '#/x', class: 'c', dataset: {id: 3}, on: {click: fn}}, 'text', child, [more])
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

function applyAttrs(el, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === 'on') {
      for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    } else if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== null && dv !== undefined) el.dataset[dk] = String(dv);
    } else if (k === 'text') {
      el.textContent = v === null || v === undefined ? '' : String(v);
    } else if (k === 'testid') {
      el.setAttribute('data-testid', v);
    } else if (k === 'style' && v && typeof v === 'object') {
      for (const [sk, sv] of Object.entries(v)) el.style.setProperty(sk, sv);
    } else if (k === 'class' && Array.isArray(v)) {
      const cls = v.filter(Boolean).join(' ');
      if (cls) el.setAttribute('class', cls);
    } else {
      setAttr(el, k, v);
    }
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Numbers and dates in the UI: Latin digits keep tables aligned and codes readable.
const nf = new Intl.NumberFormat('en-US');
export function num(n) {
  return n === null || n === undefined ? '—' : nf.format(n);
}
export function fixed(n, d = 1) {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : Number(n).toFixed(d);
}
export function dash(v) {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
