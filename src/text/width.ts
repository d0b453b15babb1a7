/**
Terminal cell widths of grapheme clusters as string-width 8 gives them, from the Unicode 15.0
tables of src/text/data/ (no Intl.Segmenter, no property regexes: nothing that follows the
running Node's ICU), at a fraction of string-width's cost; and the unit measure the line
breaker and the reordering read.

Logic:
1. string-width segments with Intl.Segmenter and runs several regexes on every cluster. That is
   slow, and follows whatever Unicode version the running ICU has. The line breaker measures
   every cluster, so we decide boundaries (grapheme.ts) and widths ourselves, from one table.
2. One byte per code point holds what both decisions need: its width alone, what it adds when
   it follows the first visible code point of a cluster, and its grapheme break class
   (grapheme.ts Logic 1; scripts/gen/width.mjs derives it from the Unicode data and says how).
3. The scan here makes grapheme.ts's decisions (the pair rules, and GB11 and GB12/13 by looking
   back) while it adds up widths, so each code point is read once.
4. For a cluster with no emoji, keycap, flag or Hangul jamo, string-width's answer reduces to
   its rule 5: the width of the first visible code point plus, for later code points, the width
   of spacing marks and halfwidth/fullwidth forms. Arabic letters with harakat, Hebrew with
   niqqud, Latin with combining marks all take that path. Other clusters get a straight port of
   string-width's rules, with the RGI emoji of Unicode 15.0 (data/width-data.ts lists the
   few that rule 5 would not make 2 wide). So a cluster can be wider than 2: कि is 2 (a
   spacing vowel sign adds a cell), ᄀᄀ하 is 4.
5. Lone surrogates are their own clusters of width 0 (UAX #29 gives them class Other: a mark
   joins one; string-width counts them invisible). Controls, tabs included, are 0: the layout
   expands tabs itself.
6. The scan reads each code point once: the one that ends a cluster (the pair rule says break)
   is carried over as the first of the next cluster, with its table byte.
7. The scan marks cluster starts and widths by code unit (measureUnits): the line breaker and
   the reordering walk the text, and read there whether a cluster starts and how wide it is,
   with no list of cluster offsets to follow (a load per cluster) and no second array of
   starts to build for the reordering. measureClusters packs the same into lists by cluster.
   A cluster that is one breakable space or U+2028 gets its own start mark (2 or 3), so the
   line breaker reads the marks and widths only, never the text.
8. Most code units of running text are code points of class Other (letters, digits, spaces,
   punctuation) followed by another such: each is a cluster of its own, as wide as it is
   alone (GB999; with Other before it only Extend and ZWJ join, GB9). A fast loop takes
   those with one lookup per unit in a BMP table (UNIT_FAST: width, start mark, and whether
   the unit may start such a cluster or continue the one before it) and leaves everything
   else (marks, ZWJ, controls, surrogates, Hangul, regional indicators…) to the full scan.
*/

import {outOfRange} from './checked.js';
import {decodeRuns} from './data/decode.js';
import {RGI_EMOJI_NARROW, WIDTH_PALETTE, WIDTH_RUNS} from './data/width-data.js';
import {
	BREAK,
	CONTEXT,
	EXTEND,
	HANGUL_L,
	HANGUL_T,
	HANGUL_V,
	OTHER,
	PAIR_RULES,
	PICTOGRAPHIC,
	REGIONAL,
	SPACING_MARK,
	ZWJ,
	codePointInfo,
	joinsEmojiSequence,
} from './grapheme.js';
import {isHighSurrogate, isLowSurrogate, pairCodePoint} from './utf16.js';

/** Classes whose presence in a multi-code-point cluster calls for string-width's emoji and Hangul rules. */
const NEEDS_FULL_RULES = (1 << REGIONAL) | (1 << PICTOGRAPHIC) | (1 << HANGUL_L) | (1 << HANGUL_V) | (1 << HANGUL_T);

