// Words and strong letters of a text: sections need both (word count,
// reading time, direction), over the whole article.
//
// Logic:
// 1. A word is a run of non-space characters (\s) holding at least one letter
//    (\p{L}) or digit (\p{N}); letters are right to left in the blocks of
//    rtlLetter, left to right otherwise. Code points are counted, a lone
//    surrogate as a non-space character that is neither.
// 2. The first NATIVE_BUDGET units a process counts (a whole short article)
//    are counted by regular expressions, in native code: at start-up V8's
//    interpreter runs the loop below two to three times slower. The rest by
//    the loop, in one pass that V8 compiles once it is hot, with no string
//    made per word: over a long book it is the faster of the two. A property
//    test checks that the two agree.

import {isHighSurrogate, isLowSurrogate} from '../text/utf16.js';

export interface TextStats {
	/** Runs of non-space characters holding at least one letter or digit. */
	readonly words: number;
	/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, … and their presentation forms). */
	readonly rtlLetters: number;
	/** All other letters. */
	readonly ltrLetters: number;
}

const SPACE = 1;
const WORDY = 2; // a letter or a digit
const LETTER = 4;
const RTL = 8;
const KNOWN = 16;

// Strong right-to-left letters; every other letter counts as left to right.
const rtlLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const space = /^[\s\u2028]$/u;
const letter = /^\p{L}$/u;
const digit = /^\p{N}$/u;

/** Kind bits per BMP code unit, filled on first sight; 0 = not looked up yet. */
const kinds = new Uint8Array(0x10000);

function kindOf(ch: string): number {
	if (space.test(ch)) return KNOWN | SPACE;
	if (letter.test(ch)) return KNOWN | WORDY | LETTER | (rtlLetter.test(ch) ? RTL : 0);
	return KNOWN | (digit.test(ch) ? WORDY : 0);
}

/** How many UTF-16 units a process counts by regular expressions (Logic 2). */
export const NATIVE_BUDGET = 0x1_00_00;
let nativeBudget = NATIVE_BUDGET;

// Logic 2: a word from its first character to the end of its run (so each run with a letter
// or a digit matches once); what is not a letter; what is not a right-to-left letter; what is
// not a high surrogate (a letter outside the BMP is two units, one of them high).
const wordRun = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;
const notLetters = /\P{L}+/gu;
const notRtlLetters = /[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]+/gu;
const notHighSurrogates = /[^\ud800-\udbff]+/g;

/** Code points of a string whose surrogates are all in pairs. */
function codePoints(text: string): number {
	return text.length - text.replace(notHighSurrogates, '').length;
}

/** Words and letters of `text` (Logic 1–2). */
export function textStats(text: string): TextStats {
	if (text.length > nativeBudget) return longTextStats(text);
	nativeBudget -= text.length;
	return shortTextStats(text);
}

/** textStats by regular expressions (Logic 2); exported for the test that compares the two ways. */
export function shortTextStats(text: string): TextStats {
	const letters = text.replace(notLetters, '');
	const rtl = codePoints(letters.replace(notRtlLetters, ''));
	return {words: text.split(wordRun).length - 1, rtlLetters: rtl, ltrLetters: codePoints(letters) - rtl};
}

/** textStats by one loop over the text (Logic 2). */
export function longTextStats(text: string): TextStats {
	let words = 0;
	let rtl = 0;
	let ltr = 0;
	let inWord = false;
	let counted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		let kind: number;
		if (isHighSurrogate(c) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
			kind = kindOf(text.slice(i, i + 2));
			i++;
		} else {
			kind = kinds[c] ?? 0;
			if (kind === 0) {
				kind = kindOf(String.fromCharCode(c));
				kinds[c] = kind;
			}
		}
		if (kind & SPACE) {
			inWord = false;
			continue;
		}
		if (!inWord) {
			inWord = true;
			counted = false;
		}
		if (kind & WORDY && !counted) {
			counted = true;
			words++;
		}
		if (kind & LETTER) {
			if (kind & RTL) rtl++;
			else ltr++;
		}
	}
	return {words, rtlLetters: rtl, ltrLetters: ltr};
}
