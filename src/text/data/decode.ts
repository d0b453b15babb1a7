/**
The one format of the generated per-code-point tables (bidi classes, joining types, widths and
grapheme classes) and its one decoder.

Logic:
1. A table gives every code point U+0000..U+10FFFF a small value. The generator
   (scripts/gen/ucd.mjs encodeRuns) writes it as runs of one value in code point order: a
   value letter (RUN_LETTERS[k] stands for value k, or for palette[k] when the table has a
   palette), then the run's length − 1 in base 36 (digits 0–9a–z), nothing for a length of 1.
   No value letter is a digit, a lowercase letter, a quote or a backslash.
2. decodeRuns fills a direct table for the code points below `directSize` (the BMP for most
   tables; more for the width table, whose astral emoji and ideographs are common in text) and
   keeps the runs from there on, which runValue searches by bisection: there are few, and most
   text has no astral character. Decoding is fills of typed arrays, run by run: it runs at
   every start of the CLI.
*/

import {outOfRange} from '../checked.js';

/** Value letters: index k stands for value k (or palette[k]). */
export const RUN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_{|}~';

const LAST_CODE_POINT = 0x10_ff_ff;

/** A decoded table: `direct[cp]` below `direct.length`, else the run of `starts` (ascending) that holds cp. */
export interface RunTable {
	readonly direct: Uint8Array;
	/** Where each run from `direct.length` on starts; the first is `direct.length`. */
	readonly starts: Int32Array;
	readonly values: Uint8Array;
}

/** Value letter → its index in RUN_LETTERS (−1: a length digit or not a letter), by char code below 128. */
const LETTER_INDEX = buildLetterIndex();

function buildLetterIndex(): Int8Array {
	const index = new Int8Array(128).fill(-1);
	for (let k = 0; k < RUN_LETTERS.length; k++) {
		index[RUN_LETTERS.charCodeAt(k)] = k;
	}

	return index;
}

/**
Decodes `runs` (Logic 1), mapping letter k to `palette[k]` when a palette is given. Throws when
the runs do not cover U+0000..U+10FFFF exactly: the tables are generated, so that is a build error.
*/
export function decodeRuns(runs: string, directSize: number, palette?: ArrayLike<number>): RunTable {
	const direct = new Uint8Array(directSize);
	// At most one run per character of `runs`.
	const starts = new Int32Array(runs.length + 1);
	const values = new Uint8Array(runs.length + 1);
	let far = 0;
	let codePoint = 0;
	let index = 0;
	const length = runs.length;
	// A value letter is a char code below 128 with an index in LETTER_INDEX; a length digit one
	// below 128 without. Tested inline: this loop runs at every start, mostly in V8's
	// interpreter, where a function call costs more than the test it makes.
	const letters = LETTER_INDEX;
	while (index < length) {
		const first = runs.charCodeAt(index++);
		const letter = first < 128 ? (letters[first] ?? outOfRange()) : -1;
		if (letter < 0) {
			throw new Error(`decodeRuns: no value letter at offset ${index - 1}`);
		}

		const value = palette === undefined ? letter : (palette[letter] ?? outOfRange());
		let extra = 0;
		for (let code = runs.charCodeAt(index); index < length && code < 128 && (letters[code] ?? outOfRange()) < 0; code = runs.charCodeAt(++index)) {
			extra = extra * 36 + (code <= 0x39 ? code - 0x30 : code - 0x57); // 0–9, a–z
		}

		const end = codePoint + extra + 1;
		if (codePoint < directSize) {
			direct.fill(value, codePoint, Math.min(end, directSize));
		}

		if (end > directSize) {
			starts[far] = Math.max(codePoint, directSize);
			values[far++] = value;
		}

		codePoint = end;
	}

	if (codePoint !== LAST_CODE_POINT + 1) {
		throw new Error('decodeRuns: the runs do not cover U+0000..U+10FFFF');
	}

	return {direct, starts: starts.slice(0, far), values: values.slice(0, far)};
}

/** The value of a code point at or above `table.direct.length` (callers read `direct` themselves below it). */
export function farValue(table: RunTable, codePoint: number): number {
	const {starts} = table;
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((starts[middle] ?? outOfRange()) <= codePoint) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return table.values[low] ?? outOfRange();
}

/** The value of any code point. */
export function runValue(table: RunTable, codePoint: number): number {
	return codePoint < table.direct.length ? (table.direct[codePoint] ?? outOfRange()) : farValue(table, codePoint);
}
