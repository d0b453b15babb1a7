// Section planning: normalized text cut into parts, the lead and then one
// part per heading of the top level present, each lexed on first use.
//
// Logic:
// 1. From the outline (outline.ts finds the headings without lexing): the
//    text is cut at the headings' lines and each part is lexed only when its
//    content is asked for. If a heading line does not lex as one heading,
//    the outline is not trusted and the text is lexed whole (planWhole),
//    with the same result.
// 2. A leading H1 that is the article's only H1 is its title, not a part.
//    The other headings cut parts at the section level (sectionLevel): the
//    top level present, or deeper when the top level has a single heading.
// 3. blocksOf never throws: should lexing fail despite the limits, every
//    blank-line chunk is a plain paragraph.
// 4. An HTML block ends at a blank line (CommonMark), even inside a comment,
//    a <script> or a <style> it opened: the blocks after it are hidden up to
//    the comment's or element's end, and what follows that end in the same
//    block is lexed again. HTML wrappers' directions are read as the blocks
//    go by (html-direction.ts); a wrapper that centres (`<div align="center">`)
//    centres the paragraphs and headings inside it, HTML blocks too when it
//    centres both before and after them.
// 5. Footnotes (footnotes.ts) are shown at the end of the part that holds
//    their first reference: a rule, then the notes.

import {type Block, type Direction} from '../model/article.js';
import {type Note} from './footnotes.js';
import {HtmlScope} from './html-direction.js';
import {type Tokens} from 'marked';
import {lexSafely, splitChunks} from './marked-adapter.js';
import {type OutlineHeading} from './outline.js';
import {textStats, type TextStats} from './text-stats.js';
import {type LetterCounts} from '../text/direction.js';
import {proseLetters} from './direction.js';
import {blocksText, findCloser, htmlBlock, inlineText, plainInline, toBlock, tokenBlocks} from './tokens-to-blocks.js';

/**
 * One section's worth of text before the Article is made: a heading (none for
 * the lead) and its content, parsed on first use.
 */
export interface Part {
	/** The heading that opens the part; undefined for the lead. */
	readonly heading: HeadingBlock | undefined;
	/** UTF-16 units of Markdown source, heading line included. */
	readonly size: number;
	content(): PartContent;
}

export interface PartContent {
	readonly blocks: readonly Block[];
	/** Words and letters of the blocks (not the heading), counted on first call. */
	stats(): TextStats;
	/** Prose letters of the blocks (direction.ts proseLetters), counted on first call. */
	prose(): LetterCounts;
}

function contentOf(blocks: readonly Block[]): PartContent {
	let stats: TextStats | undefined;
	let prose: LetterCounts | undefined;
	return {blocks, stats: () => (stats ??= textStats(blocksText(blocks))), prose: () => (prose ??= proseLetters(blocks, {rtl: 0, ltr: 0}))};
}

export type HeadingBlock = Extract<Block, {kind: 'heading'}>;

export interface Plan {
	/** The leading H1 that is the article's title (and not a section). */
	readonly titleHeading: HeadingBlock | undefined;
	/** The lead (possibly empty), then one part per top-level heading. */
	readonly parts: readonly Part[];
}

/** The whole text lexed at once; parts over its blocks. */
export function planWhole(text: string, notes: readonly Note[] = []): Plan {
	const {blocks, sizes} = blocksOf(text);
	let from = 0;
	let titleHeading: HeadingBlock | undefined;
	const first = blocks[0];
	if (first?.kind === 'heading' && first.level === 1 && blocks.filter(isH1).length === 1) {
		titleHeading = first;
		from = 1;
	}
	const levels: number[] = [];
	for (let i = from; i < blocks.length; i++) {
		const block = blocks[i];
		if (block?.kind === 'heading') levels.push(block.level);
	}
	const top = sectionLevel(levels);
	const groups: {heading: HeadingBlock | undefined; size: number; blocks: Block[]; notes: Note[]}[] = [{heading: undefined, size: 0, blocks: [], notes: []}];
	// Each note goes to the group of the block its first reference is in (by source offset).
	let offset = 0;
	let note = 0;
	for (let i = 0; i < from; i++) offset += sizes[i] ?? 0;
	const takeNotes = (end: number): void => {
		for (; note < notes.length && (notes[note]?.at ?? 0) < end; note++) groups[groups.length - 1]?.notes.push(notes[note] as Note);
	};
	takeNotes(offset);
	for (let i = from; i < blocks.length; i++) {
		const block = blocks[i];
		if (!block) continue;
		if (block.kind === 'heading' && block.level <= top) groups.push({heading: block, size: 0, blocks: [], notes: []});
		else groups[groups.length - 1]?.blocks.push(block);
		const group = groups[groups.length - 1];
		if (group) group.size += sizes[i] ?? 0;
		offset += sizes[i] ?? 0;
		takeNotes(offset);
	}
	takeNotes(Infinity);
	return {
		titleHeading,
		parts: groups.map((group) => {
			const content = contentOf(group.notes.length ? [...group.blocks, ...noteBlocks(group.notes)] : group.blocks);
			return {heading: group.heading, size: group.size, content: () => content};
		}),
	};
}

