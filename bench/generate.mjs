import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Deterministic benchmark workspaces: the same inputs give the same bytes on every machine.
 *
 * A *unit* is one gateway and what belongs to it: a MeshGateway whose listeners share ports (two
 * HTTP hostnames on 8080, two HTTPS hostnames on 8443 with real certificates, TCP 9000 on every
 * third), two builtin-gateway Dataplanes, and a MeshGatewayRoute per HTTP virtual host. Units
 * go round-robin over three meshes. The Secrets they reference carry the example CA's real
 * certificate bundles (`examples/certs/bundles`) and live in their own file, so the YAML
 * language server, which knows no Secret schema, is measured on the same valid documents.
 */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLES = join(REPO, 'examples', 'certs', 'bundles');
const MESHES = ['default', 'mesh-1', 'mesh-2'];

/** Certificates of the two HTTPS hostnames every gateway serves. */
const HTTPS_HOSTS = [
  { host: 'secure.example.com', bundle: 'secure-example-com-rsa.pem', suffix: 'secure' },
  { host: 'shop.example.com', bundle: 'shop-example-com-ecdsa.pem', suffix: 'shop' },
];

/** A small seeded generator (mulberry32): the positions picked are the same on every run. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Collects lines and remembers interesting positions: `hover` on keys and values, `complete`
 * at the end of enum values and at the start of listener keys. Lines and characters are 0-based.
 */
function createWriter() {
  const lines = [];
  const hover = [];
  const complete = [];
  return {
    lines,
    hover,
    complete,
    line(text) {
      lines.push(text);
    },
    /** A `key: value` line; `marks` says which positions to remember on it. */
    pair(indent, key, value, marks = {}) {
      const line = lines.length;
      const text = `${' '.repeat(indent)}${key}:${value === undefined ? '' : ` ${value}`}`;
      lines.push(text);
      const keyStart = indent + (text.slice(indent).startsWith('- ') ? 2 : 0);
      if (marks.hoverKey) hover.push({ line, character: keyStart + 1 });
      if (marks.hoverValue && value !== undefined) hover.push({ line, character: text.length - 1 });
      if (marks.completeValue && value !== undefined) complete.push({ line, character: text.length });
      if (marks.completeKey) complete.push({ line, character: keyStart });
    },
  };
}

function secretName(unit, suffix) {
  return `gw-${unit}-${suffix}`;
}

function writeGateway(w, unit, { broken }) {
  const mesh = MESHES[unit % MESHES.length];
  const name = `gw-${unit}`;
  w.pair(0, 'type', 'MeshGateway', { hoverValue: true });
  w.pair(0, 'mesh', mesh, { hoverKey: true });
  w.pair(0, 'name', name);
  w.pair(0, 'selectors', undefined, { hoverKey: true });
  w.pair(2, '- match', undefined);
  w.pair(6, 'kuma.io/service', name, { hoverKey: true, hoverValue: true });
  w.pair(0, 'tags', undefined);
  w.pair(2, 'team', `team-${unit % 7}`, { hoverValue: true });
  w.pair(0, 'conf', undefined);
  w.pair(2, 'listeners', undefined, { hoverKey: true });
  for (const vhost of ['a', 'b']) {
    w.pair(4, '- port', '8080', { hoverKey: true, hoverValue: true });
    w.pair(6, 'protocol', 'HTTP', { hoverKey: true, hoverValue: true, completeValue: true });
    w.pair(6, 'hostname', `${vhost}.${name}.example.com`, { hoverKey: true, hoverValue: true, completeKey: true });
    w.pair(6, 'tags', undefined, { hoverKey: true });
    w.pair(8, 'vhost', vhost, { hoverKey: true });
  }
  for (const https of HTTPS_HOSTS) {
    w.pair(4, '- port', '8443', { hoverValue: true });
    w.pair(6, 'protocol', 'HTTPS', { hoverValue: true, completeValue: true });
    w.pair(6, 'hostname', https.host, { hoverValue: true, completeKey: true });
    w.pair(6, 'tls', undefined, { hoverKey: true });
    w.pair(8, 'mode', 'TERMINATE', { hoverKey: true, hoverValue: true, completeValue: true });
    w.pair(8, 'certificates', undefined, { hoverKey: true });
    w.pair(10, '- secret', secretName(unit, https.suffix), { hoverKey: true, hoverValue: true, completeValue: true });
    w.pair(6, 'tags', undefined);
    w.pair(8, 'vhost', https.suffix);
  }
  if (unit % 3 === 0) {
    w.pair(4, '- port', '9000', { hoverValue: true });
    // One deliberate shape error per file, so that both servers have something to report.
    w.pair(6, 'protocol', broken ? 'HTTPX' : 'TCP', { hoverValue: true, completeValue: true });
  }
}

