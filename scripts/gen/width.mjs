// Generates src/text/data/width-data.ts: what src/text/grapheme.ts and src/text/width.ts
// need of each code point to segment text into extended grapheme clusters (UAX #29, Unicode
// 15.0: GB1–GB13, GB999; 15.0 has no GB9c) and to measure them as string-width 8 does.
// From the vendored UnicodeData.txt (General_Category),
// DerivedCoreProperties.txt (Default_Ignorable_Code_Point, Grapheme_Extend),
// EastAsianWidth.txt, GraphemeBreakProperty.txt, emoji-data.txt (Extended_Pictographic),
// emoji-sequences.txt and emoji-zwj-sequences.txt (RGI_Emoji).
//
// Usage: npm run gen (all generators), or node scripts/gen/width.mjs
//
// string-width 8's rules (node_modules/string-width/index.js), per cluster:
//   1. no visible code point (all Default_Ignorable, Cc, Cf, Mn, Me or Cs): 0;
//   2. an RGI emoji: 2;  3. a ZWJ sequence with 2+ Extended_Pictographic, or [0-9#*] U+20E3: 2;
//   4. Hangul jamo: L+V(+T) count 2, others their East Asian Width;
//   5. else the East Asian Width (F or W: 2, else 1) of the first visible code point, plus that
//      of each later code point that is Mc or in U+FF00..U+FFEF.
// WIDTH_RUNS gives each code point one byte: bits 0–1 its width alone (0 if invisible, 2 if
// it is an RGI emoji alone, else its East Asian Width), bits 2–3 what it adds after a
// cluster's first visible code point (rule 5), bits 4–7 its grapheme break class (below).
// RGI_EMOJI_NARROW lists the RGI emoji of more than one code point whose first code point is
// narrow: for any other RGI emoji rule 5 gives 2 as well (the generator checks that no RGI
// emoji holds an Mc or U+FF00..U+FFEF code point), so only these need a list.
import {UNICODE_VERSION, encodeRuns, fail as failIn, readUcd, writeWhenMain} from './ucd.mjs';

const OUT_FILE = 'src/text/data/width-data.ts';
const fail = (message) => failIn('gen/width', message);

// Grapheme break classes, as src/text/grapheme.ts numbers them. Extended_Pictographic is a
// class of its own: no such code point has a Grapheme_Cluster_Break other than Other (checked).
const CLASSES = {
	Other: 0,
	Extend: 1,
	ZWJ: 2,
	Control: 3,
	CR: 4,
	LF: 5,
	Prepend: 6,
	Regional_Indicator: 7,
	Extended_Pictographic: 8,
	SpacingMark: 9,
	L: 10,
	V: 11,
	T: 12,
	LV: 13,
	LVT: 14,
};

