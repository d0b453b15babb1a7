/**
Extended grapheme clusters (UAX #29 of Unicode 15.0, the version of all of src/text/data/),
from the generated table alone: no Intl.Segmenter, whose answers follow the running Node's ICU.

Logic:
1. One byte per code point (data/width-data.ts, decoded at load): bits 4–7 its grapheme break
   class (Grapheme_Cluster_Break, with Extended_Pictographic as a class of its own: no such code
   point has another class), bits 0–3 what width.ts needs. Code points below U+40000 (planes
   0–3: every script, the emoji, the CJK ideographs) are read from a direct table.
2. Most boundaries depend only on the classes of the two code points around them (GB3–GB9b,
   GB999): PAIR_RULES. Two rules look further back (CONTEXT):
   - GB11, ExtPict Extend* ZWJ × ExtPict: joinsEmojiSequence looks back from the ZWJ over
     Extend to a pictographic. Rare (a ZWJ before a pictographic), and short.
   - GB12/13, regional indicators pair up from the start of their run: a run breaks only
     between pairs, so a cluster that starts at a boundary holds at most one pair, and a scan
     that starts at a boundary knows by one flag per cluster whether its pair is complete.
3. Unicode 15.0 has no GB9c (Indic conjuncts, Unicode 15.1): क्ष is two clusters here, one for
   Intl.Segmenter on a Node whose ICU has Unicode 15.1 or later.
*/
import {outOfRange} from './checked.js';
import {decodeRuns, runValue} from './data/decode.js';
import {WIDTH_PALETTE, WIDTH_RUNS} from './data/width-data.js';
import {isHighSurrogate, isLowSurrogate, pairCodePoint} from './utf16.js';

// Grapheme break classes: the high nibble of a table byte (scripts/gen/width.mjs CLASSES).
export const OTHER = 0;
export const EXTEND = 1;
export const ZWJ = 2;
export const CONTROL = 3;
export const CR = 4;
export const LF = 5;
export const PREPEND = 6;
export const REGIONAL = 7;
export const PICTOGRAPHIC = 8; // Extended_Pictographic
export const SPACING_MARK = 9;
export const HANGUL_L = 10;
export const HANGUL_V = 11;
export const HANGUL_T = 12;
export const HANGUL_LV = 13;
export const HANGUL_LVT = 14;

/** PAIR_RULES values. */
export const BREAK = 0;
export const JOIN = 1;
export const CONTEXT = 2;

function decidePair(previous: number, next: number): number {
	if (previous === CR && next === LF) {
		return JOIN; // GB3
	}

	if (previous === CONTROL || previous === CR || previous === LF || next === CONTROL || next === CR || next === LF) {
		return BREAK; // GB4, GB5
	}

	if (previous === HANGUL_L && (next === HANGUL_L || next === HANGUL_V || next === HANGUL_LV || next === HANGUL_LVT)) {
		return JOIN; // GB6
	}

	if ((previous === HANGUL_LV || previous === HANGUL_V) && (next === HANGUL_V || next === HANGUL_T)) {
		return JOIN; // GB7
	}

	if ((previous === HANGUL_LVT || previous === HANGUL_T) && next === HANGUL_T) {
		return JOIN; // GB8
	}

	if (next === EXTEND || next === ZWJ || next === SPACING_MARK || previous === PREPEND) {
		return JOIN; // GB9, GB9a, GB9b
	}

	if ((previous === ZWJ && next === PICTOGRAPHIC) || (previous === REGIONAL && next === REGIONAL)) {
		return CONTEXT; // GB11, GB12/13 (Logic 2)
	}

	return BREAK; // GB999
}

/** The decision between two adjacent code points of classes `previous` and `next`, at index `previous * 16 + next`. */
export const PAIR_RULES = buildPairRules();

function buildPairRules(): Uint8Array {
	const rules = new Uint8Array(256);
	for (let previous = 0; previous < 16; previous++) {
		for (let next = 0; next < 16; next++) {
			rules[previous * 16 + next] = decidePair(previous, next);
		}
	}

	return rules;
}

/** Code points below this are read from a direct table, not the runs (Logic 1). */
const INFO_DIRECT = 0x4_00_00;
const infoRuns = decodeRuns(WIDTH_RUNS, INFO_DIRECT, WIDTH_PALETTE);

/**
Packed properties of a code point: bits 0–1 its width alone, bits 2–3 the width it adds after
the first visible code point of a cluster, bits 4–7 its grapheme break class.
*/
export function codePointInfo(codePoint: number): number {
	return runValue(infoRuns, codePoint);
}

/** GB11 for the ZWJ at `zwj`, followed by a pictographic: does ExtPict Extend* come right before it? */
export function joinsEmojiSequence(text: string, zwj: number): boolean {
	let index = zwj;
	while (index > 0) {
		let codePoint = text.charCodeAt(--index);
		if (isLowSurrogate(codePoint) && index > 0) {
			const high = text.charCodeAt(index - 1);
			if (isHighSurrogate(high)) {
				codePoint = pairCodePoint(high, codePoint);
				index--;
			}
		}

		const kind = codePointInfo(codePoint) >> 4;
		if (kind !== EXTEND) {
			return kind === PICTOGRAPHIC;
		}
	}

	return false;
}

/**
The end (UTF-16 offset) of the extended grapheme cluster that starts at `start`, which must be
a boundary (0, or an end this returned). The plain statement of the rules; width.ts's scan
makes the same decisions with widths on the side (test/grapheme.test.ts checks both against
GraphemeBreakTest-15.0.0.txt).
*/
export function clusterEnd(text: string, start: number): number {
	const length = text.length;
	if (start >= length) {
		return length;
	}

	let codePoint = text.codePointAt(start) ?? outOfRange();
	let end = start + (codePoint > 0xff_ff ? 2 : 1);
	let previous = codePointInfo(codePoint) >> 4;
	let pairedRegional = false;
	while (end < length) {
		codePoint = text.codePointAt(end) ?? outOfRange();
		const next = codePointInfo(codePoint) >> 4;
		const rule = PAIR_RULES[previous * 16 + next];
		if (rule === BREAK) {
			break;
		}

		if (rule === CONTEXT) {
			if (previous === ZWJ ? !joinsEmojiSequence(text, end - 1) : pairedRegional) {
				break;
			}

			pairedRegional ||= previous === REGIONAL;
		}

		previous = next;
		end += codePoint > 0xff_ff ? 2 : 1;
	}

	return end;
}
