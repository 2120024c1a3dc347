#!/usr/bin/env node
/**
 * Records what a running Kuma control plane (Universal mode) answers to the project's test
 * inputs, for comparison with meshgw's own admission rules. It only talks HTTP to a kuma-cp
 * that you started yourself; it never builds or starts one.
 *
 *   node scripts/record-kuma.mjs --cp http://127.0.0.1:5681 --out test/fixtures/kuma/admission/2.14.3.json
 *   node scripts/record-kuma.mjs --cp http://127.0.0.1:5681 --read-api test/fixtures/kuma/read-api/2.14.3.json
 *
 * Both `--out` and `--read-api` may be given at once (admission first). Options:
 *   --cp URL        base URL of the control plane API (default http://127.0.0.1:5681)
 *   --out FILE      admission recording: PUT every Universal document of
 *                   test/fixtures/rules/<case>/input.yaml and every .yaml under examples/, record the answers
 *   --read-api FILE read-API recording: the GETs the kuma-client package makes, against a small
 *                   data set that this script creates and removes again
 *   --only SUBSTR   admission: only files whose path contains SUBSTR (for debugging)
 *
 * Localhost callers are admin by default in Kuma, so no token is sent, except the non-admin user
 * token the read-API mode generates (POST /tokens/user) to record a 403. Tokens and PEM private
 * keys never reach the output: Secret `data` is replaced by "<redacted:N bytes>", anything that
 * looks like a JWT or a private key by a placeholder.
 *
 * YAML is read as YAML 1.2 (core schema, the `yaml` package's default, as meshgw reads it) and
 * sent as JSON as written: numbers keep their source text when it is a valid JSON number (so
 * `1.0` and 20-digit integers reach Kuma unchanged); hex/octal become their value; `.inf`/`.nan`
 * and non-scalar keys cannot be written as JSON and the document is skipped with that reason.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { cp: 'http://127.0.0.1:5681', out: null, readApi: null, only: null };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      i += 1;
      return argv[i];
    };
    if (a === '--cp') args.cp = next();
    else if (a === '--out') args.out = next();
    else if (a === '--read-api') args.readApi = next();
    else if (a === '--only') args.only = next();
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/record-kuma.mjs --cp URL [--out FILE] [--read-api FILE] [--only SUBSTR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.out === null && args.readApi === null) throw new Error('give --out FILE and/or --read-api FILE');
  args.cp = args.cp.replace(/\/+$/, '');
  return args;
}

// ---------------------------------------------------------------------------------------------
// Redaction

const PEM_PRIVATE = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(-----END \1-----|$)/g;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;

function scrubString(text, secrets) {
  let out = text.replace(PEM_PRIVATE, (_m, kind) => `<redacted:${kind}>`).replace(JWT, '<redacted:token>');
  for (const s of secrets) if (s !== '' && out.includes(s)) out = out.split(s).join('<redacted:token>');
  // A private key may also travel base64-encoded (Secret data, inline datasources).
  out = out.replace(/[A-Za-z0-9+/]{40,}={0,2}/g, (b64) => {
    try {
      const decoded = Buffer.from(b64, 'base64').toString('utf8');
      if (/PRIVATE KEY/.test(decoded)) return `<redacted:base64 private key, ${decoded.length} bytes>`;
    } catch {
      // not base64
    }
    return b64;
  });
  return out;
}

/** Deep copy with every string scrubbed and Secret/GlobalSecret `data` replaced by its size. */
function scrub(value, secrets, parentIsSecret = false) {
  if (typeof value === 'string') return scrubString(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (value !== null && typeof value === 'object') {
    const isSecret = value.type === 'Secret' || value.type === 'GlobalSecret' || parentIsSecret;
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (isSecret && k === 'data' && typeof v === 'string') {
        out[k] = `<redacted:${Buffer.from(v, 'base64').length} bytes>`;
      } else if (/^(token|adminToken|password|privateKey|key)$/i.test(k) && typeof v === 'string' && v !== '') {
        out[k] = `<redacted:${v.length} chars>`;
      } else {
        out[k] = scrub(v, secrets);
      }
    }
    return out;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// HTTP

/**
 * One HTTP request. `remote: true` makes it look like a call from another machine, so that
 * Kuma's "localhost is admin" rule does not apply and the token decides: the connection is made
 * from the loopback source address 127.0.0.2 (2.0 to 2.13 check the client address for
 * 127.0.0.1 or ::1) and carries `X-Forwarded-For` (2.14 treats proxied requests as remote).
 * The destination is still the control plane URL.
 */
function request(cp, method, path, { body, token, rawBody, remote = false, accept = 'application/json' } = {}) {
  const url = new URL(cp + path);
  const payload = rawBody ?? (body !== undefined ? JSON.stringify(body) : undefined);
  const headers = { 'User-Agent': 'meshgw-record-kuma' };
  if (accept !== null) headers.Accept = accept;
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  if (remote) headers['X-Forwarded-For'] = '192.0.2.10';
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = lib.request(
      url,
      { method, headers, timeout: 30_000, ...(remote ? { localAddress: '127.0.0.2' } : {}) },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? null, text, json });
        });
        res.on('error', (error) => resolve({ status: 0, contentType: null, text: `response failed: ${error.code ?? error.message}`, json: undefined }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, contentType: null, text: `request failed: ${error.code ?? error.message}`, json: undefined }));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

