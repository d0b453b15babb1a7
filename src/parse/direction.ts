// Direction of text from its language or its letters.
//
// Logic (the article's direction, issue 12):
// 1. Only prose counts (text/direction.ts countProse): code blocks, inline
//    code and links whose text is a URL do not. A block inside an HTML
//    wrapper that declares a direction (`<div dir="rtl">`) counts all its
//    letters for that direction: the author said which way it reads.
// 2. An article is RTL when at least RTL_SHARE of its prose letters are RTL.
//    Translated READMEs and docs keep product names, English link titles and
//    untranslated notes: in the 20 RTL documents of test/fixtures/real, RTL
//    letters are 31–98% of the prose; in the English ones that quote RTL
//    words, 0–24%.

import {type Block, type Direction} from '../model/article.js';
import {countLetters, countProse, type LetterCounts} from '../text/direction.js';
import {textStats} from './text-stats.js';

/** Share of RTL prose letters from which an article is RTL (Logic 2). */
export const RTL_SHARE = 0.3;

/** Adds the prose letters of blocks to `counts` (Logic 1); iterative, as nesting is unbounded. */
export function proseLetters(blocks: readonly Block[], counts: LetterCounts): LetterCounts {
	const stack: {readonly blocks: readonly Block[]; readonly dir: Direction | undefined}[] = [{blocks, dir: undefined}];
	const inline = (spans: Parameters<typeof countProse>[0], dir: Direction | undefined): void => {
		if (!dir) {
			countProse(spans, counts);
			return;
		}
		const own = countProse(spans, {rtl: 0, ltr: 0});
		counts[dir] += own.rtl + own.ltr;
	};
	for (let frame = stack.pop(); frame; frame = stack.pop()) {
		for (const block of frame.blocks) {
			const dir = ('dir' in block ? block.dir : undefined) ?? frame.dir;
			if (block.kind === 'paragraph' || block.kind === 'heading') inline(block.inline, dir);
			else if (block.kind === 'table') for (const cell of [...block.header, ...block.rows.flat()]) inline(cell, dir);
			else if (block.kind === 'quote') stack.push({blocks: block.blocks, dir});
			else if (block.kind === 'list') for (const item of block.items) stack.push({blocks: item, dir});
		}
	}
	return counts;
}

/** The article's direction from its prose letters (Logic 2), or undefined when it has none. */
export function articleDirection(counts: LetterCounts): Direction | undefined {
	const total = counts.rtl + counts.ltr;
	if (total === 0) return undefined;
	return counts.rtl >= RTL_SHARE * total ? 'rtl' : 'ltr';
}

/** A section's direction: its prose letters' and its title's, by the article's rule (a one-section article agrees with itself), else undefined. */
export function sectionDirection(prose: LetterCounts, title: string): Direction | undefined {
	return articleDirection(countLetters(title, {rtl: prose.rtl, ltr: prose.ltr}));
}

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
