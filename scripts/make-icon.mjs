// Draws extension/icon.png (128x128 RGBA): a gateway arch with three routes passing through it.
// Run with `node scripts/make-icon.mjs`; the PNG is committed, so packaging never needs this.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const BACKGROUND = [41, 22, 92];
const FOREGROUND = [255, 255, 255];
const ACCENT = [94, 224, 178];

/** The colour at (x, y) in a 128x128 square, or null outside the rounded background. */
function shade(x, y) {
  const r = 24;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const ax = 64;
  const ay = 66;
  const d = Math.hypot(x - ax, y - ay);
  const pillar = y >= ay && y <= 104 && ((x >= 28 && x <= 40) || (x >= 88 && x <= 100));
  const arch = y < ay && d >= 24 && d <= 36;
  if (arch || pillar) return FOREGROUND;
  for (const ly of [56, 72, 88]) {
    if (Math.abs(y - ly) <= 2.5 && x >= 46 && x <= 82) return ACCENT;
  }
  return BACKGROUND;
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = shade(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 1;
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const n = sum[3];
    raw[o] = n ? Math.round(sum[0] / n) : 0;
    raw[o + 1] = n ? Math.round(sum[1] / n) : 0;
    raw[o + 2] = n ? Math.round(sum[2] / n) : 0;
    raw[o + 3] = Math.round((255 * n) / (SAMPLES * SAMPLES));
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8;
header[9] = 6;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../extension/icon.png', import.meta.url), png);