const bodyOf = (r) => (r.json !== undefined ? r.json : r.text);

/**
 * An admission answer with `invalid_parameters` and `causes` sorted by field, then message:
 * Kuma's order of schema (OpenAPI) violations changes from run to run, and its Go validators'
 * order is not part of the API either. Everything else stays as answered.
 */
function admissionBody(r) {
  const body = bodyOf(r);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...body };
  const key = (v) => `${v?.field ?? ''}\u0000${v?.reason ?? v?.message ?? ''}`;
  for (const k of ['invalid_parameters', 'causes']) {
    if (Array.isArray(out[k])) out[k] = [...out[k]].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}
const okStatus = (s) => s >= 200 && s < 300;

// ---------------------------------------------------------------------------------------------
// Resource types

/**
 * Collections of the types the fixtures use, for control planes without `GET /_resources`
 * (before 2.6). Taken from `pkg/core/resources/apis/*` (WsPath, scope). Each is checked with a
 * GET of the list before use: a type the server does not serve is skipped.
 */
const FALLBACK_TYPES = {
  Mesh: { path: 'meshes', scope: 'Global' },
  Dataplane: { path: 'dataplanes', scope: 'Mesh' },
  MeshGateway: { path: 'meshgateways', scope: 'Mesh' },
  MeshGatewayRoute: { path: 'meshgatewayroutes', scope: 'Mesh' },
  Secret: { path: 'secrets', scope: 'Mesh' },
  GlobalSecret: { path: 'global-secrets', scope: 'Global' },
  MeshHTTPRoute: { path: 'meshhttproutes', scope: 'Mesh' },
  MeshTCPRoute: { path: 'meshtcproutes', scope: 'Mesh' },
  ExternalService: { path: 'external-services', scope: 'Mesh' },
  TrafficPermission: { path: 'traffic-permissions', scope: 'Mesh' },
  TrafficRoute: { path: 'traffic-routes', scope: 'Mesh' },
  Zone: { path: 'zones', scope: 'Global' },
};

async function resourceTypes(cp) {
  const r = await request(cp, 'GET', '/_resources');
  if (r.status === 200 && r.json && Array.isArray(r.json.resources)) {
    const types = {};
    for (const t of r.json.resources) {
      types[t.name] = { path: t.path, scope: t.scope === 'Global' ? 'Global' : 'Mesh', readOnly: t.readOnly === true };
    }
    // `/_resources` names it `globalsecrets`; `/global-secrets` is the path every 2.x serves and kumactl uses.
    if (types.GlobalSecret !== undefined) types.GlobalSecret.path = 'global-secrets';
    return { source: 'GET /_resources', types };
  }
  const types = {};
  for (const [name, t] of Object.entries(FALLBACK_TYPES)) {
    const probe = t.scope === 'Global' ? `/${t.path}` : `/meshes/default/${t.path}`;
    const p = await request(cp, 'GET', `${probe}?size=1`);
    if (p.status === 200) types[name] = t;
  }
  return { source: `built-in table (GET /_resources answered ${r.status}), each type probed with a GET of its list`, types };
}