/**
 * The deepest heading level that cuts the text into sections (issue 12, 12): the top
 * level present, unless it has only one heading and a deeper level has more: then
 * the next level down, and so on (one stray `##` among forty `###` would make a book
 * of two sections, the first of them most of the text). Every heading at or above
 * the level cuts. Infinity when there are no headings.
 */
export function sectionLevel(levels: readonly number[]): number {
	const count = [0, 0, 0, 0, 0, 0, 0];
	for (const level of levels) count[level] = (count[level] ?? 0) + 1;
	let level = 1;
	while (level <= 6 && !count[level]) level++;
	if (level > 6) return Infinity;
	let atOrAbove = count[level] ?? 0;
	for (let next = level + 1; next <= 6 && atOrAbove < 2; next++) {
		if (!count[next]) continue;
		level = next;
		atOrAbove += count[next] ?? 0;
	}
	return level;
}

/**
 * Parts cut at the outline's headings (outline.ts), each parsed on first use.
 * Undefined if a heading line does not lex as one heading (then the text is
 * parsed whole).
 */
export function planFromOutline(text: string, outline: readonly OutlineHeading[], notes: readonly Note[] = []): Plan | undefined {
	const firstContent = text.search(/[^ \t\n]/);
	let headings = outline;
	let titleHeading: HeadingBlock | undefined;
	let from = 0;
	const [first] = outline;
	const titled = first !== undefined && first.level === 1 && first.start <= firstContent && outline.filter((h) => h.level === 1).length === 1;
	if (titled) {
		headings = outline.slice(1);
		from = first.end;
	}
	const top = sectionLevel(headings.map((h) => h.level));
	const cuts = headings.filter((h) => h.level <= top);
	// Every heading line lexed in one go (a lexer per line costs more than the line).
	const lines = titled ? [first, ...cuts] : cuts;
	const lexed = headingsOf(lines.map((h) => text.slice(h.start, h.end)));
	if (!lexed) return undefined;
	if (titled) titleHeading = lexed.shift();

	const notesIn = (start: number, end: number): Note[] => notes.filter((n) => n.at >= start && n.at < end);
	const leadEnd = cuts[0]?.start ?? text.length;
	const parts: Part[] = [lazyPart(undefined, text.slice(from, leadEnd), leadEnd - from, notesIn(0, cuts[0] ? leadEnd : Infinity))];
	for (let i = 0; i < cuts.length; i++) {
		const cut = cuts[i];
		const heading = lexed[i];
		if (!cut || !heading) return undefined;
		const next = cuts[i + 1]?.start ?? text.length;
		parts.push(lazyPart(heading, text.slice(cut.end, next), next - cut.start, notesIn(cut.start, i + 1 < cuts.length ? next : Infinity)));
	}
	return {titleHeading, parts};
}

/**
 * The heading block of each line, lexed together with blank lines between them;
 * undefined unless every line is one heading (then the outline is not trusted).
 */
function headingsOf(lines: readonly string[]): HeadingBlock[] | undefined {
	if (lines.length === 0) return [];
	const {blocks} = blocksOf(lines.join('\n\n'));
	if (blocks.length !== lines.length) return undefined;
	const headings: HeadingBlock[] = [];
	for (const block of blocks) {
		if (block.kind !== 'heading') return undefined;
		headings.push(block);
	}
	return headings;
}

/** Nothing but spaces, tabs and newlines: a part with no content needs no lexer. */
const blank = /^[ \t\n]*$/;

function lazyPart(heading: HeadingBlock | undefined, source: string | undefined, size: number, notes: readonly Note[]): Part {
	let content: PartContent | undefined;
	return {
		heading,
		size,
		content(): PartContent {
			if (!content) {
				const {blocks} = source === undefined || blank.test(source) ? {blocks: []} : blocksOf(source);
				content = contentOf(notes.length ? [...blocks, ...noteBlocks(notes)] : blocks);
				source = undefined;
			}
			return content;
		},
	};
}

