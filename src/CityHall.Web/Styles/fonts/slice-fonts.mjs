// Slices KRDS's Korean typeface (PretendardGOV Regular, from krds-uiux) into small WOFF2 files,
// each declared with a unicode-range, so a page downloads only the slices holding the characters
// it shows instead of two 263 KB files (see README.md in this folder). Bold is synthesized by the
// browser from the regular face: the real bold would double what a first visit downloads.
//
// Run at build time by CityHall.Web.csproj (target SliceFonts) from the project folder:
//   node Styles/fonts/slice-fonts.mjs
// Writes wwwroot/lib/fonts/pretendard-gov/*.woff2 (ignored by git) and
// Styles/generated/_font-faces.scss (ignored by git), which Styles/cityhall/_fonts.scss imports.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';

const sourceFolder = 'node_modules/krds-uiux/resources/fonts';
const sourceFile = 'PretendardGOV-Regular.subset.woff2';
// The slices are a modified version of the font, and "Pretendard GOV" is a Reserved Font Name under
// its licence (SIL Open Font License 1.1): a modified version must carry another name.
const family = 'CityHall Sans';
const outputFolder = 'wwwroot/lib/fonts/cityhall-sans';
const outputUrl = '/lib/fonts/cityhall-sans';
const faceRules = 'Styles/generated/_font-faces.scss';
// Where the city's own words are: every Korean text resource (Text.resx; Text.en.resx is English).
const textFolders = ['Modules', 'Platform'];

// Slice sizes, in syllables, chosen by measuring pages in Chromium (docs/benchmarks.md): the site's
// own words, most used first, in slices of 256 (a page's interface needs one or two of them); the
// syllables the interface never uses, for what citizens and staff write, in Unicode order, 24 a
// slice (a proposal's text touches many such slices, so small ones waste least).
const interfaceSliceSize = 256;
const otherSliceSize = 24;

// Every page shows ASCII and these marks (middle dot, dashes, quotes, ellipsis, arrows, won sign).
const everyPage = [[0x20, 0x7e], [0xa0, 0xa0], [0xa9, 0xa9], [0xb7, 0xb7], [0x2013, 0x2014], [0x2018, 0x2019],
  [0x201c, 0x201d], [0x2026, 0x2026], [0x2190, 0x2193], [0x20a9, 0x20a9]];

const isSyllable = cp => cp >= 0xac00 && cp <= 0xd7a3;
const inRanges = (cp, ranges) => ranges.some(([from, to]) => cp >= from && cp <= to);

/** How many of the city's Korean texts use each syllable (a text counts once per syllable). */
async function interfaceSyllables() {
  const uses = new Map();
  for (const folder of textFolders) {
    for (const entry of await readdir(folder, { recursive: true })) {
      if (path.basename(entry) !== 'Text.resx') continue;
      const resx = await readFile(path.join(folder, entry), 'utf8');
      for (const [, value] of resx.matchAll(/<value>([\s\S]*?)<\/value>/g)) {
        for (const cp of new Set([...value].map(c => c.codePointAt(0)).filter(isSyllable)))
          uses.set(cp, (uses.get(cp) ?? 0) + 1);
      }
    }
  }
  return uses;
}

/**
 * The slices, in the order their rules are written. Where ranges overlap, a browser tries the rule
 * written last first, so the slices of syllables the interface never uses declare one span each
 * (first to last syllable, short CSS) and come before the interface's slices, which list their
 * syllables one by one: an interface syllable inside such a span is found in its own slice first.
 */
function slices(codePoints, uses) {
  const chunk = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  const syllables = codePoints.filter(isSyllable);
  const used = syllables.filter(cp => uses.has(cp)).sort((a, b) => uses.get(b) - uses.get(a) || a - b);
  const unused = syllables.filter(cp => !uses.has(cp));
  const rest = codePoints.filter(cp => !isSyllable(cp) && !inRanges(cp, everyPage));
  const listed = glyphs => ({ glyphs, range: glyphs });
  const spanned = glyphs => ({ glyphs, range: [[glyphs[0], glyphs.at(-1)]] });
  return [
    // Other letters and symbols (Latin-1, Greek, arrows...) apart from CJK marks and jamo: rarely needed.
    listed(rest.filter(cp => cp < 0x3000)),
    listed(rest.filter(cp => cp >= 0x3000)),
    ...chunk(unused, otherSliceSize).map(spanned),
    ...chunk(used, interfaceSliceSize).map(listed),
    listed(codePoints.filter(cp => inRanges(cp, everyPage))),
  ].filter(s => s.glyphs.length > 0);
}

/** unicode-range value: code points (folded into runs) or [from, to] spans. */
function unicodeRange(range) {
  const runs = [];
  for (const item of [...range].sort((a, b) => [a].flat()[0] - [b].flat()[0])) {
    const [from, to] = Array.isArray(item) ? item : [item, item];
    const last = runs.at(-1);
    if (last && from === last[1] + 1) last[1] = to;
    else runs.push([from, to]);
  }
  const hex = n => n.toString(16).toUpperCase();
  return runs.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(',');
}

/** The font's name table, as [nameID, text] pairs (Windows, US English: what browsers read). */
function readNames(sfnt) {
  const table = tableOf(sfnt, 'name');
  const count = table.readUInt16BE(2), strings = table.readUInt16BE(4);
  const names = [];
  for (let i = 0; i < count; i++) {
    const record = 6 + 12 * i;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map(o => table.readUInt16BE(record + o));
    if (platform !== 3 || encoding !== 1 || language !== 0x409) continue;
    const text = Buffer.from(table.subarray(strings + offset, strings + offset + length)).swap16().toString('utf16le');
    names.push([id, text]);
  }
  return names;
}