// ---------------------------------------------------------------------------------------------
// YAML to JSON, as written

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

class NotJson extends Error {}

function nodeToJson(node, doc, depth, budget) {
  if (depth > 200) throw new NotJson('nesting deeper than 200 levels');
  if (budget.left-- <= 0) throw new NotJson('more than 200000 nodes (alias expansion?)');
  if (node === null || node === undefined) return 'null';
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) throw new NotJson(`unresolved alias *${node.source}`);
    return nodeToJson(target, doc, depth + 1, budget);
  }
  if (isMap(node)) {
    const parts = [];
    for (const pair of node.items) {
      let key = pair.key;
      if (isAlias(key)) key = key.resolve(doc);
      let keyText;
      if (key === null || key === undefined) keyText = '';
      else if (isScalar(key)) {
        const v = key.value;
        if (v === null) keyText = key.source ?? '';
        else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') keyText = key.source ?? String(v);
        else if (typeof v === 'string') keyText = v;
        else throw new NotJson(`a map key of type ${typeof v}`);
      } else throw new NotJson('a map key that is itself a map or a list');
      parts.push(`${JSON.stringify(keyText)}:${nodeToJson(pair.value, doc, depth + 1, budget)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (isSeq(node)) return `[${node.items.map((item) => nodeToJson(item, doc, depth + 1, budget)).join(',')}]`;
  if (isPair(node)) throw new NotJson('a bare pair');
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'bigint') {
      const src = typeof node.source === 'string' ? node.source.trim() : '';
      if (JSON_NUMBER.test(src)) return src;
      if (typeof v === 'bigint') return v.toString();
      if (!Number.isFinite(v)) throw new NotJson(`the number ${src || v} (JSON has no infinity or NaN)`);
      return JSON.stringify(v);
    }
    throw new NotJson(`a scalar of type ${typeof v}${node.tag ? ` (${node.tag})` : ''}`);
  }
  throw new NotJson('an unknown YAML node');
}

function listFiles() {
  const files = [];
  const rules = join(ROOT, 'test', 'fixtures', 'rules');
  for (const dir of readdirSync(rules).sort()) {
    const f = join(rules, dir, 'input.yaml');
    try {
      if (statSync(f).isFile()) files.push(f);
    } catch {
      // no input.yaml
    }
  }
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.yaml')) files.push(p);
    }
  };
  walk(join(ROOT, 'examples'));
  return files.map((f) => relative(ROOT, f).split(sep).join('/')).sort();
}

/** The documents of a file: `{ index, doc }` for Universal ones, `{ index, reason }` otherwise. */
function readDocuments(file) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const parsed = parseAllDocuments(text, { keepSourceTokens: false });
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const out = [];
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      out.push({ index, reason: `not valid YAML: ${doc.errors[0].message.split('\n')[0]}` });
      return;
    }
    if (doc.contents === null) {
      out.push({ index, reason: 'empty document' });
      return;
    }
    let js;
    try {
      js = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      out.push({ index, reason: `not valid YAML: ${error.message.split('\n')[0]}` });
      return;
    }
    if (js === null || typeof js !== 'object' || Array.isArray(js)) {
      out.push({ index, reason: `not a mapping (${Array.isArray(js) ? 'a list' : typeof js})` });
      return;
    }
    // Kubernetes Secrets have a top-level `type` too (`system.kuma.io/secret`): apiVersion/kind decide.
    if ('apiVersion' in js || 'kind' in js) {
      out.push({ index, reason: 'kubernetes form' });
      return;
    }
    if (!('type' in js)) {
      out.push({ index, reason: 'no top-level type, apiVersion or kind' });
      return;
    }
    let json;
    try {
      json = nodeToJson(doc.contents, doc, 0, { left: 200_000 });
    } catch (error) {
      if (!(error instanceof NotJson)) throw error;
      out.push({ index, type: js.type, reason: `cannot be written as JSON: ${error.message}` });
      return;
    }
    out.push({ index, doc: js, json });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Admission recording

const str = (v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);

async function recordAdmission(args, index) {
  const { source: typesSource, types } = await resourceTypes(args.cp);
  const defaultBefore = await request(args.cp, 'GET', '/meshes/default');
  const defaultMesh = defaultBefore.status === 200 ? defaultBefore.json : null;
  const cases = [];
  let files = listFiles();
  if (args.only !== null) files = files.filter((f) => f.includes(args.only));
  for (const file of files) {
    const documents = [];
    const skipped = [];
    const setup = [];
    const cleanupFailures = [];
    const planned = [];
    for (const entry of readDocuments(file)) {
      if (entry.reason !== undefined) {
        skipped.push({ index: entry.index, ...(entry.type !== undefined ? { type: entry.type } : {}), reason: entry.reason });
        continue;
      }
      const { doc } = entry;
      const type = str(doc.type);
      const t = type !== null ? types[type] : undefined;
      if (t === undefined) {
        skipped.push({ index: entry.index, type: doc.type, reason: `type ${JSON.stringify(doc.type)} is not a resource type of this control plane` });
        continue;
      }
      const name = str(doc.name);
      if (name === null || name === '') {
        skipped.push({ index: entry.index, type, reason: 'no name to put in the URL path' });
        continue;
      }
      let mesh = null;
      let path;
      if (type === 'Mesh') path = `/meshes/${encodeURIComponent(name)}`;
      else if (t.scope === 'Global') path = `/${t.path}/${encodeURIComponent(name)}`;
      else {
        mesh = doc.mesh === undefined || doc.mesh === null ? 'default' : str(doc.mesh);
        if (mesh === null || mesh === '') {
          skipped.push({ index: entry.index, type, reason: 'mesh is not a usable string for the URL path' });
          continue;
        }
        path = `/meshes/${encodeURIComponent(mesh)}/${t.path}/${encodeURIComponent(name)}`;
      }
      planned.push({ index: entry.index, type, mesh, name, path, json: entry.json });
    }

    // Meshes: the case's own Mesh documents first, then a bare Mesh for every other mesh used.
    const createdMeshes = [];
    const meshDocs = planned.filter((p) => p.type === 'Mesh');
    const others = planned.filter((p) => p.type !== 'Mesh');
    const needed = [...new Set(others.map((p) => p.mesh).filter((m) => m !== null))];
    const order = [...meshDocs, ...others];
    const putOk = [];
    let touchedDefault = false;
    for (const m of needed) {
      if (meshDocs.some((p) => p.name === m)) continue;
      const existing = await request(args.cp, 'GET', `/meshes/${encodeURIComponent(m)}`);
      if (existing.status === 200) continue;
      const r = await request(args.cp, 'PUT', `/meshes/${encodeURIComponent(m)}`, { body: { type: 'Mesh', name: m } });
      setup.push({ mesh: m, method: 'PUT', path: `/meshes/${encodeURIComponent(m)}`, status: r.status, body: scrub(admissionBody(r), []) });
      if (okStatus(r.status)) createdMeshes.push(m);
    }
    for (const p of order) {
      const r = await request(args.cp, 'PUT', p.path, { rawBody: p.json });
      documents.push({ index: p.index, type: p.type, mesh: p.mesh, name: p.name, method: 'PUT', path: p.path, status: r.status, body: scrub(admissionBody(r), []) });
      if (okStatus(r.status)) {
        if (p.type === 'Mesh' && p.name === 'default' && defaultMesh !== null) touchedDefault = true;
        else if (!putOk.some((q) => q.path === p.path)) putOk.push(p);
      }
    }
    documents.sort((a, b) => a.index - b.index);

    // Cleanup: documents in reverse order, then the meshes this case created.
    const meshPaths = new Set(putOk.filter((p) => p.type === 'Mesh').map((p) => p.path));
    for (const p of [...putOk].reverse()) {
      if (p.type === 'Mesh') continue;
      const r = await request(args.cp, 'DELETE', p.path);
      if (!okStatus(r.status)) cleanupFailures.push({ method: 'DELETE', path: p.path, status: r.status, body: scrub(bodyOf(r), []) });
    }
    const meshesToDelete = [...new Set([...[...meshPaths], ...createdMeshes.map((m) => `/meshes/${encodeURIComponent(m)}`)])];
    for (const path of meshesToDelete.reverse()) {
      const r = await request(args.cp, 'DELETE', path);
      if (!okStatus(r.status)) cleanupFailures.push({ method: 'DELETE', path, status: r.status, body: scrub(bodyOf(r), []) });
    }
    if (touchedDefault) {
      const restore = { ...defaultMesh };
      for (const k of ['creationTime', 'modificationTime', 'kri']) delete restore[k];
      const r = await request(args.cp, 'DELETE', '/meshes/default');
      const r2 = await request(args.cp, 'PUT', '/meshes/default', { body: restore });
      if (!okStatus(r.status) || !okStatus(r2.status)) {
        cleanupFailures.push({ method: 'DELETE+PUT', path: '/meshes/default', status: r2.status, body: scrub(bodyOf(r2), []) });
      }
    }

    const entry = { file, documents, skipped };
    if (setup.length > 0) entry.meshSetup = setup;
    if (cleanupFailures.length > 0) entry.cleanupFailures = cleanupFailures;
    cases.push(entry);
    process.stderr.write(`${file}: ${documents.map((d) => d.status).join(' ')}${skipped.length ? ` (${skipped.length} skipped)` : ''}\n`);
  }
  return {
    kumaVersion: index.json?.version ?? null,
    product: index.json?.product ?? index.json?.tagline ?? null,
    recordedAt: new Date().toISOString(),
    mode: 'universal, memory store',
    controlPlane: args.cp,
    resourceTypesFrom: typesSource,
    note: 'invalid_parameters and causes are sorted by field, then message (Kuma does not fix their order)',
    cases,
  };
}

// ---------------------------------------------------------------------------------------------
// Read-API recording

function pem(name) {
  return readFileSync(join(ROOT, 'examples', 'certs', name), 'utf8');
}

async function recordReadApi(args, index) {
  const cp = args.cp;
  const secrets = [];
  const calls = [];
  const setupLog = [];
  const created = [];
  const { types } = await resourceTypes(cp);
  const pathOf = (type, fallback) => types[type]?.path ?? fallback;
  const gwPath = pathOf('MeshGateway', 'meshgateways');
  const gwrPath = pathOf('MeshGatewayRoute', 'meshgatewayroutes');

  async function put(path, body) {
    const r = await request(cp, 'PUT', path, { body });
    setupLog.push({ method: 'PUT', path, status: r.status, ...(okStatus(r.status) ? {} : { body: scrub(bodyOf(r), secrets) }) });
    if (okStatus(r.status)) created.push(path);
    return r;
  }

  async function get(label, path, { token, query, auth, accept = 'application/json' } = {}) {
    const full = query ? `${path}?${new URLSearchParams(query).toString()}` : path;
    const remote = auth !== undefined;
    const r = await request(cp, 'GET', full, { token, remote, accept });
    calls.push({
      label,
      method: 'GET',
      path: full,
      accept: accept ?? '(no Accept header)',
      auth: auth ?? 'none (localhost is admin)',
      status: r.status,
      contentType: r.contentType,
      body: scrub(bodyOf(r), secrets),
    });
    return r;
  }

  /** GET a list with `size`, then follow `next` (its offset, on our base URL) to the end. */
  async function paged(label, path, size, extraQuery = {}) {
    let query = { ...extraQuery, size: String(size) };
    for (let page = 1; page <= 20; page += 1) {
      const r = await get(`${label} (size=${size}, page ${page})`, path, { query });
      const next = r.json?.next;
      if (typeof next !== 'string' || next === '') return;
      const offset = new URL(next, cp).searchParams.get('offset');
      if (offset === null) return;
      query = { ...extraQuery, size: String(size), offset };
    }
  }

  // Data set: meshes default (exists), payments, other; gateways, routes, builtin proxies, secrets.
  const certBundle = pem('secure.example.com-rsa.crt') + pem('secure.example.com-rsa.key');
  const ecBundle = pem('secure.example.com-ecdsa.crt') + pem('secure.example.com-ecdsa.key');
  const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
  await put('/meshes/payments', { type: 'Mesh', name: 'payments' });
  await put('/meshes/other', { type: 'Mesh', name: 'other' });
  await put('/meshes/default/secrets/edge-cert', { type: 'Secret', mesh: 'default', name: 'edge-cert', data: b64(certBundle) });
  await put('/meshes/default/secrets/edge-cert-ecdsa', { type: 'Secret', mesh: 'default', name: 'edge-cert-ecdsa', data: b64(ecBundle) });
  await put('/meshes/default/secrets/plain-text', { type: 'Secret', mesh: 'default', name: 'plain-text', data: b64('just some text\n') });
  await put('/global-secrets/shared-ca', { type: 'GlobalSecret', name: 'shared-ca', data: b64(pem('ca.crt')) });
  await put(`/meshes/default/${gwPath}/edge`, {
    type: 'MeshGateway',
    mesh: 'default',
    name: 'edge',
    selectors: [{ match: { 'kuma.io/service': 'edge' } }],
    conf: {
      listeners: [
        { hostname: 'one.example.com', port: 443, protocol: 'HTTPS', tags: { hostname: 'one' }, tls: { mode: 'TERMINATE', certificates: [{ secret: 'edge-cert' }, { secret: 'edge-cert-ecdsa' }] } },
        { port: 80, protocol: 'HTTP' },
      ],
    },
  });
  await put(`/meshes/default/${gwPath}/internal`, {
    type: 'MeshGateway',
    mesh: 'default',
    name: 'internal',
    selectors: [{ match: { 'kuma.io/service': 'internal' } }],
    conf: { listeners: [{ port: 8080, protocol: 'TCP' }] },
  });
  await put(`/meshes/default/${gwPath}/third`, {
    type: 'MeshGateway',
    mesh: 'default',
    name: 'third',
    selectors: [{ match: { 'kuma.io/service': 'third' } }],
    conf: { listeners: [{ port: 9090, protocol: 'HTTP', hostname: '*.example.org' }] },
  });
  await put(`/meshes/default/${gwrPath}/edge-legacy`, {
    type: 'MeshGatewayRoute',
    mesh: 'default',
    name: 'edge-legacy',
    selectors: [{ match: { 'kuma.io/service': 'edge' } }],
    conf: { http: { rules: [{ matches: [{ path: { match: 'PREFIX', value: '/' } }], backends: [{ destination: { 'kuma.io/service': 'web' } }] }] } },
  });
  if (types.MeshHTTPRoute) {
    await put(`/meshes/default/${types.MeshHTTPRoute.path}/edge-http`, {
      type: 'MeshHTTPRoute',
      mesh: 'default',
      name: 'edge-http',
      spec: {
        targetRef: { kind: 'MeshGateway', name: 'edge' },
        to: [{ targetRef: { kind: 'Mesh' }, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], default: { backendRefs: [{ kind: 'MeshService', name: 'api' }] } }] }],
      },
    });
  }
  if (types.MeshTCPRoute) {
    await put(`/meshes/default/${types.MeshTCPRoute.path}/internal-tcp`, {
      type: 'MeshTCPRoute',
      mesh: 'default',
      name: 'internal-tcp',
      spec: { targetRef: { kind: 'MeshGateway', name: 'internal' }, to: [{ targetRef: { kind: 'Mesh' }, rules: [{ default: { backendRefs: [{ kind: 'MeshService', name: 'db' }] } }] }] },
    });
  }
  for (const [name, address, service] of [
    ['edge-1', '10.0.0.11', 'edge'],
    ['edge-2', '10.0.0.12', 'edge'],
    ['internal-1', '10.0.1.11', 'internal'],
  ]) {
    await put(`/meshes/default/dataplanes/${name}`, {
      type: 'Dataplane',
      mesh: 'default',
      name,
      networking: { address, gateway: { type: 'BUILTIN', tags: { 'kuma.io/service': service } } },
    });
  }
  await put('/meshes/default/dataplanes/kong-1', {
    type: 'Dataplane',
    mesh: 'default',
    name: 'kong-1',
    networking: { address: '10.0.2.11', gateway: { tags: { 'kuma.io/service': 'kong' } } },
  });
  await put('/meshes/default/dataplanes/web-1', {
    type: 'Dataplane',
    mesh: 'default',
    name: 'web-1',
    networking: { address: '10.0.3.11', inbound: [{ port: 8080, tags: { 'kuma.io/service': 'web', 'kuma.io/protocol': 'http' } }] },
  });

  // Non-admin user token (never saved).
  let userToken = null;
  const tokenRequest = { name: 'alice', groups: ['users'], validFor: '24h' };
  const t = await request(cp, 'POST', '/tokens/user', { body: tokenRequest });
  setupLog.push({ method: 'POST', path: '/tokens/user', request: tokenRequest, status: t.status, contentType: t.contentType, body: t.status === 200 ? `<redacted:token, ${t.text.length} chars>` : scrub(bodyOf(t), secrets) });
  if (t.status === 200 && t.text !== '') {
    userToken = t.text.trim();
    secrets.push(userToken);
  }

  // The bootstrap admin token, if this version stores one (never saved).
  let adminToken = null;
  const a = await request(cp, 'GET', '/global-secrets/admin-user-token');
  if (a.status === 200 && typeof a.json?.data === 'string') {
    adminToken = Buffer.from(a.json.data, 'base64').toString('utf8').trim();
    secrets.push(adminToken);
  }
  setupLog.push({ method: 'GET', path: '/global-secrets/admin-user-token', status: a.status, note: 'read to call as admin from a non-localhost caller; data not saved' });

  // The reads: what packages/kuma-client calls, in the order a snapshot does them.
  await get('index', '/');
  await get('config', '/config');
  await get('config, Accept */*', '/config', { accept: '*/*' });
  await get('config, no Accept header', '/config', { accept: null });
  await get('index, no Accept header', '/', { accept: null });
  await get('resource types (2.6+)', '/_resources');
  await get('meshes (client page size)', '/meshes', { query: { size: '1000' } });
  await paged('meshes', '/meshes', 2);
  await get('mesh gateways', `/meshes/default/meshgateways`, { query: { size: '1000' } });
  await paged('mesh gateways', '/meshes/default/meshgateways', 2);
  await get('mesh gateway routes (client path)', '/meshes/default/meshgatewayroutes', { query: { size: '1000' } });
  await get('mesh gateway routes (hyphenated path)', '/meshes/default/meshgateway-routes', { query: { size: '1000' } });
  await get('MeshHTTPRoutes', '/meshes/default/meshhttproutes', { query: { size: '1000' } });
  await get('MeshTCPRoutes', '/meshes/default/meshtcproutes', { query: { size: '1000' } });
  await get('dataplanes', '/meshes/default/dataplanes', { query: { size: '1000' } });
  await paged('dataplanes', '/meshes/default/dataplanes', 2);
  await get('dataplanes with insights', '/meshes/default/dataplanes+insights', { query: { size: '1000' } });
  await get('builtin gateway dataplanes (2.1+)', '/meshes/default/dataplanes+insights', { query: { gateway: 'builtin', size: '1000' } });
  await get('gateway dataplanes (2.0 fallback)', '/meshes/default/dataplanes+insights', { query: { gateway: 'true', size: '1000' } });
  await get('delegated gateway dataplanes', '/meshes/default/dataplanes+insights', { query: { gateway: 'delegated', size: '1000' } });
  await get('invalid gateway filter', '/meshes/default/dataplanes+insights', { query: { gateway: 'bogus', size: '1000' } });
  await paged('dataplanes with insights', '/meshes/default/dataplanes+insights', 2);
  await get('dataplanes of a gateway', '/meshes/default/meshgateways/edge/dataplanes');
  await get('dataplanes of a missing gateway', '/meshes/default/meshgateways/missing/dataplanes');
  await get('secrets', '/meshes/default/secrets', { query: { size: '1000' } });
  await paged('secrets', '/meshes/default/secrets', 2);
  await get('global secrets', '/global-secrets', { query: { size: '1000' } });
  await get('one gateway', '/meshes/default/meshgateways/edge');
  await get('missing gateway', '/meshes/default/meshgateways/missing');
  await get('gateways of a missing mesh', '/meshes/missing/meshgateways', { query: { size: '1000' } });
  await get('page size 0', '/meshes', { query: { size: '0' } });
  await get('page size 1001', '/meshes', { query: { size: '1001' } });
  await get('bad offset', '/meshes', { query: { size: '2', offset: 'not-an-offset' } });
  await get('unknown path', '/no-such-collection');
  // Calls that do not count as localhost (see request()): the token decides.
  const REMOTE_NOTE = ' (sent as a non-localhost caller: source 127.0.0.2 and X-Forwarded-For)';
  if (userToken !== null) {
    const auth = `non-admin user token, group users${REMOTE_NOTE}`;
    await get('secrets as non-admin', '/meshes/default/secrets', { token: userToken, query: { size: '1000' }, auth });
    await get('global secrets as non-admin', '/global-secrets', { token: userToken, query: { size: '1000' }, auth });
    await get('mesh gateways as non-admin', '/meshes/default/meshgateways', { token: userToken, query: { size: '1000' }, auth });
    await get('builtin gateway dataplanes as non-admin', '/meshes/default/dataplanes+insights', { token: userToken, query: { gateway: 'builtin', size: '1000' }, auth });
    await get('index as non-admin', '/', { token: userToken, auth });
    await get('config as non-admin', '/config', { token: userToken, auth });
  }
  if (adminToken !== null) {
    await get('secrets with the admin token', '/meshes/default/secrets', { token: adminToken, query: { size: '1000' }, auth: `admin user token (global secret admin-user-token)${REMOTE_NOTE}` });
  }
  await get('mesh gateways with an invalid token', '/meshes/default/meshgateways', { token: 'not-a-valid-token', query: { size: '1000' }, auth: `invalid token${REMOTE_NOTE}` });
  await get('mesh gateways without a token', '/meshes/default/meshgateways', { query: { size: '1000' }, auth: `no token${REMOTE_NOTE}` });
  await get('secrets without a token', '/meshes/default/secrets', { query: { size: '1000' }, auth: `no token${REMOTE_NOTE}` });

  // Cleanup, newest first.
  const cleanupFailures = [];
  for (const path of [...created].reverse()) {
    const r = await request(cp, 'DELETE', path);
    if (!okStatus(r.status)) cleanupFailures.push({ method: 'DELETE', path, status: r.status, body: scrub(bodyOf(r), secrets) });
  }

  const out = {
    kumaVersion: index.json?.version ?? null,
    product: index.json?.product ?? index.json?.tagline ?? null,
    recordedAt: new Date().toISOString(),
    mode: 'universal, memory store',
    controlPlane: cp,
    setup: setupLog,
    calls,
  };
  if (cleanupFailures.length > 0) out.cleanupFailures = cleanupFailures;
  const text = JSON.stringify(out);
  if ([userToken, adminToken].some((t) => t !== null && text.includes(t))) throw new Error('internal error: the user token would be saved');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) throw new Error('internal error: a private key would be saved');
  return out;
}

// ---------------------------------------------------------------------------------------------

function save(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const index = await request(args.cp, 'GET', '/');
  if (index.status !== 200 || index.json === undefined) {
    throw new Error(`GET ${args.cp}/ answered ${index.status}: ${index.text.slice(0, 200)}`);
  }
  console.error(`control plane: ${index.json.product ?? index.json.tagline} ${index.json.version}`);
  if (args.out !== null) {
    const result = await recordAdmission(args, index);
    save(args.out, result);
    const n = result.cases.reduce((s, c) => s + c.documents.length, 0);
    console.error(`wrote ${args.out}: ${result.cases.length} files, ${n} documents`);
  }
  if (args.readApi !== null) {
    const result = await recordReadApi(args, index);
    save(args.readApi, result);
    console.error(`wrote ${args.readApi}: ${result.calls.length} calls`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
