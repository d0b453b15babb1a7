// Blocks → an Article: the rules markdown.ts applies to a Markdown text,
// applied to the blocks of a web page, so that a page and its Markdown twin
// have the same sections.
//
// Logic (as in markdown.ts):
// 1. A first block that is the article's only H1 is its title heading: it is
//    not repeated as a section (the page's own title, when known, wins, as
//    front matter does in Markdown).
// 2. The lead (blocks before the first section heading) is section 1 and
//    carries the article's title; then one section per heading of the
//    highest level present. An empty lead is dropped when sections follow.
// 3. A section's size is the UTF-16 units of its text (a page has no
//    Markdown source to measure); its words, minutes and direction are counted
//    from its text, as for Markdown.
// 4. The article's direction: an explicit `dir` (the page's), else its
//    language's, else most of its letters', else left to right.

import {type Article, type Block, type Direction, type Inline, type Section} from '../../model/article.js';
import {forEachLeafBlock} from '../../model/walk.js';
import {directionOfCounts, directionOfLang} from '../direction.js';
import {readingMinutes} from '../reading-time.js';
import {closeBidi, stripControls} from '../sanitize.js';
import {textStats} from '../text-stats.js';

export interface ArticleFacts {
	/** The page's title ('' when it has none: then the H1, else the fallback). */
	readonly title: string;
	readonly fallbackTitle: string;
	readonly meta: Readonly<Record<string, string>>;
	readonly lang: string;
	/** The page's explicit direction, if it has one. */
	readonly dir: Direction | undefined;
}

type HeadingBlock = Extract<Block, {kind: 'heading'}>;

/** Plain text of inline content (hard breaks as spaces). */
export function inlinePlain(inline: Inline): string {
	let text = '';
	for (const span of inline) text += span.text;
	return text.replace(/\u2028/g, ' ').trim();
}

/** Plain text of blocks, one paragraph per line. */
export function blocksPlain(blocks: readonly Block[]): string {
	const out: string[] = [];
	forEachLeafBlock(blocks, (block) => {
		if (block.kind === 'paragraph' || block.kind === 'heading') out.push(inlinePlain(block.inline));
		else if (block.kind === 'code') out.push(block.text);
		else if (block.kind === 'table') out.push([...block.header, ...block.rows.flat()].map(inlinePlain).join(' '));
	});
	return out.join('\n');
}

/** The Article of a page's blocks (Logic 1–4). */
export function articleOfBlocks(blocks: readonly Block[], facts: ArticleFacts): Article {
	let from = 0;
	let titleHeading: HeadingBlock | undefined;
	const first = blocks[0];
	if (first?.kind === 'heading' && first.level === 1 && blocks.filter((b) => b.kind === 'heading' && b.level === 1).length === 1) {
		titleHeading = first;
		from = 1;
	}
	let top = Infinity;
	for (let i = from; i < blocks.length; i++) {
		const block = blocks[i];
		if (block?.kind === 'heading') top = Math.min(top, block.level);
	}
	const groups: {heading: HeadingBlock | undefined; blocks: Block[]}[] = [{heading: undefined, blocks: []}];
	for (let i = from; i < blocks.length; i++) {
		const block = blocks[i];
		if (!block) continue;
		if (block.kind === 'heading' && block.level === top) groups.push({heading: block, blocks: []});
		else groups[groups.length - 1]?.blocks.push(block);
	}
	const parts = groups.length > 1 && groups[0]?.blocks.length === 0 ? groups.slice(1) : groups;

	let title = facts.title.trim();
	if (!title && titleHeading) title = inlinePlain(titleHeading.inline);
	title = closeBidi(stripControls(title || facts.fallbackTitle || 'Untitled'));

	const texts = parts.map((part) => ({heading: part.heading ? closeBidi(inlinePlain(part.heading.inline)) : title, body: blocksPlain(part.blocks)}));
	let rtlLetters = 0;
	let ltrLetters = 0;
	const stats = texts.map(({heading, body}) => {
		const b = textStats(body);
		const h = textStats(heading);
		rtlLetters += b.rtlLetters + h.rtlLetters;
		ltrLetters += b.ltrLetters + h.ltrLetters;
		return {words: b.words, rtlLetters: b.rtlLetters + h.rtlLetters, ltrLetters: b.ltrLetters + h.ltrLetters};
	});
	const dir: Direction = facts.dir ?? directionOfLang(facts.lang) ?? directionOfCounts({rtlLetters, ltrLetters}) ?? 'ltr';
	const sections: Section[] = parts.map((part, i) => {
		const s = stats[i] ?? {words: 0, rtlLetters: 0, ltrLetters: 0};
		const text = texts[i] ?? {heading: title, body: ''};
		return {
			index: i + 1,
			title: text.heading,
			level: part.heading?.level ?? 0,
			size: text.heading.length + 1 + text.body.length,
			blocks: part.blocks,
			words: s.words,
			minutes: readingMinutes(s.words, facts.lang),
			direction: directionOfCounts(s) ?? dir,
		};
	});
	return {title, meta: facts.meta, lang: facts.lang, dir, sections};
}
