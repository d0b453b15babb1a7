// Generates src/text/data/bidi-class-data.ts: the Bidi_Class of every code point and the
// paired brackets (UAX #9 BD14–BD16), Unicode 15.0, from the vendored Unicode Character
// Database's UnicodeData.txt (field 4: bidi class; field 2: general category; field 5:
// decomposition) and BidiMirroring.txt (Bidi_Mirroring_Glyph). Unassigned code points get
// the default classes of DerivedBidiClass-15.0.0.txt (DEFAULTS below).
//
// Usage: npm run gen (all generators), or node scripts/gen/bidi-classes.mjs
//
// The classes are written as runs of equal class over 0..10FFFF in a short string that
// src/text/bidi/classes.ts decodes once at start-up (src/text/data/decode.ts).
// BidiBrackets.txt is derived the way its header says it is: a paired bracket is a
// character of General_Category Ps or Pe that has a Bidi_Mirroring_Glyph; Ps opens, Pe
// closes, and its pair is its mirroring glyph. Canonical equivalents (BD16 compares them)
// come from the canonical decompositions (no <tag>) of those brackets: U+2329 → U+3008
// and U+232A → U+3009.
import {UNICODE_VERSION, encodeRuns, fail as failIn, readUcd, writeWhenMain} from './ucd.mjs';

const OUT_FILE = 'src/text/data/bidi-class-data.ts';