function writeDataplane(w, unit, index) {
  const mesh = MESHES[unit % MESHES.length];
  const n = unit * 2 + index;
  w.pair(0, 'type', 'Dataplane', { hoverValue: true });
  w.pair(0, 'mesh', mesh);
  w.pair(0, 'name', `gw-${unit}-dp-${index}`);
  w.pair(0, 'networking', undefined, { hoverKey: true });
  w.pair(2, 'address', `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, { hoverKey: true, hoverValue: true });
  w.pair(2, 'gateway', undefined, { hoverKey: true });
  w.pair(4, 'type', 'BUILTIN', { hoverKey: true, hoverValue: true, completeValue: true });
  w.pair(4, 'tags', undefined, { hoverKey: true });
  w.pair(6, 'kuma.io/service', `gw-${unit}`, { hoverKey: true, hoverValue: true });
  w.pair(6, 'zone', `zone-${n % 2}`);
}

function writeRoute(w, unit, vhost) {
  const mesh = MESHES[unit % MESHES.length];
  w.pair(0, 'type', 'MeshGatewayRoute', { hoverValue: true });
  w.pair(0, 'mesh', mesh);
  w.pair(0, 'name', `gw-${unit}-${vhost}`);
  w.pair(0, 'selectors', undefined);
  w.pair(2, '- match', undefined, { hoverKey: true });
  w.pair(6, 'kuma.io/service', `gw-${unit}`);
  w.pair(6, 'vhost', vhost, { hoverKey: true });
  w.pair(0, 'conf', undefined);
  w.pair(2, 'http', undefined, { hoverKey: true });
  w.pair(4, 'rules', undefined, { hoverKey: true });
  w.pair(6, '- matches', undefined, { hoverKey: true });
  w.pair(10, '- path', undefined, { hoverKey: true });
  w.pair(14, 'match', 'PREFIX', { hoverKey: true, hoverValue: true, completeValue: true });
  w.pair(14, 'value', `/${vhost}`, { hoverKey: true });
  w.pair(8, 'backends', undefined, { hoverKey: true });
  w.pair(10, '- destination', undefined, { hoverKey: true });
  w.pair(14, 'kuma.io/service', `backend-${unit % 11}`, { hoverValue: true });
  w.pair(12, 'weight', '1', { hoverKey: true, hoverValue: true });
}

function writeUnit(w, unit, options) {
  const separate = () => w.line('---');
  writeGateway(w, unit, options);
  for (const index of [0, 1]) {
    separate();
    writeDataplane(w, unit, index);
  }
  for (const vhost of ['a', 'b']) {
    separate();
    writeRoute(w, unit, vhost);
  }
}

function writeSecrets(w, units, bundles) {
  for (let unit = 0; unit < units; unit++) {
    for (const https of HTTPS_HOSTS) {
      if (w.lines.length > 0) w.line('---');
      w.pair(0, 'type', 'Secret');
      w.pair(0, 'mesh', MESHES[unit % MESHES.length]);
      w.pair(0, 'name', secretName(unit, https.suffix));
      w.pair(0, 'data', bundles.get(https.bundle));
    }
  }
}

function readBundles() {
  return new Map(HTTPS_HOSTS.map((h) => [h.bundle, readFileSync(join(BUNDLES, h.bundle)).toString('base64')]));
}

/** Units needed for about `lines` lines in one file (a unit is 99 or 101 lines with its separator). */
function unitsFor(lines) {
  return Math.max(1, Math.round(lines / 99.7));
}

/**
 * A folder with one large multi-document file `large.yaml` of about `lines` lines, and the
 * Secrets it references in `secrets.yaml`. Returns the paths, the real line count, and the
 * positions (0-based) for hover, completion and the one-character edit in the middle.
 */
export function generateLargeFile(dir, lines, seed = 1) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const units = unitsFor(lines);
  const w = createWriter();
  for (let unit = 0; unit < units; unit++) {
    if (unit > 0) w.line('---');
    writeUnit(w, unit, { broken: unit === 0 });
  }
  const text = w.lines.join('\n') + '\n';
  const file = join(dir, 'large.yaml');
  writeFileSync(file, text);
  const s = createWriter();
  writeSecrets(s, units, readBundles());
  const secrets = join(dir, 'secrets.yaml');
  writeFileSync(secrets, s.lines.join('\n') + '\n');
  return { dir, file, secrets, text, lines: w.lines.length, units, hover: w.hover, complete: w.complete, edit: middleEdit(w.lines), seed };
}

/** The end of the value of the hostname line nearest the middle: a one-character edit there keeps the YAML valid. */
function middleEdit(lines) {
  const middle = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [middle + d, middle - d]) {
      if (i >= 0 && i < lines.length && /^\s+hostname: [a-z]\.gw-/.test(lines[i])) return { line: i, character: lines[i].length };
    }
  }
  return { line: middle, character: lines[middle].length };
}

/**
 * A folder of `files` small files, four per unit in a folder of its own: the gateway, its
 * Dataplanes, its routes, and its Secrets. `open` is the first gateway file with its positions.
 */
export function generateManyFiles(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  const bundles = readBundles();
  const units = Math.max(1, Math.floor(files / 4));
  let written = 0;
  let open = null;
  for (let unit = 0; unit < units; unit++) {
    const folder = join(dir, `unit-${String(unit).padStart(4, '0')}`);
    mkdirSync(folder, { recursive: true });
    const parts = {
      'gateway.yaml': (w) => writeGateway(w, unit, { broken: false }),
      'dataplanes.yaml': (w) => {
        writeDataplane(w, unit, 0);
        w.line('---');
        writeDataplane(w, unit, 1);
      },
      'routes.yaml': (w) => {
        writeRoute(w, unit, 'a');
        w.line('---');
        writeRoute(w, unit, 'b');
      },
      'secrets.yaml': (w) => {
        for (const https of HTTPS_HOSTS) {
          if (w.lines.length > 0) w.line('---');
          w.pair(0, 'type', 'Secret');
          w.pair(0, 'mesh', MESHES[unit % MESHES.length]);
          w.pair(0, 'name', secretName(unit, https.suffix));
          w.pair(0, 'data', bundles.get(https.bundle));
        }
      },
    };
    for (const [name, write] of Object.entries(parts)) {
      const w = createWriter();
      write(w);
      writeFileSync(join(folder, name), w.lines.join('\n') + '\n');
      written++;
      if (unit === 0 && name === 'gateway.yaml') open = { file: join(folder, name), hover: w.hover, complete: w.complete, edit: middleEdit(w.lines) };
    }
  }
  return { dir, files: written, units, open };
}

/** `count` positions drawn from `positions` with a seeded generator, spread over the whole file. */
export function pickPositions(positions, count, seed) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => positions[Math.floor(random() * positions.length)]);
}