/** Blocks of normalized text, with the source units each accounts for (blank lines count with the block before). */
function blocksOf(text: string): {blocks: Block[]; sizes: number[]} {
	const blocks: Block[] = [];
	const sizes: number[] = [];
	let pending = 0;
	try {
		const scope = new HtmlScope();
		// The end of a comment, script or style sheet an HTML block left open (Logic 4).
		let hidden: string | undefined;
		const add = (block: Block | undefined, size: number): void => {
			if (block) {
				blocks.push(block);
				sizes.push(pending + size);
				pending = 0;
			} else if (sizes.length) sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + size;
			else pending += size;
		};
		for (const token of lexSafely(text)) {
			if (hidden) {
				const end = findCloser(token.raw, hidden, 0);
				if (end === -1) {
					add(undefined, token.raw.length);
					continue;
				}
				hidden = undefined;
				// What follows the end in the same token is lexed again (once: no hidden content in it is followed further).
				add(undefined, end);
				const after = token.raw.slice(end);
				const indent = after.length - after.replace(/^[ \t]+/, '').length;
				add(undefined, indent);
				for (const rest of lexSafely(after.slice(indent))) {
					const made = tokenBlocks(rest);
					if (!made.length) add(undefined, rest.raw.length);
					made.forEach((block, k) => {
						add(withAlign(withDir(block, scope.dir), scope.center), k === 0 ? rest.raw.length : 0);
					});
				}
				continue;
			}
			// An HTML wrapper's dir, lang or style declares the context of the blocks it holds.
			if (token.type === 'html') {
				const centred = scope.center;
				const dir = scope.read(token.raw);
				const center = centred && scope.center;
				const html = htmlBlock((token as Tokens.HTML).text);
				hidden = html.open;
				if (!html.blocks.length) add(undefined, token.raw.length);
				html.blocks.forEach((block, k) => {
					add(withAlign(withDir(block, dir), center), k === 0 ? token.raw.length : 0);
				});
			} else add(withAlign(withDir(toBlock(token), scope.dir), scope.center), token.raw.length);
		}
		return {blocks, sizes};
	} catch {
		// Not expected (nesting is limited before lexing), but content must
		// never make the parser throw: then every chunk is a plain paragraph.
		const chunks = splitChunks(text).flatMap((chunk): Block[] => {
			const inline = plainInline(chunk);
			return inline.length ? [{kind: 'paragraph', inline}] : [];
		});
		return {blocks: chunks, sizes: chunks.map(() => text.length / chunks.length)};
	}
}

/**
 * The plan with its title heading put back at the start of the lead: for an article whose
 * front matter names it otherwise, the H1 is text of its own (it is not lost).
 */
export function withTitleHeadingInLead(plan: Plan): Plan {
	const heading = plan.titleHeading;
	const [lead, ...rest] = plan.parts;
	if (!heading || !lead || lead.heading) return plan;
	let content: PartContent | undefined;
	const moved: Part = {
		heading: undefined,
		size: lead.size,
		content: () => (content ??= contentOf([heading, ...lead.content().blocks])),
	};
	return {titleHeading: undefined, parts: [moved, ...rest]};
}

/** A section's notes (footnotes.ts) as blocks: a rule, then each note, its number first. */
function noteBlocks(notes: readonly Note[]): Block[] {
	const blocks: Block[] = [{kind: 'rule'}];
	for (const note of notes) for (const block of blocksOf(note.markdown).blocks) blocks.push(block);
	return blocks;
}

/** The block with `dir` as the direction declared around it (model/article.ts), when there is one and the block takes one. */
function withDir(block: Block | undefined, dir: Direction | undefined): Block | undefined {
	if (!block || !dir || block.kind === 'code' || block.kind === 'rule') return block;
	return {...block, dir};
}

/** The paragraph or heading centred when `center` (a wrapper centres it); other blocks as they are. */
function withAlign(block: Block | undefined, center: boolean): Block | undefined {
	if (!center || (block?.kind !== 'paragraph' && block?.kind !== 'heading')) return block;
	return {...block, align: 'center'};
}

function isH1(block: Block): boolean {
	return block.kind === 'heading' && block.level === 1;
}

/**
 * The heading that names an article with no title of its own: the first heading of the
 * smallest level in the lead (which parses the lead only) and the parts' headings, when
 * it is an H1 or the lead is empty (the lead is then no section, and the first heading
 * names the article); else undefined. Headings without text do not count.
 */
export function firstHeading(plan: Plan): string | undefined {
	let best: HeadingBlock | undefined;
	const consider = (block: Block): void => {
		if (block.kind === 'heading' && (!best || block.level < best.level) && inlineText(block.inline)) best = block;
	};
	const [lead] = plan.parts;
	const leadBlocks = lead && !lead.heading ? lead.content().blocks : [];
	for (const block of leadBlocks) consider(block);
	for (const part of plan.parts) if (part.heading) consider(part.heading);
	return best && (best.level === 1 || !leadBlocks.length) ? inlineText(best.inline) : undefined;
}

/** The first line of text of the article's first three blocks (its title H1 included), at most 80 characters. */
export function firstText(plan: Plan): string | undefined {
	const blocks: Block[] = plan.titleHeading ? [plan.titleHeading] : [];
	for (const part of plan.parts) {
		if (blocks.length >= 3) break;
		if (part.heading) blocks.push(part.heading);
		for (const block of part.content().blocks) blocks.push(block);
	}
	const line = blocksText(blocks.slice(0, 3))
		.split('\n')
		.find((l) => l.trim());
	if (!line) return undefined;
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Prose letters of every part, headings and the title heading included: parses every part. */
export function letterCounts(plan: Plan): LetterCounts {
	const counts = {rtl: 0, ltr: 0};
	if (plan.titleHeading) proseLetters([plan.titleHeading], counts);
	for (const part of plan.parts) {
		const prose = part.content().prose();
		counts.rtl += prose.rtl;
		counts.ltr += prose.ltr;
		if (part.heading) proseLetters([part.heading], counts);
	}
	return counts;
}
