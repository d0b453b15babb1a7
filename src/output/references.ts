// Link references for plain-text export (issue 12, 16–17), as lynx -dump
// prints them: a link's text is followed by its number, `text [1]`, and the
// section ends with the numbered targets, `[1] https://…`. A reader of the
// exported text keeps every URL, images' included (`[image: alt] [2]`).
//
// Logic:
// 1. A link is a run of neighbouring spans with one href. It gets a number
//    unless its text already shows its target (an autolink, `<https://…>`, or
//    `[example.org](https://example.org)`) or it points into the page (`#…`).
// 2. One number per target in a section: a second link to it reuses it.
// 3. Lists and quotes are walked with an explicit stack and rebuilt bottom-up:
//    nesting depth is unbounded in hostile articles.
// 4. The targets are listed as a code block is shown: left to right in any
//    article, an Arabic-letter path included, one to a line.

import {type Block, type Inline, type Span} from '../model/article.js';
import {forEachLeafBlock} from '../model/walk.js';
import {stripControls} from '../parse/sanitize.js';

/** The section's blocks with reference numbers after its links, then the references (Logic 1–3). */
export function withReferences(blocks: readonly Block[]): readonly Block[] {
	// Most sections have no link: they are not rebuilt.
	if (!hasLink(blocks)) return blocks;
	const numbers = new Map<string, number>();
	const numbered = (inline: Inline): Inline => addNumbers(inline, numbers);
	const result = mapInlines(blocks, numbered);
	if (!numbers.size) return blocks;
	const out: Block[] = [];
	for (const block of result) out.push(block);
	// A rule, then the targets one to a line, laid out as code is: left to right
	// whatever the article's direction (a path in Arabic letters too), never reflowed.
	out.push({kind: 'rule'});
	const lines: string[] = [];
	for (const [href, n] of numbers) lines.push(`[${n}] ${href}`);
	out.push({kind: 'code', lang: '', text: lines.join('\n')});
	return out;
}

/** Every link of inline content with its target (JSON export keeps them), in order. */
export function linksOf(blocks: readonly Block[]): {text: string; href: string}[] {
	const links: {text: string; href: string}[] = [];
	mapInlines(blocks, (inline) => {
		forEachLink(inline, (text, href) => links.push({text, href}));
		return inline;
	});
	return links;
}

function forEachLink(inline: Inline, visit: (text: string, href: string, last: number) => void): void {
	let k = 0;
	while (k < inline.length) {
		const href = inline[k]?.style.href;
		if (href === undefined) {
			k++;
			continue;
		}
		let text = '';
		let j = k;
		while (j < inline.length && inline[j]?.style.href === href) text += inline[j++]?.text ?? '';
		visit(text, href, j - 1);
		k = j;
	}
}

/** Whether a link needs a number: its text does not show its target, and it leaves the page (Logic 1). */
function needsNumber(text: string, href: string): boolean {
	if (!href || href.startsWith('#')) return false;
	const bare = (s: string): string =>
		s
			.trim()
			.replace(/^(?:[a-z][a-z0-9+.-]*:(?:\/\/)?)/i, '')
			.replace(/\/$/, '')
			.toLowerCase();
	return bare(text) !== bare(href);
}

function addNumbers(inline: Inline, numbers: Map<string, number>): Inline {
	// Most paragraphs have no link: no map for them.
	let after: Map<number, string> | undefined;
	forEachLink(inline, (text, raw, last) => {
		// A target is the article's text: controls go, as they do from any text it shows.
		const href = stripControls(raw).replace(/[\n\t]/g, ' ');
		if (!needsNumber(text, href)) return;
		let n = numbers.get(href);
		if (n === undefined) {
			n = numbers.size + 1;
			numbers.set(href, n);
		}
		after ??= new Map();
		after.set(last, ` [${n}]`);
	});
	if (!after) return inline;
	const out: Span[] = [];
	inline.forEach((span, k) => {
		out.push(span);
		const mark = after?.get(k);
		if (mark) out.push({text: mark, style: {}});
	});
	return out;
}

/** Blocks with every paragraph's, heading's and table cell's inline content mapped (Logic 3: no recursion). */
function mapInlines(blocks: readonly Block[], map: (inline: Inline) => Inline): readonly Block[] {
	// Each frame rebuilds one list of blocks; a container's frame finishes before its parent's resumes.
	interface Frame {
		readonly blocks: readonly Block[];
		index: number;
		readonly out: Block[];
		/** Where the finished list goes: a setter on the parent's block under construction. */
		readonly done: (blocks: Block[]) => void;
	}
	let result: readonly Block[] = blocks;
	const stack: Frame[] = [{blocks, index: 0, out: [], done: (b) => (result = b)}];
	while (stack.length) {
		const frame = stack[stack.length - 1];
		if (!frame) break;
		const block = frame.blocks[frame.index++];
		if (!block) {
			stack.pop();
			frame.done(frame.out);
			continue;
		}
		switch (block.kind) {
			case 'paragraph':
			case 'heading':
				frame.out.push({...block, inline: map(block.inline)});
				break;
			case 'table':
				frame.out.push({...block, header: block.header.map(map), rows: block.rows.map((row) => row.map(map))});
				break;
			case 'quote': {
				const at = frame.out.length;
				frame.out.push(block);
				stack.push({blocks: block.blocks, index: 0, out: [], done: (inner) => (frame.out[at] = {...block, blocks: inner})});
				break;
			}
			case 'list': {
				const at = frame.out.length;
				frame.out.push(block);
				const items: Block[][] = block.items.map(() => []);
				let left = block.items.length;
				// Pushed last-first: the items are rebuilt in order.
				for (let i = block.items.length - 1; i >= 0; i--) {
					stack.push({
						blocks: block.items[i] ?? [],
						index: 0,
						out: [],
						done: (inner) => {
							items[i] = inner;
							if (--left === 0) frame.out[at] = {...block, items};
						},
					});
				}
				break;
			}
			default:
				frame.out.push(block);
		}
	}
	return result;
}

/** Whether any paragraph, heading or table cell of the blocks holds a link. */
function hasLink(blocks: readonly Block[]): boolean {
	let found = false;
	const scan = (inline: Inline): void => {
		if (!found) for (const span of inline) if (span.style.href !== undefined) found = true;
	};
	forEachLeafBlock(blocks, (block) => {
		if (found) return;
		if (block.kind === 'paragraph' || block.kind === 'heading') scan(block.inline);
		else if (block.kind === 'table') {
			for (const cell of block.header) scan(cell);
			for (const row of block.rows) for (const cell of row) scan(cell);
		}
	});
	return found;
}
