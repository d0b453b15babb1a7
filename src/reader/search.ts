// Search: loose matching of a query against paragraph text, with ranges that
// point back into the original text so the layout can highlight them.
//
// Logic:
// 1. Both the text and the query are folded to one "search form", code point
//    by code point: marks readers leave out (Arabic harakat, dagger alef,
//    tatweel, Hebrew niqqud and cantillation) are dropped; letter variants
//    readers treat as one are folded (alef with hamza or madda → alef,
//    alef maqsura and Persian yeh → yeh, teh marbuta → heh, Persian keheh →
//    kaf); Latin and other cased scripts go to lower case; Arabic-Indic
//    digits go to ASCII digits; any run of white space is one space.
// 2. The folded text keeps, per code unit, the range of the original code
//    units it came from. A match [s, e) in the folded text maps back to
//    [from[s], to[e - 1]) in the original: the first and last original
//    characters it covers. Dropped marks between two folded characters fall
//    inside the range, so a highlight never splits a letter from its haraka.
// 3. The query may have been pasted from qari's own screen, where Arabic is
//    in presentation forms: it is unshaped first.

import {type Mark} from '../text/paragraph.js';
import {isBidiControl} from '../text/char-class.js';
import {unshapeArabic} from '../text/shape.js';
import {type RunStyle} from '../model/line.js';

/** A range [start, end) of code units in the original text. */
export interface Range {
	readonly start: number;
	readonly end: number;
}

/** Text in search form plus, per code unit, where it came from in the original. */
export interface Folded {
	readonly text: string;
	/** Original start index of the code point each folded code unit came from. */
	readonly from: Uint32Array;
	/** Original end index (exclusive) of that code point. */
	readonly to: Uint32Array;
}

const folds = new Map<number, string>([
	[0x0623, '\u0627'], // أ
	[0x0625, '\u0627'], // إ
	[0x0622, '\u0627'], // آ
	[0x0671, '\u0627'], // ٱ
	[0x0649, '\u064A'], // ى → ي
	[0x06cc, '\u064A'], // Persian ی → ي
	[0x0629, '\u0647'], // ة → ه
	[0x06a9, '\u0643'], // Persian ک → ك
]);

/** Code points a search ignores: they never decide whether two words match. */
export function isIgnored(code: number): boolean {
	if (code >= 0x064b && code <= 0x065f) return true; // harakat
	if (code === 0x0670 || code === 0x0640) return true; // dagger alef, tatweel
	if (code >= 0x0591 && code <= 0x05c7) return hebrewMark.test(String.fromCodePoint(code)); // niqqud, not maqaf/paseq/sof pasuq
	// Zero-width joiners and bidi controls are invisible.
	return code === 0x200c || code === 0x200d || code === 0xfeff || isBidiControl(code);
}

const hebrewMark = /^\p{Mn}$/u;
const space = /^\s$/u;

/** One code point in search form ('' = ignored). */
function foldCodePoint(code: number, ch: string): string {
	if (isIgnored(code)) return '';
	const folded = folds.get(code);
	if (folded !== undefined) return folded;
	if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(0x30 + code - 0x0660); // ٠–٩
	if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(0x30 + code - 0x06f0); // ۰–۹
	if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
	if (space.test(ch) || code === 0x2028) return ' ';
	return ch.toLowerCase();
}

/** Folds text to search form, keeping the map back to the original. */
export function foldText(text: string): Folded {
	const out: string[] = [];
	const from: number[] = [];
	const to: number[] = [];
	let lastSpace = true; // drops leading space and collapses runs
	for (let i = 0; i < text.length; ) {
		const code = text.codePointAt(i) ?? 0;
		const size = code > 0xffff ? 2 : 1;
		const ch = text.slice(i, i + size);
		const folded = foldCodePoint(code, ch);
		if (folded === ' ') {
			if (!lastSpace) {
				out.push(' ');
				from.push(i);
				to.push(i + size);
			}
			lastSpace = true;
		} else if (folded) {
			for (let k = 0; k < folded.length; k++) {
				from.push(i);
				to.push(i + size);
			}
			out.push(folded);
			lastSpace = false;
		} else if (to.length > 0 && !lastSpace) {
			// An ignored mark belongs to the character before it.
			to[to.length - 1] = i + size;
		}
		i += size;
	}
	return {text: out.join(''), from: Uint32Array.from(from), to: Uint32Array.from(to)};
}

/** A query in search form (unshaped, folded, trimmed). '' matches nothing. */
export function foldQuery(query: string): string {
	return foldText(unshapeArabic(query)).text.trim();
}

/** Every non-overlapping match of `needle` (a query in search form: foldQuery) in `text`, as ranges of the original text. */
export function findFolded(text: string, needle: string): Range[] {
	if (!needle) return [];
	const folded = foldText(text);
	const ranges: Range[] = [];
	let at = folded.text.indexOf(needle);
	while (at >= 0) {
		const end = at + needle.length;
		ranges.push({start: folded.from[at] ?? 0, end: folded.to[end - 1] ?? text.length});
		at = folded.text.indexOf(needle, end);
	}
	return ranges;
}

const matchStyle: RunStyle = {match: true};
const currentStyle: RunStyle = {match: true, current: true};

/**
 * A highlighter for the layout engine: marks every match in each paragraph,
 * counting them in layout order; the one numbered `current` gets the current
 * style. Layout calls it once per paragraph, in order, so a fresh highlighter
 * must be made for every layout.
 */
export function createHighlighter(query: string, current = -1): (text: string) => Mark[] {
	const needle = foldQuery(query);
	let seen = 0;
	return (text: string): Mark[] => {
		const marks = findFolded(text, needle).map((range) => {
			const style = seen === current ? currentStyle : matchStyle;
			seen++;
			return {start: range.start, end: range.end, style};
		});
		return marks;
	};
}