/** RGI_EMOJI_NARROW as strings, made when first needed (Logic 4). */
let narrowRgiEmoji: Set<string> | undefined;
const unqualifiedKeycapRegex = /^[\d#*]\u20E3$/;

function isNarrowRgiEmoji(segment: string): boolean {
	narrowRgiEmoji ??= new Set(
		RGI_EMOJI_NARROW.split(' ').map((sequence) => String.fromCodePoint(...sequence.split('.').map((hex) => Number.parseInt(hex, 16)))),
	);
	return narrowRgiEmoji.has(segment);
}

function isKeycapBase(codePoint: number): boolean {
	return (codePoint >= 0x30 && codePoint <= 0x39) || codePoint === 0x23 || codePoint === 0x2a;
}

function isHangulLeadingJamo(codePoint: number): boolean {
	return (codePoint >= 0x11_00 && codePoint <= 0x11_5f) || (codePoint >= 0xa9_60 && codePoint <= 0xa9_7c);
}

function isHangulVowelJamo(codePoint: number): boolean {
	return (codePoint >= 0x11_60 && codePoint <= 0x11_a7) || (codePoint >= 0xd7_b0 && codePoint <= 0xd7_c6);
}

function isHangulTrailingJamo(codePoint: number): boolean {
	return (codePoint >= 0x11_a8 && codePoint <= 0x11_ff) || (codePoint >= 0xd7_cb && codePoint <= 0xd7_fb);
}

function isHangulJamo(codePoint: number): boolean {
	return isHangulLeadingJamo(codePoint) || isHangulVowelJamo(codePoint) || isHangulTrailingJamo(codePoint);
}

/** string-width's rules for one cluster, in its order. A width of a visible code point alone is its East Asian Width. */
function fullRulesWidth(segment: string): number {
	const codePoints: number[] = [];
	for (const character of segment) {
		codePoints.push(character.codePointAt(0) ?? outOfRange());
	}

	let first = 0;
	while (first < codePoints.length && (codePointInfo(codePoints[first] ?? outOfRange()) & 3) === 0) {
		first++;
	}

	if (first === codePoints.length) {
		return 0;
	}

	// An RGI emoji whose first code point is wide is 2 by rule 5 below too.
	if (isNarrowRgiEmoji(segment) || isDoubleWidthNonRgiEmojiSequence(segment, codePoints)) {
		return 2;
	}

	const base = codePoints[first] ?? outOfRange();
	if (isHangulJamo(base)) {
		return hangulWidth(codePoints.slice(first).filter((codePoint) => (codePointInfo(codePoint) & 3) !== 0));
	}

	let width = codePointInfo(base) & 3;
	for (let index = first + 1; index < codePoints.length; index++) {
		width += (codePointInfo(codePoints[index] ?? outOfRange()) >> 2) & 3;
	}

	return width;
}

function isDoubleWidthNonRgiEmojiSequence(segment: string, codePoints: readonly number[]): boolean {
	if (segment.length > 50) {
		return false;
	}

	if (unqualifiedKeycapRegex.test(segment)) {
		return true;
	}

	if (!segment.includes('\u200D')) {
		return false;
	}

	let pictographics = 0;
	for (const codePoint of codePoints) {
		if (codePointInfo(codePoint) >> 4 === PICTOGRAPHIC) {
			pictographics++;
		}
	}

	return pictographics >= 2;
}

/** Modern L+V(+T) jamo make one two-cell syllable; unmatched jamo stay additive (string-width rule 4). */
function hangulWidth(visible: readonly number[]): number {
	let width = 0;
	for (let index = 0; index < visible.length; index++) {
		const codePoint = visible[index] ?? outOfRange();
		if (!isHangulJamo(codePoint)) {
			for (let remaining = index; remaining < visible.length; remaining++) {
				width += codePointInfo(visible[remaining] ?? outOfRange()) & 3;
			}

			return width;
		}

		// Past the end there is no next jamo: a code point of 0 is none.
		if (isHangulLeadingJamo(codePoint) && isHangulVowelJamo(visible[index + 1] ?? 0)) {
			width += 2;
			index += isHangulTrailingJamo(visible[index + 2] ?? 0) ? 2 : 1;
			continue;
		}

		width += codePointInfo(codePoint) & 3;
	}

	return width;
}

/** Cluster boundaries and widths, as parallel arrays; `count` clusters. */
export interface Measure {
	/** Start offset (UTF-16) of each cluster, then the text's length: `count + 1` entries are valid. */
	starts: Uint32Array;
	/** Width in cells of each cluster: `count` entries are valid. Saturates at 255 (a cluster that wide needs thousands of spacing marks). */
	widths: Uint8Array;
	count: number;
}

/**
Cluster boundaries and widths indexed by code unit, for passes that walk the text itself (the
line breaker, the reordering): no index from clusters to code units to follow.
*/
export interface UnitMeasure {
	/**
	Nonzero at each code unit where a cluster starts, else 0; entry `text.length` is 1 too:
	`text.length + 1` entries are valid. For the line breaker (wrap.ts), a cluster that is one
	breakable space (isBreakSpace) is marked BREAK_SPACE_START (2) and a U+2028 (always a cluster
	of its own) FORCED_BREAK_START (3); any other is CLUSTER_START (1).
	*/
	starts: Uint8Array;
	/** At a cluster's first code unit its width in cells (saturating at 255, as Measure's), 0 at the others: `text.length` entries are valid. */
	widths: Uint8Array;
	/** Number of clusters. */
	count: number;
}

/** The breakable spaces, listed (isBreakSpace tests them by range; width.test.ts checks the two agree). */
export const BREAK_SPACES: readonly number[] = [
	0x20, 0x16_80, 0x20_00, 0x20_01, 0x20_02, 0x20_03, 0x20_04, 0x20_05, 0x20_06, 0x20_08, 0x20_09, 0x20_0a, 0x20_0b, 0x20_5f, 0x30_00,
];

/** Breakable spaces (wrap.ts): a line may end after them and they hang. NBSP-like spaces are not here. */
export function isBreakSpace(code: number): boolean {
	return (
		code === 0x20 ||
		(code >= 0x16_80 &&
			(code === 0x20_0b ||
				code === 0x16_80 ||
				(code >= 0x20_00 && code <= 0x20_06) ||
				(code >= 0x20_08 && code <= 0x20_0a) ||
				code === 0x20_5f ||
				code === 0x30_00))
	);
}

/** UnitMeasure.starts values (Logic 8). */
export const CLUSTER_START = 1;
export const BREAK_SPACE_START = 2;
export const FORCED_BREAK_START = 3;
const LINE_SEPARATOR = 0x20_28;

// Per BMP code unit, for scanClusters (Logic 8): bits 0–1 its width alone (as codePointInfo gives it),
// bits 2–3 the UnitMeasure.starts mark of a cluster of this unit alone, ALONE when it is a code
// point of class Other (not a surrogate), JOINS_PREVIOUS when a cluster may continue with it
// (Extend, SpacingMark, ZWJ, or a high surrogate, which may start an astral one).
const ALONE = 0x40;
const JOINS_PREVIOUS = 0x80;
const UNIT_FAST = buildUnitFast();

/** The UNIT_FAST bits of a code point with table byte `info`, before the fixes of buildUnitFast. */
function unitFastBits(info: number): number {
	const kind = info >> 4;
	let bits = (info & 3) | (CLUSTER_START << 2);
	if (kind === OTHER) bits |= ALONE;
	if (kind === EXTEND || kind === SPACING_MARK || kind === ZWJ) bits |= JOINS_PREVIOUS;
	return bits;
}

function buildUnitFast(): Uint8Array {
	// The width table's runs decoded again, to these bits: fills by run, not a loop by unit (this runs at every start).
	const table = decodeRuns(WIDTH_RUNS, 0x1_00_00, WIDTH_PALETTE.map(unitFastBits)).direct;

	// Surrogates are never a code point alone; a high one may start an astral cluster.
	for (let unit = 0xd8_00; unit <= 0xdf_ff; unit++) {
		table[unit] = ((table[unit] ?? outOfRange()) & ~ALONE) | (unit <= 0xdb_ff ? JOINS_PREVIOUS : 0);
	}

	// Break spaces and the line separator mark their clusters as such. (From the list: a loop
	// testing every unit up to U+3000 cost milliseconds of each start.)
	for (const unit of BREAK_SPACES) {
		table[unit] = ((table[unit] ?? outOfRange()) & ~0x0c) | (BREAK_SPACE_START << 2);
	}

	table[LINE_SEPARATOR] = ((table[LINE_SEPARATOR] ?? outOfRange()) & ~0x0c) | (FORCED_BREAK_START << 2);
	return table;
}

/**
Walks `text` cluster by cluster. With `out`, marks each cluster's start and writes its width
there (its arrays must hold `text.length + 1` entries and be 0 where no cluster starts) and
returns the number of clusters; without, returns the total width. One function for both keeps
the hot loop in one place.
*/
function scanClusters(text: string, out: UnitMeasure | undefined): number {
	const length = text.length;
	let total = 0;
	let count = 0;
	let start = 0;
	// The code point after a cluster was read to find where the cluster ends; it starts the
	// next cluster, so it is not read again: its info (-1 = not read), code point and end.
	let knownInfo = -1;
	let knownCodePoint = 0;
	let knownEnd = 0;
	const fast = UNIT_FAST;
	const starts = out?.starts;
	const widths = out?.widths;
	while (start < length) {
		// Fast path (Logic 8): a BMP code point of class Other is a cluster of its own, as wide
		// as it is alone, unless what follows may join it (GB9 Extend/ZWJ, or an astral character).
		let unit = fast[text.charCodeAt(start)] ?? outOfRange();
		if ((unit & ALONE) !== 0) {
			const from = start;
			while ((unit & ALONE) !== 0) {
				const next = start + 1;
				const nextUnit = next < length ? (fast[text.charCodeAt(next)] ?? outOfRange()) : 0;
				if ((nextUnit & JOINS_PREVIOUS) !== 0) {
					break;
				}

				if (starts === undefined || widths === undefined) {
					total += unit & 3;
				} else {
					starts[start] = (unit >> 2) & 3;
					widths[start] = unit & 3;
					count++;
				}

				start = next;
				unit = nextUnit;
			}

			if (start !== from) {
				knownInfo = -1;
				if (start === length) {
					break;
				}
			}
		}

		let codePoint: number;
		let end: number;
		let info: number;
		if (knownInfo >= 0) {
			codePoint = knownCodePoint;
			end = knownEnd;
			info = knownInfo;
			knownInfo = -1;
		} else {
			codePoint = text.charCodeAt(start);
			end = start + 1;
			if (isHighSurrogate(codePoint) && end < length) {
				const low = text.charCodeAt(end);
				if (isLowSurrogate(low)) {
					codePoint = pairCodePoint(codePoint, low);
					end++;
				}
			}

			info = codePointInfo(codePoint);
		}

		let previous = info >> 4;
		let width = info & 3;
		let visible = width !== 0;
		let joined = false;
		let fullRules = false;
		let pairedRegional = false;
		while (end < length) {
			let next = text.charCodeAt(end);
			let size = 1;
			if (isHighSurrogate(next) && end + 1 < length) {
				const low = text.charCodeAt(end + 1);
				if (isLowSurrogate(low)) {
					next = pairCodePoint(next, low);
					size = 2;
				}
			}

			const nextInfo = codePointInfo(next);
			const nextClass = nextInfo >> 4;
			const rule = PAIR_RULES[previous * 16 + nextClass];
			// GB11 and GB12/13 look back (grapheme.ts Logic 2).
			if (rule === BREAK || (rule === CONTEXT && (previous === ZWJ ? !joinsEmojiSequence(text, end - 1) : pairedRegional))) {
				knownInfo = nextInfo;
				knownCodePoint = next;
				knownEnd = end + size;
				break;
			}

			if (previous === REGIONAL) {
				pairedRegional = true;
			}

			if (visible) {
				width += (nextInfo >> 2) & 3;
			} else if ((nextInfo & 3) !== 0) {
				width = nextInfo & 3;
				visible = true;
			}

			if (!joined) {
				joined = true;
				fullRules = isKeycapBase(codePoint) || ((NEEDS_FULL_RULES >> previous) & 1) !== 0;
			}

			if (((NEEDS_FULL_RULES >> nextClass) & 1) !== 0) {
				fullRules = true;
			}

			previous = nextClass;
			end += size;
		}

		if (fullRules) {
			width = fullRulesWidth(text.slice(start, end));
		}

		if (out === undefined) {
			total += width;
		} else {
			out.starts[start] = end === start + 1 ? ((fast[codePoint] ?? outOfRange()) >> 2) & 3 : CLUSTER_START;
			out.widths[start] = Math.min(width, 255);
			count++;
		}

		start = end;
	}

	if (out !== undefined) {
		out.starts[length] = CLUSTER_START;
		out.count = count;
		return count;
	}

	return total;
}

/** Width of a whole string in terminal cells; equals `stringWidth(text)` for any text without ANSI escape codes (which it does not strip). */
export function textWidth(text: string): number {
	return scanClusters(text, undefined);
}

/**
Cluster boundaries and widths in one pass, indexed by code unit. Fills `starts` and `widths`
(`text.length + 1` and `text.length` entries, see UnitMeasure) and sets `count`. Pass the
previous result back as `into` to reuse its arrays; they grow as needed.
*/
export function measureUnits(text: string, into?: UnitMeasure): UnitMeasure {
	const length = text.length;
	const measure = into ?? {starts: new Uint8Array(length + 1), widths: new Uint8Array(length + 1), count: 0};
	if (measure.starts.length < length + 1 || measure.widths.length < length + 1) {
		const size = Math.max(length + 1, measure.starts.length * 2);
		measure.starts = new Uint8Array(size);
		measure.widths = new Uint8Array(size);
	}

	// The scan writes only where clusters start.
	measure.starts.fill(0, 0, length);
	measure.widths.fill(0, 0, length);
	scanClusters(text, measure);
	return measure;
}

/** measureUnits's scratch for measureClusters. */
let unitScratch: UnitMeasure = {starts: new Uint8Array(256), widths: new Uint8Array(256), count: 0};

/**
Cluster boundaries and widths in one pass, indexed by cluster. Fills `starts` (count + 1 entries,
the last being `text.length`) and `widths` (count entries) and sets `count`. Pass the previous
result back as `into` to reuse its arrays; they grow as needed.
*/
export function measureClusters(text: string, into?: Measure): Measure {
	const length = text.length;
	const measure = into ?? {starts: new Uint32Array(length + 1), widths: new Uint8Array(length), count: 0};
	if (measure.starts.length < length + 1) {
		measure.starts = new Uint32Array(Math.max(length + 1, measure.starts.length * 2));
	}

	if (measure.widths.length < length) {
		measure.widths = new Uint8Array(Math.max(length, measure.widths.length * 2));
	}

	const units = measureUnits(text, unitScratch);
	let count = 0;
	for (let index = 0; index < length; index++) {
		if (units.starts[index] !== 0) {
			measure.starts[count] = index;
			measure.widths[count] = units.widths[index] ?? outOfRange();
			count++;
		}
	}

	measure.starts[count] = length;
	measure.count = count;
	unitScratch = units.starts.length > 1 << 18 ? {starts: new Uint8Array(256), widths: new Uint8Array(256), count: 0} : units;
	return measure;
}

/** Extended grapheme cluster boundaries of `text` (UAX #29 of Unicode 15.0, grapheme.ts): the start offset (UTF-16) of each cluster, then `text.length`. */
export function clusterBoundaries(text: string): Uint32Array {
	const measure = measureClusters(text);
	return measure.starts.slice(0, measure.count + 1);
}