function tableOf(sfnt, tag) {
  const count = sfnt.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    if (sfnt.toString('latin1', entry, entry + 4) === tag)
      return sfnt.subarray(sfnt.readUInt32BE(entry + 8), sfnt.readUInt32BE(entry + 8) + sfnt.readUInt32BE(entry + 12));
  }
  throw new Error(`no ${tag} table`);
}

function nameTable(names) {
  const strings = names.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const table = Buffer.alloc(6 + 12 * names.length);
  table.writeUInt16BE(names.length, 2);
  table.writeUInt16BE(table.length, 4);
  let offset = 0;
  names.forEach(([id], i) => {
    const record = 6 + 12 * i;
    [3, 1, 0x409, id, strings[i].length, offset].forEach((value, k) => table.writeUInt16BE(value, record + 2 * k));
    offset += strings[i].length;
  });
  return Buffer.concat([table, ...strings]);
}

const checksum = data => {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
};

/** The TrueType font with its name table replaced, checksums and head's adjustment recomputed. */
function withNameTable(sfnt, name) {
  const count = sfnt.readUInt16BE(4);
  const tables = [];
  for (let i = 0; i < count; i++) {
    const entry = 12 + 16 * i;
    const tag = sfnt.toString('latin1', entry, entry + 4);
    const data = tag === 'name' ? name : Buffer.from(tableOf(sfnt, tag));
    tables.push({ tag, data });
  }
  const head = tables.find(t => t.tag === 'head').data;
  head.writeUInt32BE(0, 8); // checkSumAdjustment, computed over the whole font below
  const directory = Buffer.alloc(12 + 16 * count);
  sfnt.copy(directory, 0, 0, 12);
  let offset = directory.length;
  const bodies = [];
  tables.forEach(({ tag, data }, i) => {
    const entry = 12 + 16 * i;
    directory.write(tag, entry, 'latin1');
    directory.writeUInt32BE(checksum(data), entry + 4);
    directory.writeUInt32BE(offset, entry + 8);
    directory.writeUInt32BE(data.length, entry + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([directory, ...bodies]);
  const headOffset = directory.readUInt32BE(12 + 16 * tables.findIndex(t => t.tag === 'head') + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}

async function main() {
  const uses = await interfaceSyllables();
  await rm(outputFolder, { recursive: true, force: true });
  await mkdir(outputFolder, { recursive: true });
  await mkdir(path.dirname(faceRules), { recursive: true });

  const font = await readFile(path.join(sourceFolder, sourceFile));
  const sfnt = await fontverter.convert(font, 'sfnt');
  const original = readNames(sfnt);
  // Kept in every slice: the copyright, the version and the licence (0, 5, 13, 14), as the licence asks. The
  // other notices (trademarks, designers) stay in the source font and are named in README.md: every slice carries
  // its own name table, and a page loads a dozen slices.
  const notices = original.filter(([id]) => [0, 5, 13, 14].includes(id));
  const originalName = original.find(([id]) => id === 4)?.[1] ?? sourceFile;
  const copyright = original.find(([id]) => id === 0)?.[1] ?? '';
  const licence = original.find(([id]) => id === 14)?.[1] ?? '';
  const codePoints = [...new Face(new Blob(sfnt)).collectUnicodes()];

  const rules = [
    '// Generated by Styles/fonts/slice-fonts.mjs at build time: do not edit.',
    `/*! ${family}: slices of ${originalName}, ${copyright}, SIL Open Font License 1.1 (${licence}) */`,
  ];
  let bytes = 0;
  const all = slices(codePoints, uses);
  for (const [index, slice] of all.entries()) {
    const subset = await subsetFont(font, String.fromCodePoint(...slice.glyphs), {
      targetFormat: 'truetype',
      // Only the glyphs asked for: alternates reachable through layout features (slashed zero,
      // tabular figures...) would triple the Latin slice, and the site uses none of them.
      noLayoutClosure: true,
      dropTables: ['vhea', 'vmtx'], // vertical writing: never used on the site
    });
    const names = [...notices,
      [1, family], [2, 'Regular'], [3, `${family} Regular ${index}`], [4, `${family} Regular`], [6, 'CityHallSans-Regular']]
      .sort((a, b) => a[0] - b[0]);
    const woff2 = await fontverter.convert(withNameTable(subset, nameTable(names)), 'woff2');
    const name = `${String(index).padStart(2, '0')}.woff2`;
    await writeFile(path.join(outputFolder, name), woff2);
    // The version in the URL is the slice's hash, so the file can be cached as immutable.
    const version = createHash('sha256').update(woff2).digest('hex').slice(0, 12);
    rules.push(`@font-face{font-family:"${family}";font-style:normal;font-weight:400;font-display:swap;`
      + `src:url("${outputUrl}/${name}?v=${version}") format("woff2");unicode-range:${unicodeRange(slice.range)}}`);
    bytes += woff2.length;
  }
  await writeFile(faceRules, rules.join('\n') + '\n');
  console.log(`slice-fonts: ${all.length} slices, ${Math.round(bytes / 1024)} KB, ${uses.size} interface syllables`);
}

await main();
