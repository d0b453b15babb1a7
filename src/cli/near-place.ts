// Finding your place again in a page that changed. A web page's position is
// keyed by its URL (source.ts, Logic 3), and the page changes between visits
// (a paragraph added above, a comment, a shorter version): the saved
// (section, offset) alone may then point elsewhere or past the end. So a
// position also remembers the start of the paragraph it was in, and opening
// looks for that paragraph.
//
// Logic:
// 1. `near` is the first NEAR_CHARS characters of the plain text of the block
//    holding the place (the first block with text at or after it), and
//    `delta`, how far into that block the place is. Offsets are logical
//    (Line.offset): they do not depend on the width, so any width serves.
// 2. Opening: when the block at the saved place still starts with `near`,
//    the place is used as it is (the page did not move there). Else the
//    block is looked for in every section, nearest to the saved one first
//    (text only, no layout), and the place is that block's start + `delta`,
//    kept inside the block.
// 3. Else (the paragraph itself changed or went) the saved place is clamped
//    to the article: the last section at most, and at most the offset of
//    that section's last line — a page that got shorter opens at its end,
//    not at its start.

import {type Book} from '../reader/book.js';
import {type Place} from '../reader/pager.js';
import {forEachParagraphText, sectionBlocks} from '../layout/blocks.js';
import {lineAtOffset} from '../layout/paginate.js';
import {type Block} from '../model/article.js';
import {type Near} from './positions.js';

/** How much of a paragraph identifies it (Logic 1). */
export const NEAR_CHARS = 80;

/** Any width: offsets do not depend on it (Logic 1). */
const WIDTH = 80;

function blockText(block: Block): string {
	const parts: string[] = [];
	forEachParagraphText([block], (text) => parts.push(text));
	return parts.join('\n').replace(/\s+/g, ' ').trim();
}

/** The start offset of each block of a section, and the offset of its last line. */
function blockStarts(book: Book, section: number): {starts: Map<number, number>; ends: Map<number, number>; last: number} {
	const starts = new Map<number, number>();
	const ends = new Map<number, number>();
	const lines = book.lines(section, WIDTH);
	for (const line of lines) {
		if (!starts.has(line.block)) starts.set(line.block, line.offset);
		ends.set(line.block, line.offset);
	}
	return {starts, ends, last: lines.at(-1)?.offset ?? 0};
}

/** What identifies a place (Logic 1); undefined when no block with text is at or after it. */
export function nearOf(book: Book, place: Place): Near | undefined {
	const section = book.article.sections[place.section];
	if (!section) return undefined;
	const lines = book.lines(place.section, WIDTH);
	const line = lines[lineAtOffset(lines, place.offset)];
	if (!line) return undefined;
	const blocks = sectionBlocks(section);
	const {starts} = blockStarts(book, place.section);
	for (let b = line.block; b < blocks.length; b++) {
		const block = blocks[b];
		const text = block ? blockText(block) : '';
		if (!text) continue;
		const start = starts.get(b) ?? 0;
		return {text: text.slice(0, NEAR_CHARS), delta: b === line.block ? Math.max(0, place.offset - start) : 0};
	}
	return undefined;
}

/** Where to open an article at a saved place (Logic 2–3). */
export function placeOf(book: Book, saved: Place, near?: Near): Place {
	const count = book.count;
	if (count === 0) return {section: 0, offset: 0};
	if (near) {
		const here = saved.section < count ? nearOf(book, saved) : undefined;
		if (here?.text === near.text) return clampPlace(book, saved);
		const order = [...Array(count).keys()].sort((a, b) => Math.abs(a - saved.section) - Math.abs(b - saved.section) || a - b);
		for (const s of order) {
			const section = book.article.sections[s];
			if (!section) continue;
			const blocks = sectionBlocks(section);
			const b = blocks.findIndex((block) => blockText(block).slice(0, NEAR_CHARS) === near.text);
			if (b === -1) continue;
			const {starts, ends} = blockStarts(book, s);
			const start = starts.get(b) ?? 0;
			return {section: s, offset: Math.min(start + near.delta, ends.get(b) ?? start)};
		}
	}
	return clampPlace(book, saved);
}

/** A place inside the article: the last section at most, its last line's offset at most (Logic 3). */
export function clampPlace(book: Book, place: Place): Place {
	const section = Math.max(0, Math.min(place.section, book.count - 1));
	if (section !== place.section) return {section, offset: blockStarts(book, section).last};
	return {section, offset: Math.max(0, Math.min(place.offset, blockStarts(book, section).last))};
}
