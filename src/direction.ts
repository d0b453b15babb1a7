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

/** Direction of the majority of strong letters, or undefined when there are none or a tie. */
export function majorityDirection(text: string): Direction | undefined {
	let rtl = 0;
	let ltr = 0;
	for (const m of text.matchAll(/\p{L}/gu)) {
		if (rtlLetter.test(m[0])) rtl++;
		else ltr++;
	}
	if (rtl === ltr) return undefined;
	return rtl > ltr ? 'rtl' : 'ltr';
}
