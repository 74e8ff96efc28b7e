#!/usr/bin/env node
// Browser test of the rasd dashboard (web/) against a real `rasd serve`.
//
//   RASD_BIN=build/rasd RASD_SOURCE=. RASD_SCREENSHOTS=build/screenshots \
//     node tests/browser/dashboard.test.mjs
//
// Environment:
//   RASD_BIN          the rasd binary (required unless RASD_MOCK=1)
//   RASD_SOURCE       the repository root (default: two levels above this file)
//   RASD_SCREENSHOTS  where to write the PNGs (default: ./screenshots)
//   RASD_CHROMIUM     the browser (default: /usr/bin/chromium, Debian's package)
//   RASD_WEB          the dashboard directory given to rasd serve (default: RASD_SOURCE/web)
//   RASD_MOCK=1       use tests/browser/mock-server.mjs instead of ingest + serve
//   RASD_KEEP_TMP=1   keep the temporary database directory
//
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium or no playwright-core).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.resolve(process.env.RASD_SOURCE || path.join(here, '..', '..'));
const SHOTS = path.resolve(process.env.RASD_SCREENSHOTS || 'screenshots');
const CHROMIUM = process.env.RASD_CHROMIUM || '/usr/bin/chromium';
const MOCK = process.env.RASD_MOCK === '1';
const BIN = process.env.RASD_BIN ? path.resolve(process.env.RASD_BIN) : '';
const SEARCH_WORD = 'غزة'; // in several of examples/articles/*.txt and articles.jsonl
const XSS_FIXTURE = path.join(SOURCE, 'tests', 'browser', 'fixtures');

function log(...a) {
  console.log(...a);
}

if (!fs.existsSync(CHROMIUM)) {
  log('SKIP: ' + CHROMIUM + ' is missing (apt-get install chromium, or run scripts/setup-web)');
  process.exit(SKIP);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  log('SKIP: playwright-core is not installed in tests/browser/node_modules (run scripts/setup-web): ' + e.message);
  process.exit(SKIP);
}
if (!MOCK && !(BIN && fs.existsSync(BIN))) {
  console.error('FAIL: RASD_BIN must name the rasd binary (got "' + (process.env.RASD_BIN || '') + '")');
  process.exit(1);
}

// ------------------------------------------------------------------ bookkeeping

const failures = [];
let server = null;
let browser = null;
let tmp = null;
let serverLog = '';

class Failure extends Error {}
function check(cond, msg) {
  if (!cond) throw new Failure(msg);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    log('PASS ' + name + ' (' + (Date.now() - t0) + ' ms)');
  } catch (e) {
    failures.push(name + ': ' + (e && e.message ? e.message : String(e)));
    log('FAIL ' + name + ': ' + (e instanceof Failure ? e.message : e && e.stack ? e.stack : String(e)));
  }
}

async function cleanup() {
  if (browser) {
    try {
      await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      /* ignore */
    }
    browser = null;
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    const done = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 3000))]);
    if (!done) server.kill('SIGKILL');
  }
  server = null;
  if (tmp && process.env.RASD_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(1);
  });
}

// ------------------------------------------------------------------ server

function startServer() {
  let cmd;
  let args;
  if (MOCK) {
    cmd = process.execPath;
    args = [path.join(here, 'mock-server.mjs'), '--port', '0', '--host', '127.0.0.1'];
    if (BIN) args.push('--rasd', BIN);
  } else {
    const db = path.join(tmp, 't.db');
    const inputs = ['examples/articles', 'examples/articles.jsonl', 'examples/html'].map((p) => path.join(SOURCE, p));
    inputs.push(XSS_FIXTURE);
    try {
      execFileSync(BIN, ['ingest', '-q', ...inputs, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180000 });
    } catch (e) {
      throw new Failure('rasd ingest failed (status ' + e.status + '): ' + String(e.stderr || e.message).slice(0, 2000));
    }
    check(fs.existsSync(db), 'rasd ingest did not create ' + db);
    cmd = BIN;
    args = ['serve', '--db', db, '--port', '0', '--host', '127.0.0.1'];
  }
  // Serve this checkout's web/ (rasd serve reads $RASD_WEB when --web is not given).
  const env = { ...process.env, RASD_WEB: process.env.RASD_WEB || path.join(SOURCE, 'web') };
  server = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  server.stdout.on('data', (d) => (serverLog += d));
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Failure('no "rasd: serving http://…" line on stderr within 10 s; output so far:\n' + serverLog + buf)), 10000);
    server.stderr.on('data', (d) => {
      buf += d;
      serverLog += d;
      const m = buf.match(/^rasd: serving (http:\/\/[^\s]+\/) \(read-only\)\s*$/m);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Failure(cmd + ' ' + args.join(' ') + ' exited (' + (code ?? sig) + ') before serving:\n' + serverLog));
    });
    server.once('error', (e) => {
      clearTimeout(timer);
      reject(new Failure('cannot start ' + cmd + ': ' + e.message));
    });
  });
}

