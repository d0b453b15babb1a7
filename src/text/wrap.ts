// Logical line breaking: which ranges of a paragraph go on which line.
//
// Logic:
// 1. Work on grapheme clusters measured in terminal cells (width.ts), in
//    logical order: UAX #9 wants lines chosen before they are reordered.
// 2. Break opportunities are runs of breakable spaces and ZWSP. Spaces at a
//    break hang: they are consumed by the break and never count toward the
//    width of either line.
// 3. A word wider than the line is broken between clusters, never inside
//    one (a letter keeps its harakat; an emoji sequence stays whole).
// 4. U+2028 (a Markdown hard break) forces a break and is consumed.
// 5. Width 0 means no wrapping: only forced breaks split the paragraph.
// 6. One pass over the clusters with the line's state in plain locals (no
//    closure captures them), so it stays in registers: this runs for every
//    cluster of a book.

import {type Measure} from './width.js';

/** A line as a logical code-unit range [start, end) and its width in cells. */
export interface LineRange {
	readonly start: number;
	readonly end: number;
	readonly width: number;
}

const LINE_SEPARATOR = 0x2028;

/** Breakable spaces: a line may end after them and they hang. NBSP-like spaces are not here. */
export function isBreakSpace(code: number): boolean {
	// Checked for every cluster: most code units are below U+1680 and not a space.
	return (
		code === 0x20 ||
		(code >= 0x1680 &&
			(code === 0x200b ||
				code === 0x1680 ||
				(code >= 0x2000 && code <= 0x2006) ||
				(code >= 0x2008 && code <= 0x200a) ||
				code === 0x205f ||
				code === 0x3000))
	);
}

/**
 * Breaks `text`, whose clusters are given by `measure`, into lines no wider
 * than `width` cells (0 = unlimited). Consumed break spaces and forced-break
 * characters belong to no line.
 */
export function breakLines(text: string, measure: Measure, width: number): LineRange[] {
	const {starts, widths, count} = measure;
	const lines: LineRange[] = [];
	const limit = width > 0 ? width : Infinity;

	// No closure over these: the loop keeps them in registers (Logic 6).
	let lineStart = -1; // cluster index of the line's first cluster, -1 = empty line
	let lineEnd = 0; // cluster index after the last non-space cluster of the line
	let lineWidth = 0; // width up to lineEnd
	let pendingSpaces = 0; // width of spaces after lineEnd (not yet committed)

	let i = 0;
	let unit = at(starts, 0); // code-unit offset of cluster i
	while (i < count) {
		const next = at(starts, i + 1);
		const code = text.charCodeAt(unit);
		if (code === LINE_SEPARATOR) {
			if (lineStart >= 0) pushLine(lines, starts, lineStart, lineEnd, lineWidth);
			else pushLine(lines, starts, i, i, 0);
			lineStart = -1;
			lineWidth = 0;
			pendingSpaces = 0;
			i++;
			unit = next;
			continue;
		}
		if (next === unit + 1 && isBreakSpace(code)) {
			// Spaces at the start of a line (after a break) are consumed.
			if (lineStart >= 0) pendingSpaces += widths[i] ?? 0;
			i++;
			unit = next;
			continue;
		}
		// A word: the clusters up to the next space or forced break.
		let j = i;
		let wordWidth = 0;
		let wordUnit = unit;
		while (j < count) {
			const after = at(starts, j + 1);
			const c = text.charCodeAt(wordUnit);
			if (c === LINE_SEPARATOR || (after === wordUnit + 1 && isBreakSpace(c))) break;
			wordWidth += widths[j] ?? 0;
			j++;
			wordUnit = after;
		}
		if (lineStart >= 0 && lineWidth + pendingSpaces + wordWidth <= limit) {
			lineEnd = j;
			lineWidth += pendingSpaces + wordWidth;
			pendingSpaces = 0;
		} else {
			if (lineStart >= 0) pushLine(lines, starts, lineStart, lineEnd, lineWidth);
			lineStart = i;
			lineWidth = 0;
			if (wordWidth <= limit) {
				lineWidth = wordWidth;
			} else {
				// The word is too wide for any line: cut it between clusters.
				for (let k = i; k < j; k++) {
					const w = widths[k] ?? 0;
					if (lineWidth + w > limit && lineWidth > 0) {
						pushLine(lines, starts, lineStart, k, lineWidth);
						lineWidth = 0;
						lineStart = k;
					}
					lineWidth += w;
				}
			}
			lineEnd = j;
			pendingSpaces = 0;
		}
		i = j;
		unit = wordUnit;
	}
	if (lineStart >= 0) pushLine(lines, starts, lineStart, lineEnd, lineWidth);
	if (lines.length === 0) lines.push({start: 0, end: 0, width: 0});
	return lines;
}

/** The line of clusters [from, to). */
function pushLine(lines: LineRange[], starts: Uint32Array, from: number, to: number, width: number): void {
	lines.push({start: at(starts, from), end: at(starts, to), width});
}

function at(array: Uint32Array, index: number): number {
	return array[index] ?? 0;
}
