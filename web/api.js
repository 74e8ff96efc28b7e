// Thin client of the rasd HTTP API (docs/api.md). Every call answers parsed JSON or
// throws an ApiError whose message is the server's {"error": "..."} text.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

// Drops empty parameters so that URLs stay short and filters stay off.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    q.set(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

export function apiUrl(path, params) {
  return '/api/' + path + query(params);
}

export async function api(path, params) {
  let res;
  try {
    res = await fetch(apiUrl(path, params), { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('تعذّر الاتصال بالخادم · Cannot reach the server', 0);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const msg = body && typeof body.error === 'string' ? body.error : 'HTTP ' + res.status;
    throw new ApiError(msg, res.status);
  }
  if (body === null) throw new ApiError('Invalid JSON from /api/' + path, res.status);
  return body;
}

// Small cache for the data every page wants (stats, top pairs): one request per load.
const memo = new Map();
export function cached(path, params) {
  const key = apiUrl(path, params);
  if (!memo.has(key)) {
    const p = api(path, params);
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return memo.get(key);
}