// ------------------------------------------------------------------ test

async function main() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rasd-web-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  const base = await startServer();
  log('server: ' + base + (MOCK ? ' (mock)' : ''));
  const origin = new URL(base).origin;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    timeout: 30000,
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ar', deviceScaleFactor: 1 });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();

  // The dashboard must load nothing from outside the server, and must not throw.
  const offsite = [];
  const pageErrors = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/') || u.startsWith('data:')) return route.continue();
    offsite.push(u);
    return route.abort();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push('console: ' + m.text());
  });
  page.on('dialog', (d) => {
    pageErrors.push('unexpected dialog: ' + d.message());
    d.dismiss().catch(() => {});
  });

  const apiGet = async (p) => {
    const r = await page.request.get(base + p.replace(/^\//, ''));
    check(r.ok(), 'GET ' + p + ' answered ' + r.status() + ': ' + (await r.text()).slice(0, 300));
    return r.json();
  };
  const ready = () => page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  const nav = async (hash) => {
    await page.evaluate((h) => {
      document.body.dataset.ready = '0';
      if (window.location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange'));
      else window.location.hash = h;
    }, hash);
    await ready();
  };
  const clickNav = async (locator) => {
    await page.evaluate(() => (document.body.dataset.ready = '0'));
    await locator.click();
    await ready();
  };
  const count = (sel) => page.locator(sel).count();
  const noError = async () => {
    const n = await count('[data-testid="error"]');
    if (n) check(false, 'the page shows an error: ' + (await page.locator('[data-testid="error"]').first().innerText()));
  };
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true });

  await page.goto(base, { waitUntil: 'domcontentloaded' });
  await ready();

  await step('header and overview', async () => {
    const stats = await apiGet('/api/stats');
    await page.waitForSelector('[data-testid="stat-articles"]');
    const txt = await page.locator('[data-testid="stat-articles"]').innerText();
    check(txt.replace(/,/g, '').includes(String(stats.articles)), 'header shows "' + txt + '", /api/stats says ' + stats.articles + ' articles');
    check((await page.locator('html').getAttribute('dir')) === 'rtl', '<html dir> is not rtl');
    check((await count('#nav a')) >= 6, 'navigation has fewer than 6 links');
    await noError();
    await shot('overview.png');
  });

  let chosen = null; // {id, analysis}
  await step('search', async () => {
    await nav('#/search');
    await page.fill('#q', SEARCH_WORD);
    await clickNav(page.locator('[data-testid="search-submit"]'));
    await noError();
    const n = await count('[data-testid="result"]');
    check(n >= 2, 'searching ' + SEARCH_WORD + ' shows ' + n + ' results, want at least 2');
    const marks = await count('[data-testid="result"] mark');
    check(marks >= 1, 'no <mark> in the result snippets');
    const mt = await page.locator('[data-testid="result"] mark').first().innerText();
    check(mt.includes('غزة') || mt.includes('غزه'), 'first <mark> is "' + mt + '", expected the search word');
    check(page.url().includes('#/search?q='), 'the URL does not carry the query: ' + page.url());
    await shot('search.png');
    // Pick the listed article with the most events for the reading view.
    const res = await apiGet('/api/search?q=' + encodeURIComponent(SEARCH_WORD) + '&limit=20');
    for (const r of res.results) {
      const art = await apiGet('/api/articles/' + r.id);
      const evs = (art.analysis.events || []).length;
      if (!chosen || evs > chosen.analysis.events.length) chosen = art;
    }
    check(chosen && chosen.analysis.events.length > 0, 'no search result has events');
  });

  await step('article view', async () => {
    check(chosen, 'no article chosen by the search step');
    const link = page.locator('[data-testid="result"][data-id="' + chosen.id + '"] [data-testid="result-link"]');
    check((await link.count()) === 1, 'result for article ' + chosen.id + ' not on the page');
    await clickNav(link);
    await noError();
    check(page.url().includes('#/article/' + chosen.id), 'clicking the result did not open #/article/' + chosen.id);
    const an = chosen.analysis;
    const title = await page.locator('#article-title').innerText();
    check(title.trim() === (chosen.title || an.title || '').trim() || title.trim().length > 0, 'empty article title');
    const ents = await count('#article-text [data-testid="entity"]');
    const trigs = await count('#article-text [data-testid="event-trigger"]');
    check(ents === an.entities.length, 'highlighted entities: ' + ents + ', analysis has ' + an.entities.length);
    check(trigs === an.events.length, 'highlighted event triggers: ' + trigs + ', analysis has ' + an.events.length);
    check(ents > 0 && trigs > 0, 'no entities or no triggers highlighted');
    const shown = await page.locator('#article-text').evaluate((el) => el.textContent);
    check(shown === an.text.replace(/\n/g, ''), 'the highlighted text differs from analysis.text (lost or repeated characters)');
    const tip = await page.locator('#article-text [data-testid="event-trigger"]').first().getAttribute('title');
    check(/CAMEO \d+/.test(tip || '') && tip.includes('→'), 'trigger tooltip lacks CAMEO or source → target: ' + tip);
    const etip = await page.locator('#article-text [data-testid="entity"]').first().getAttribute('title');
    check((etip || '').length > 3, 'entity has no tooltip');
    check((await count('[data-testid="article-event-row"]')) === an.events.length, 'side table rows differ from the events');
    check((await count('[data-testid="actor-item"]')) > 0, 'no actors listed in the side panel');
    // Removed chrome.
    check(!(await page.locator('#removed').isVisible()), 'removed lines are visible before the toggle');
    await page.click('#toggle-removed');
    check(await page.locator('#removed').isVisible(), 'removed lines did not appear after the toggle');
    check((await count('[data-testid="removed-line"]')) === an.removed.length, 'removed lines listed: ' + (await count('[data-testid="removed-line"]')) + ', analysis has ' + an.removed.length);
    await shot('article.png');
    await page.click('#toggle-removed');
    check(!(await page.locator('#removed').isVisible()), 'second toggle did not hide the removed lines');
  });

  await step('events page', async () => {
    await nav('#/events');
    await noError();
    const all = await apiGet('/api/events?limit=1000');
    const total0 = Number(await page.locator('[data-testid="events-total"]').getAttribute('data-total'));
    check(total0 === all.total, 'events page total ' + total0 + ' vs API ' + all.total);
    const rows0 = await count('[data-testid="event-row"]');
    check(rows0 === Math.min(50, all.total) && rows0 > 0, 'events rows ' + rows0 + ', API total ' + all.total);
    check((await count('[data-testid="reports"]')) === rows0, 'reports column missing');
    // Filter by the most common type that does not cover every event.
    const types = new Map();
    for (const e of all.events) types.set(e.plover, (types.get(e.plover) || 0) + 1);
    const pick = [...types.entries()].sort((a, b) => b[1] - a[1]).find(([, n]) => n < all.total);
    check(pick, 'all events have one type; cannot test the filter');
    const [type] = pick;
    const want = await apiGet('/api/events?type=' + encodeURIComponent(type) + '&limit=1000');
    await page.fill('#f-type', type);
    await clickNav(page.locator('[data-testid="events-submit"]'));
    await noError();
    const rows1 = await count('[data-testid="event-row"]');
    check(rows1 === Math.min(50, want.total), 'after type=' + type + ': ' + rows1 + ' rows, API says ' + want.total);
    check(rows1 !== rows0, 'filter type=' + type + ' did not change the row count (' + rows0 + ')');
    check(page.url().includes('type=' + type), 'filter not in the URL: ' + page.url());
    const csvHref = await page.locator('#csv-link').getAttribute('href');
    check(csvHref.includes('format=csv') && csvHref.includes('type=' + type), 'CSV link lacks the filters: ' + csvHref);
    const csv = await page.request.get(new URL(csvHref, base).href);
    check(csv.ok(), 'CSV export answered ' + csv.status());
    const csvText = await csv.text();
    const lines = csvText.split(/\r?\n/).filter((l) => l !== '');
    check(lines.length >= 2 && /(^|,)cameo(,|$)/.test(lines[0]), 'CSV has no header line with "cameo": ' + lines[0]);
    await shot('events.png');
    // Actor filter through the URL.
    const actorCode = all.events.find((e) => e.source_code)?.source_code;
    if (actorCode) {
      await nav('#/events?actor=' + encodeURIComponent(actorCode));
      const n = await count('[data-testid="event-row"]');
      check(n > 0, 'actor=' + actorCode + ' shows no events');
    }
  });

  await step('timeline', async () => {
    const top = await apiGet('/api/dyads');
    check(Array.isArray(top.pairs) && top.pairs.length > 0, '/api/dyads gives no pairs');
    const pair = top.pairs[0];
    const dy = await apiGet('/api/dyads?source=' + encodeURIComponent(pair.source) + '&target=' + encodeURIComponent(pair.target) + '&period=month');
    await nav('#/timeline?source=' + encodeURIComponent(pair.source) + '&target=' + encodeURIComponent(pair.target) + '&period=month');
    await noError();
    check((await count('[data-testid="timeline-svg"]')) === 1, 'no timeline chart');
    const bars = (await count('[data-testid="bar-coop"]')) + (await count('[data-testid="bar-conflict"]'));
    const wantBars = dy.series.reduce((n, x) => n + (x.cooperation > 0 ? 1 : 0) + (x.conflict > 0 ? 1 : 0), 0);
    check(bars === wantBars, 'bars drawn ' + bars + ', series needs ' + wantBars);
    check(bars > 0, 'the top pair ' + pair.source + '→' + pair.target + ' draws no bars');
    check((await count('[data-testid="timeline-row"]')) === dy.series.length, 'timeline table rows differ from the series');
    check((await count('[data-testid="pair-chip"]')) > 0, 'no top-pair suggestions');
    await shot('timeline.png');
  });

  await step('network', async () => {
    const act = await apiGet('/api/actors?limit=40');
    await nav('#/network');
    await noError();
    const nodes = await count('[data-testid="network-node"]');
    const links = await count('[data-testid="network-link"]');
    check(nodes >= act.actors.length && nodes > 0, 'network nodes ' + nodes + ', API actors ' + act.actors.length);
    check(links === act.links.length, 'network links ' + links + ', API links ' + act.links.length);
    await shot('network.png');
    if (links > 0) {
      const l = page.locator('[data-testid="network-link"]').first();
      const src = await l.getAttribute('data-source');
      const tgt = await l.getAttribute('data-target');
      await page.evaluate(() => (document.body.dataset.ready = '0'));
      await l.dispatchEvent('click');
      await ready();
      check(page.url().includes('#/timeline?source=' + encodeURIComponent(src)) && page.url().includes('target=' + encodeURIComponent(tgt)), 'clicking a link did not open the pair timeline: ' + page.url());
    }
  });

  await step('stories', async () => {
    const st = await apiGet('/api/stories');
    await nav('#/stories');
    await noError();
    const n = await count('[data-testid="story"]');
    check(n === Math.min(50, st.stories.length) && n > 0, 'stories shown ' + n + ', API ' + st.stories.length);
    await shot('stories.png');
    await clickNav(page.locator('[data-testid="story"] a.story-title').first());
    await noError();
    check((await count('[data-testid="story-member"]')) > 0, 'story page lists no members');
  });

  await step('untrusted text is shown, not run (XSS)', async () => {
    const res = await apiGet('/api/search?q=' + encodeURIComponent('الواحة') + '&limit=50');
    const hit = res.results.find((r) => /xss/.test(r.doc_id || ''));
    check(hit, 'the XSS fixture article is not found by /api/search?q=الواحة (doc_ids: ' + res.results.map((r) => r.doc_id).join(', ') + ')');
    // Its search result first (the snippet may hold the tags), then the article.
    await nav('#/search?q=' + encodeURIComponent('الواحة'));
    check((await count('#view script, #view img')) === 0, 'search results created script/img elements');
    await nav('#/article/' + hit.id);
    await noError();
    const xss = await page.evaluate(() => window.__xss);
    check(xss === undefined, 'window.__xss is ' + xss + ': article text was run as HTML');
    const visible = await page.locator('#article-text').innerText();
    check(visible.includes('<script>window.__xss=1</script>'), 'the literal <script> tag is not visible in the article text');
    check(visible.includes('<img src=x onerror='), 'the literal <img> tag is not visible in the article text');
    check((await count('#view script, #view img, #view iframe')) === 0, 'article data created script/img elements');
    await shot('xss.png');
    const xss2 = await page.evaluate(() => window.__xss);
    check(xss2 === undefined, 'window.__xss set after rendering');
  });

  await step('no offsite requests, no page errors', async () => {
    check(offsite.length === 0, 'requests outside the server: ' + offsite.slice(0, 5).join(', '));
    const errs = pageErrors.filter((e) => !/Failed to load resource.*404/.test(e));
    check(errs.length === 0, 'page errors: ' + errs.slice(0, 5).join(' | '));
  });
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  failures.push(e && e.message ? e.message : String(e));
  log('FAIL setup: ' + (e instanceof Failure ? e.message : e && e.stack ? e.stack : String(e)));
} finally {
  await cleanup();
}
if (failures.length) {
  console.error('\n' + failures.length + ' failure(s):\n- ' + failures.join('\n- '));
  exitCode = 1;
} else {
  log('\nall browser checks passed; screenshots in ' + SHOTS);
}
process.exit(exitCode);
