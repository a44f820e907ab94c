#!/usr/bin/env node
// Writes the add-in icons (assets/icon-*.png): a blue rounded square with a white table.
// Run once after changing the design; the PNGs are committed. Needs Node >= 20.15 (zlib.crc32).
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x6f, 0xd1];
const WHITE = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4; // per axis, to anti-alias the rounded corners

// Fraction of the pixel (x, y) covered by a size×size square with rounded corners.
function cornerCoverage(x, y, size) {
  const r = size * 0.2;
  let inside = 0;
  for (let i = 0; i < SUBSAMPLES; i++) {
    for (let j = 0; j < SUBSAMPLES; j++) {
      const px = x + (i + 0.5) / SUBSAMPLES;
      const py = y + (j + 0.5) / SUBSAMPLES;
      const dx = Math.max(r - px, 0, px - (size - r));
      const dy = Math.max(r - py, 0, py - (size - r));
      if (dx * dx + dy * dy <= r * r) inside++;
    }
  }
  return inside / (SUBSAMPLES * SUBSAMPLES);
}

// The table is laid out in whole pixels so that its lines stay sharp at 16 px.
function isTablePixel(x, y, size) {
  const inset = Math.round(size * 0.2);
  const line = Math.max(1, Math.round(size / 16));
  const left = inset;
  const right = size - inset;
  const top = inset;
  const bottom = size - inset;
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const headerEnd = top + Math.round((bottom - top) * 0.3);
  const rowLine = headerEnd + Math.round((bottom - headerEnd - line) / 2);
  const columnLine = left + Math.round((right - left) * 0.4);
  return (
    y < headerEnd ||
    x < left + line ||
    x >= right - line ||
    y >= bottom - line ||
    (y >= rowLine && y < rowLine + line) ||
    (x >= columnLine && x < columnLine + line)
  );
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const stride = size * 4 + 1; // each scanline starts with its filter type (0: none)
  const raw = Buffer.alloc(stride * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b] = isTablePixel(x, y, size) ? WHITE : BLUE;
      const offset = y * stride + 1 + x * 4;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      raw[offset + 3] = Math.round(cornerCoverage(x, y, size) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const assetsDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(assetsDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assetsDir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`已生成 ${path.relative(process.cwd(), file)}`);
}