/** Class letters: 'A' + index. Same order as BIDI_CLASSES in src/text/bidi/classes.ts (classes.ts maps by name anyway). */
const NAMES = ['L', 'R', 'AL', 'EN', 'ES', 'ET', 'AN', 'CS', 'NSM', 'BN', 'B', 'S', 'WS', 'ON', 'LRE', 'LRO', 'RLE', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI'];

// Default Bidi_Class of unassigned code points, later entries winning. Sources:
// - L, R, AL, ET: the `# @missing:` lines of DerivedBidiClass-15.0.0.txt (the first one,
//   0000..10FFFF Left_To_Right, then one line per range below). 10EC0..10EFF (Arabic
//   Extended-C) is AL since 15.0; it was R before.
// - BN: DerivedBidiClass-15.0.0.txt lists the unassigned code points that are
//   Default_Ignorable_Code_Point or Noncharacter_Code_Point as BN (its header: "The
//   unassigned code points that default to BN have one of the following properties").
//   The unassigned default ignorables of 15.0 are PropList-15.0.0.txt's
//   Other_Default_Ignorable_Code_Point Cn entries (2065, FFF0..FFF8, E0000, E0002..E001F,
//   E0080..E00FF, E01F0..E0FFF), all inside the BN ranges below, whose assigned code points
//   UnicodeData.txt then overrides (2066..2069 isolates, FFF9..FFFD, tags, variation
//   selectors…). Noncharacters (PropList-15.0.0.txt Noncharacter_Code_Point): FDD0..FDEF and
//   the last two code points of every plane.
const DEFAULTS = [
	['L', 0x0000, 0x10ffff],
	['R', 0x0590, 0x05ff], // Hebrew
	['AL', 0x0600, 0x07bf], // Arabic, Syriac, Arabic Supplement, Thaana
	['R', 0x07c0, 0x085f], // NKo, Samaritan, Mandaic
	['AL', 0x0860, 0x08ff], // Syriac Supplement, Arabic Extended-B, Arabic Extended-A
	['ET', 0x20a0, 0x20cf], // Currency Symbols
	['R', 0xfb1d, 0xfb4f], // Hebrew presentation forms
	['AL', 0xfb50, 0xfdcf], // Arabic Presentation Forms-A (before the noncharacters)
	['AL', 0xfdf0, 0xfdff], // Arabic Presentation Forms-A (after them)
	['AL', 0xfe70, 0xfeff], // Arabic Presentation Forms-B
	['R', 0x10800, 0x10cff],
	['AL', 0x10d00, 0x10d3f], // Hanifi Rohingya
	['R', 0x10d40, 0x10ebf],
	['AL', 0x10ec0, 0x10eff], // Arabic Extended-C (new @missing range in 15.0)
	['R', 0x10f00, 0x10f2f],
	['AL', 0x10f30, 0x10f6f], // Sogdian
	['R', 0x10f70, 0x10fff],
	['R', 0x1e800, 0x1ec6f],
	['AL', 0x1ec70, 0x1ecbf], // Indic Siyaq Numbers
	['R', 0x1ecc0, 0x1ecff],
	['AL', 0x1ed00, 0x1ed4f], // Ottoman Siyaq Numbers
	['R', 0x1ed50, 0x1edff],
	['AL', 0x1ee00, 0x1eeff], // Arabic Mathematical Alphabetic Symbols
	['R', 0x1ef00, 0x1efff],
	['BN', 0x2060, 0x206f], // default ignorable: unassigned 2065
	['BN', 0xfff0, 0xfff8], // default ignorable
	['BN', 0xe0000, 0xe0fff], // default ignorable: unassigned E0000, E0002..E001F, E0080..E00FF, E01F0..E0FFF
	['BN', 0xfdd0, 0xfdef], // noncharacters
	...Array.from({length: 17}, (_, plane) => ['BN', plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff]), // noncharacters
];

const fail = (message) => failIn('gen/bidi-classes', message);

const classOf = new Uint8Array(0x110000);
for (const [name, first, last] of DEFAULTS) classOf.fill(NAMES.indexOf(name), first, last + 1);

/** General category, decomposition and name of each assigned code point outside the <…, First>/<…, Last> ranges. */
const chars = new Map();
let rangeStart = -1;
const assigned = new Uint8Array(0x110000);
for (const line of readUcd('UnicodeData.txt').split('\n')) {
	if (!line) continue;
	const fields = line.split(';');
	if (fields.length !== 15) fail(`UnicodeData.txt: bad line ${line}`);
	const cp = parseInt(fields[0], 16);
	const [, name, gc, , cls, decomposition] = fields;
	const k = NAMES.indexOf(cls);
	if (k < 0) fail(`U+${fields[0]}: unknown bidi class ${cls}`);
	if (name.endsWith(', First>')) {
		rangeStart = cp;
		continue;
	}
	const first = name.endsWith(', Last>') ? rangeStart : cp;
	if (assigned.subarray(first, cp + 1).some((a) => a)) fail(`U+${fields[0]} listed twice`);
	classOf.fill(k, first, cp + 1);
	assigned.fill(1, first, cp + 1);
	if (first === cp) chars.set(cp, {name, gc, decomposition});
}

// ---- runs ------------------------------------------------------------------------------

// The one run format of src/text/data/decode.ts: value k (the letter 'A' + k) is NAMES[k].
const {lines, runCount, bmpRuns} = encodeRuns(classOf);

// ---- brackets --------------------------------------------------------------------------

const mirror = new Map();
for (const line of readUcd('BidiMirroring.txt').split('\n')) {
	const m = /^([0-9A-F]{4,6});\s*([0-9A-F]{4,6})\s*#/.exec(line);
	if (m) mirror.set(parseInt(m[1], 16), parseInt(m[2], 16));
}
if (mirror.size === 0) fail('BidiMirroring.txt: no mappings');

const pairs = []; // [opening, closing, name]
const closings = new Set();
for (const [cp, {name, gc}] of chars) {
	if ((gc !== 'Ps' && gc !== 'Pe') || !mirror.has(cp)) continue;
	const other = mirror.get(cp);
	if (mirror.get(other) !== cp) fail(`U+${cp.toString(16)}: its mirroring glyph does not mirror back`);
	if (chars.get(other)?.gc !== (gc === 'Ps' ? 'Pe' : 'Ps')) fail(`U+${cp.toString(16)}: its mirroring glyph is not the other kind of bracket`);
	if (gc === 'Ps') pairs.push([cp, other, name]);
	else closings.add(cp);
}
if (closings.size !== pairs.length || pairs.some(([, c]) => !closings.has(c))) fail('openings and closings do not pair up');
if (pairs.some(([o, c]) => o > 0xffff || c > 0xffff)) fail('an astral bracket: bidi/classes.ts looks brackets up by code unit');

const canonical = []; // [bracket, canonical equivalent]
const isBracket = (cp) => pairs.some(([o, c]) => o === cp || c === cp);
for (const [cp, {decomposition}] of chars) {
	if (!isBracket(cp) || !/^[0-9A-F]{4,6}$/.test(decomposition)) continue; // no <tag>: canonical, one code point
	const target = parseInt(decomposition, 16);
	if (!isBracket(target)) fail(`U+${cp.toString(16)}: canonically equivalent to a non-bracket`);
	canonical.push([cp, target]);
}

// ---- output ----------------------------------------------------------------------------

const hex = (n) => `0x${n.toString(16).toUpperCase().padStart(4, '0')}`;
const out = `// Generated by scripts/gen/bidi-classes.mjs from UnicodeData-${UNICODE_VERSION}.txt and BidiMirroring-${UNICODE_VERSION}.txt.
// Do not edit; regenerate with: npm run gen

/** The bidi class of letter 'A' + k in BIDI_CLASS_RUNS is BIDI_CLASS_NAMES[k]. */
export const BIDI_CLASS_NAMES = [${NAMES.map((n) => `'${n}'`).join(', ')}] as const;

/**
 * Bidi_Class of every code point U+0000..U+10FFFF, Unicode ${UNICODE_VERSION}, unassigned code points
 * at their DerivedBidiClass.txt defaults: ${runCount} runs of one class (${bmpRuns} start in the BMP),
 * in code point order. A run is a class letter ('A' + k) followed by its length − 1 in base 36
 * (digits 0–9a–z), or by nothing for a length of 1.
 */
export const BIDI_CLASS_RUNS =
${lines.map((l) => `\t'${l}'`).join(' +\n')};

/**
 * Paired brackets (UAX #9 BD14, BD15; Bidi_Paired_Bracket): General_Category Ps (opening) or
 * Pe (closing) with a Bidi_Mirroring_Glyph, which is the other bracket of the pair.
 * ${pairs.length} pairs as (opening, closing), all in the BMP.
 */
export const BIDI_BRACKET_PAIRS: readonly number[] = [
${pairs.map(([o, c, name]) => `\t${hex(o)}, ${hex(c)}, // ${name}`).join('\n')}
];

/** (bracket, its canonical equivalent) from the canonical decompositions: BD16 matches brackets up to these. */
export const BIDI_BRACKET_CANONICAL: readonly number[] = [
${canonical.map(([a, b]) => `\t${hex(a)}, ${hex(b)}, // ${chars.get(a).name}`).join('\n')}
];
`;
/** The file this generator writes (scripts/gen/ucd.mjs). */
export function generate() {
	return [
		{
			path: OUT_FILE,
			text: out,
			summary: `${runCount} class runs (${bmpRuns} in the BMP), ${pairs.length} bracket pairs, ${canonical.length} canonical equivalents, ${out.length} bytes`,
		},
	];
}

writeWhenMain(import.meta.url, generate);
