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
// 6. One pass over the code units, with the clusters marked on them
//    (width.ts measureUnits): a cluster's width sits at its first unit and
//    the units inside it add 0, so a word's width is a plain sum. The mark
//    also says whether the cluster is one break space or a forced break, so
//    the text itself is never read here. The line's state is in plain
//    locals (no closure captures them), so it stays in registers. This runs
//    for every code unit of a book.

import {outOfRange} from './checked.js';
import {BREAK_SPACE_START, FORCED_BREAK_START, type UnitMeasure} from './width.js';

export {isBreakSpace} from './width.js';

/** A line as a logical code-unit range [start, end) and its width in cells. */
export interface LineRange {
	readonly start: number;
	readonly end: number;
	readonly width: number;
}

/**
 * Breaks `text`, whose clusters are given by `measure` (measureUnits, whose
 * start marks also say which clusters are break spaces and forced breaks), into
 * lines no wider than `width` cells (0 = unlimited). Consumed break spaces
 * and forced-break characters belong to no line.
 */
export function breakLines(text: string, measure: UnitMeasure, width: number): LineRange[] {
	const {starts, widths} = measure;
	const length = text.length;
	const lines: LineRange[] = [];
	const limit = width > 0 ? width : Infinity;

	// No closure over these: the loop keeps them in registers (Logic 6).
	let lineStart = -1; // code unit where the line starts, -1 = empty line
	let lineEnd = 0; // code unit after the last non-space cluster of the line
	let lineWidth = 0; // width up to lineEnd
	let pendingSpaces = 0; // width of spaces after lineEnd (not yet committed)

	// i is always where a cluster starts.
	let i = 0;
	while (i < length) {
		const kind = starts[i] ?? outOfRange();
		if (kind === FORCED_BREAK_START) {
			lines.push(lineStart >= 0 ? {start: lineStart, end: lineEnd, width: lineWidth} : {start: i, end: i, width: 0});
			lineStart = -1;
			lineWidth = 0;
			pendingSpaces = 0;
			i++;
			continue;
		}
		if (kind === BREAK_SPACE_START) {
			// Spaces at the start of a line (after a break) are consumed.
			if (lineStart >= 0) pendingSpaces += widths[i] ?? outOfRange();
			i++;
			continue;
		}
		// A word: the clusters up to the next space or forced break.
		let j = i + 1;
		let wordWidth = widths[i] ?? outOfRange();
		while (j < length) {
			if ((starts[j] ?? outOfRange()) >= BREAK_SPACE_START) break;
			wordWidth += widths[j] ?? outOfRange();
			j++;
		}
		if (lineStart >= 0 && lineWidth + pendingSpaces + wordWidth <= limit) {
			lineEnd = j;
			lineWidth += pendingSpaces + wordWidth;
			pendingSpaces = 0;
		} else {
			if (lineStart >= 0) lines.push({start: lineStart, end: lineEnd, width: lineWidth});
			lineStart = i;
			lineWidth = 0;
			if (wordWidth <= limit) {
				lineWidth = wordWidth;
			} else {
				// The word is too wide for any line: cut it between clusters.
				for (let k = i; k < j; k++) {
					if (starts[k] === 0) continue;
					const w = widths[k] ?? outOfRange();
					if (lineWidth + w > limit && lineWidth > 0) {
						lines.push({start: lineStart, end: k, width: lineWidth});
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
	}
	if (lineStart >= 0) lines.push({start: lineStart, end: lineEnd, width: lineWidth});
	if (lines.length === 0) lines.push({start: 0, end: 0, width: 0});
	return lines;
}
