#!/usr/bin/env node
// Writes images/icon.png (128×128 RGBA): two server racks, on-premise grey
// and cloud blue, joined by an arrow. Drawn pixel by pixel and encoded with
// node:zlib so the icon is reproducible without an image library.
//
//   node scripts/generate-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const out = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

const BACKGROUND = [0x1e, 0x29, 0x3b, 0xff];
const ON_PREM = [0x94, 0xa3, 0xb8, 0xff];
const CLOUD = [0x38, 0xbd, 0xf8, 0xff];
const ARROW = [0xf9, 0x73, 0x16, 0xff];
const SLOT = [0x0f, 0x17, 0x2a, 0xff];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
function set(x, y, color) {
  if (x >= 0 && y >= 0 && x < SIZE && y < SIZE) {
    pixels.set(color, (y * SIZE + x) * 4);
  }
}
function rect(x0, y0, w, h, color) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, color);
}

// Rounded background square.
const radius = 20;
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const dx = Math.max(radius - x, x - (SIZE - 1 - radius), 0);
    const dy = Math.max(radius - y, y - (SIZE - 1 - radius), 0);
    if (dx * dx + dy * dy <= radius * radius) set(x, y, BACKGROUND);
  }
}
// Two racks of three units each.
for (const [x0, color] of [[14, ON_PREM], [82, CLOUD]]) {
  for (let unit = 0; unit < 3; unit++) {
    const y0 = 30 + unit * 24;
    rect(x0, y0, 32, 18, color);
    rect(x0 + 4, y0 + 7, 16, 4, SLOT);
    rect(x0 + 24, y0 + 7, 4, 4, SLOT);
  }
}
// Arrow from on-prem to cloud: a shaft and a triangular head.
rect(50, 61, 18, 6, ARROW);
for (let i = 0; i < 10; i++) rect(68 + i, 54 + i, 1, 20 - 2 * i, ARROW);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  rows[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
