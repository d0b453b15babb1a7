// Direction of text from its language or its letters.

import {type Direction} from '../model/article.js';
import {textStats} from './text-stats.js';

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

/** Direction of the majority of strong letters, or undefined when there are none or a tie. */
export function majorityDirection(text: string): Direction | undefined {
	return directionOfCounts(textStats(text));
}

/** The majority direction of letters counted by textStats. */
export function directionOfCounts(counts: {readonly rtlLetters: number; readonly ltrLetters: number}): Direction | undefined {
	if (counts.rtlLetters === counts.ltrLetters) return undefined;
	return counts.rtlLetters > counts.ltrLetters ? 'rtl' : 'ltr';
}