/** Calls visit(first, last, fields) for each data line of a UCD property file ("X..Y ; value ; … # comment"). */
function forEachLine(text, visit) {
	for (const line of text.split('\n')) {
		const data = line.replace(/#.*/, '').trim();
		if (data === '') continue;
		const fields = data.split(';').map((field) => field.trim());
		const [first, last = first] = fields[0].split('..').map((hex) => Number.parseInt(hex, 16));
		if (!(first <= last && last <= 0x10ffff)) fail(`bad line: ${line}`);
		visit(first, last, fields);
	}
}

// ---- properties ------------------------------------------------------------------------

const SIZE = 0x110000;
const category = new Array(SIZE).fill('Cn');
let rangeStart = -1;
for (const line of readUcd('UnicodeData.txt').split('\n')) {
	if (line === '') continue;
	const [hex, name, gc] = line.split(';');
	const cp = Number.parseInt(hex, 16);
	if (name.endsWith(', First>')) {
		rangeStart = cp;
		continue;
	}
	const first = name.endsWith(', Last>') ? rangeStart : cp;
	category.fill(gc, first, cp + 1);
}

const defaultIgnorable = new Uint8Array(SIZE);
const graphemeExtend = new Uint8Array(SIZE);
forEachLine(readUcd('DerivedCoreProperties.txt'), (first, last, [, property]) => {
	if (property === 'Default_Ignorable_Code_Point') defaultIgnorable.fill(1, first, last + 1);
	if (property === 'Grapheme_Extend') graphemeExtend.fill(1, first, last + 1);
});

// East Asian Width: N unless listed; the header's unassigned-in-block defaults are W.
const eastAsianText = readUcd('EastAsianWidth.txt');
const wide = new Uint8Array(SIZE);
const header = eastAsianText.slice(0, eastAsianText.indexOf('\n0000'));
const wideDefaults = [...header.matchAll(/U\+([0-9A-F]{4,6})\.\.U\+([0-9A-F]{4,6})/g)];
if (wideDefaults.length !== 5 || !/default to "W"/.test(header)) fail('EastAsianWidth.txt: the W defaults of its header are not the five expected');
for (const [, first, last] of wideDefaults) wide.fill(1, Number.parseInt(first, 16), Number.parseInt(last, 16) + 1);
forEachLine(eastAsianText, (first, last, [, value]) => {
	if (!['A', 'F', 'H', 'N', 'Na', 'W'].includes(value)) fail(`EastAsianWidth.txt: value ${value}`);
	wide.fill(value === 'F' || value === 'W' ? 1 : 0, first, last + 1);
});

const breakClass = new Uint8Array(SIZE); // Other
forEachLine(readUcd('GraphemeBreakProperty.txt'), (first, last, [, value]) => {
	const k = CLASSES[value];
	if (k === undefined || value === 'Other' || value === 'Extended_Pictographic') fail(`GraphemeBreakProperty.txt: value ${value}`);
	breakClass.fill(k, first, last + 1);
});

const pictographic = new Uint8Array(SIZE);
forEachLine(readUcd('emoji-data.txt'), (first, last, [, property]) => {
	if (property === 'Extended_Pictographic') pictographic.fill(1, first, last + 1);
});
for (let cp = 0; cp < SIZE; cp++) {
	if (pictographic[cp] === 0) continue;
	if (breakClass[cp] !== CLASSES.Other) fail(`U+${cp.toString(16)} is Extended_Pictographic and Grapheme_Cluster_Break ${breakClass[cp]}`);
	breakClass[cp] = CLASSES.Extended_Pictographic;
}

// RGI_Emoji: every sequence of emoji-sequences.txt and emoji-zwj-sequences.txt.
const rgi = []; // arrays of code points
const RGI_TYPES = [
	'Basic_Emoji',
	'Emoji_Keycap_Sequence',
	'RGI_Emoji_Flag_Sequence',
	'RGI_Emoji_Tag_Sequence',
	'RGI_Emoji_Modifier_Sequence',
	'RGI_Emoji_ZWJ_Sequence',
];
for (const name of ['emoji-sequences.txt', 'emoji-zwj-sequences.txt']) {
	for (const line of readUcd(name).split('\n')) {
		const data = line.replace(/#.*/, '').trim();
		if (data === '') continue;
		const [points, type] = data.split(';').map((field) => field.trim());
		if (!RGI_TYPES.includes(type)) fail(`${name}: type ${type}`);
		if (points.includes('..')) {
			const [first, last] = points.split('..').map((hex) => Number.parseInt(hex, 16));
			for (let cp = first; cp <= last; cp++) rgi.push([cp]);
		} else {
			rgi.push(points.split(' ').map((hex) => Number.parseInt(hex, 16)));
		}
	}
}
if (rgi.length !== 3664 || new Set(rgi.map(String)).size !== rgi.length) fail(`${rgi.length} RGI emoji, not the 3664 of Unicode 15.0`);

// ---- the table ---------------------------------------------------------------------------

const INVISIBLE = new Set(['Cc', 'Cf', 'Mn', 'Me', 'Cs']);
const eastAsianWidth = (cp) => (wide[cp] === 1 ? 2 : 1);
const isVisible = (cp) => defaultIgnorable[cp] === 0 && !INVISIBLE.has(category[cp]);
const addsAfter = (cp) => category[cp] === 'Mc' || (cp >= 0xff00 && cp <= 0xffef);

const rgiAlone = new Uint8Array(SIZE);
for (const sequence of rgi) if (sequence.length === 1) rgiAlone[sequence[0]] = 1;

const table = new Uint8Array(SIZE);
for (let cp = 0; cp < SIZE; cp++) {
	const k = breakClass[cp];
	const alone = !isVisible(cp) ? 0 : rgiAlone[cp] === 1 ? 2 : eastAsianWidth(cp);
	// Controls, CR and LF never join what precedes them.
	const after = k === CLASSES.Control || k === CLASSES.CR || k === CLASSES.LF || !addsAfter(cp) ? 0 : eastAsianWidth(cp);
	table[cp] = alone | (after << 2) | (k << 4);
}

// The RGI emoji that rule 5 would not make 2 wide (see the header).
const narrow = [];
for (const sequence of rgi) {
	if (!isVisible(sequence[0])) fail(`RGI emoji ${sequence.map((cp) => cp.toString(16))} starts with an invisible code point`);
	if (sequence.some((cp, index) => index > 0 && addsAfter(cp))) fail(`RGI emoji ${sequence.map((cp) => cp.toString(16))} holds a spacing mark`);
	if (sequence.length === 1) {
		if (eastAsianWidth(sequence[0]) !== 2) fail(`RGI emoji U+${sequence[0].toString(16)} alone is not East Asian Wide`);
	} else if (eastAsianWidth(sequence[0]) !== 2) {
		narrow.push(sequence);
	}
}

// A palette of the distinct bytes, in order of first appearance.
const palette = [];
const letterOf = new Map();
for (const value of table) {
	if (!letterOf.has(value)) {
		letterOf.set(value, palette.length);
		palette.push(value);
	}
}
const {lines, runCount, bmpRuns} = encodeRuns(table, (value) => letterOf.get(value));

const hex = (cp) => cp.toString(16).toUpperCase();
const narrowLines = [''];
for (const sequence of narrow) {
	if (narrowLines[narrowLines.length - 1].length >= 96) narrowLines.push('');
	const last = narrowLines.length - 1;
	narrowLines[last] += (narrowLines[last] === '' && last === 0 ? '' : ' ') + sequence.map(hex).join('.');
}

const text = `// GENERATED by scripts/gen/width.mjs from the Unicode ${UNICODE_VERSION} data in data/unicode/ — do not edit.
// Regenerate with: npm run gen

/** The Unicode version of these tables. */
export const WIDTH_UNICODE_VERSION = '${UNICODE_VERSION}';

/** The byte of letter k of WIDTH_RUNS (src/text/data/decode.ts). */
export const WIDTH_PALETTE: readonly number[] = [${palette.join(', ')}];

/**
 * A byte per code point, in ${runCount} runs (${bmpRuns} start in the BMP) as src/text/data/decode.ts reads
 * them: bits 0–1 its width alone, bits 2–3 the width it adds after a cluster's first visible
 * code point (string-width's rule 5), bits 4–7 its grapheme break class (src/text/grapheme.ts).
 */
export const WIDTH_RUNS =
${lines.map((line) => `\t'${line}'`).join(' +\n')};

/**
 * The ${narrow.length} RGI emoji (emoji-sequences.txt, emoji-zwj-sequences.txt) of more than one code point
 * whose first is not East Asian Wide: space-separated, code points in hexadecimal joined by
 * dots. Every other RGI emoji is 2 cells wide by string-width's rule 5 too.
 */
export const RGI_EMOJI_NARROW =
${narrowLines.map((line) => `\t'${line}'`).join(' +\n')};
`;

/** The file this generator writes (scripts/gen/ucd.mjs). */
export function generate() {
	return [{path: OUT_FILE, text, summary: `${runCount} width runs (${palette.length} values), ${narrow.length} narrow-first RGI emoji, ${text.length} bytes`}];
}

writeWhenMain(import.meta.url, generate);
