// Words and strong letters of a text, counted in one pass: sections need
// both (word count, reading time, direction), over the whole article.

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

export function textStats(text: string): TextStats {
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
