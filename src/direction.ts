// Direction of text from its language or its letters.

import {type Direction} from './article.js';

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Direction a BCP 47 tag implies (script subtag first: `az-Arab` is RTL), or undefined. */
export function directionOfLang(lang: string): Direction | undefined {
	const tag = lang.trim().toLowerCase();
	if (!tag) return undefined;
	const parts = tag.split(/[-_]/);
	const script = parts.find((p) => p.length === 4);
	if (script) return ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg'].includes(script) ? 'rtl' : 'ltr';
	return rtlLanguages.has(parts[0] ?? '') ? 'rtl' : 'ltr';
}

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
// Mandaic and their presentation forms. Everything else that is a letter counts
// as left-to-right.
const rtlLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Letter kind per BMP code point: 0 = not looked up yet, 1 = not a letter, 2 = RTL letter, 3 = other letter. */
const letterKinds = new Uint8Array(0x10000);
const letterPattern = /^\p{L}$/u;

function letterKind(ch: string): number {
	return letterPattern.test(ch) ? (rtlLetter.test(ch) ? 2 : 3) : 1;
}

/** Direction of the majority of strong letters, or undefined when there are none or a tie. */
export function majorityDirection(text: string): Direction | undefined {
	// One table lookup per code unit: this runs over every section of an article.
	let rtl = 0;
	let ltr = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x41) continue; // no letter below 'A'
		let kind: number;
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d < 0xdc00 || d > 0xdfff) continue;
			kind = letterKind(text.slice(i, i + 2));
			i++;
		} else {
			kind = letterKinds[c] ?? 0;
			if (kind === 0) {
				kind = letterKind(String.fromCharCode(c));
				letterKinds[c] = kind;
			}
		}
		if (kind === 2) rtl++;
		else if (kind === 3) ltr++;
	}
	if (rtl === ltr) return undefined;
	return rtl > ltr ? 'rtl' : 'ltr';
}
