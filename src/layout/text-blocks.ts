// Paragraphs, headings and rules: inline content through the bidi-aware
// paragraph layout (text/paragraph.ts), aligned to the side its direction
// hugs; headings bold, the top two levels underlined.

import {type Direction, type Inline, type Style} from '../model/article.js';
import {type Run} from '../model/line.js';
import {paragraphDirection} from '../text/direction.js';
import {layoutParagraph, paragraphText} from '../text/paragraph.js';
import {edgeContext, glyphsFor, isolateContext, isolatedStyles, lineTargets, paragraphBrackets, pinBrackets, settleUnit, unitRuns} from './implicit.js';
import {dimStyle, headingStyle, maxOf, type Row, type State} from './rows.js';

/**
 * Inline content as rows (`style` added to every span's); each paragraph adds its length + 1 to the
 * running offset. Its direction by HL1 in context `dir` (text/direction.ts: mostly-RTL prose in an
 * RTL context is RTL, else its first strong letter, else `dir`) unless the options force one.
 */
export function layoutInline(inline: Inline, width: number, state: State, style: Style | undefined, dir: Direction): Row[] {
	const {options} = state;
	const spans = style ? inline.map((span) => ({text: span.text, style: {...span.style, ...style}})) : inline;
	const marks = options.highlight?.(paragraphText(inline));
	const laid = layoutParagraph(spans, {
		width: Math.max(width, 0),
		order: options.order,
		shape: options.shape,
		dir: options.dir === 'auto' ? paragraphDirection(inline, dir) : options.dir,
		fallback: dir,
		...(marks?.length ? {marks} : {}),
	});
	const align = laid.direction === 'rtl' ? 'right' : 'left';
	const base = state.offset;
	state.offset += laid.length + 1;
	if (options.implicit) {
		// Each line a unit, with the direction of the strong characters around it in the paragraph (implicit.ts, Logic 3).
		const text = paragraphText(inline);
		const styles = isolatedStyles(spans);
		const brackets = paragraphBrackets(spans, text, laid.direction);
		// Each unit checked against the levels app mode gives its line (implicit.ts, settleUnit).
		return laid.lines.map((line) => {
			const {before, after} = edgeContext(text, laid.direction, line.offset, line.end);
			const context = isolateContext(spans, text, line.offset, line.end);
			const unit = (runs: readonly Run[]): Run[] => unitRuns(runs, laid.direction, before, after, styles, context, options.fewMarks);
			const pinned = unit(pinBrackets(line.runs, brackets, line.offset, line.end, styles, options.fewMarks));
			// With few marks (mlterm), the line without pinned brackets first, when it shows right so.
			const candidates = options.fewMarks ? [unit(line.runs), pinned] : [pinned];
			return {
				runs: settleUnit(candidates, laid.direction, lineTargets(brackets, line.runs, line.offset, line.end)),
				width: line.width,
				align,
				block: state.block,
				offset: base + line.offset,
			};
		});
	}
	return laid.lines.map((line) => ({
		runs: line.runs,
		width: line.width,
		align,
		block: state.block,
		offset: base + line.offset,
	}));
}

/** A heading: bold; levels 1 and 2 underlined with a rule as wide as the text. */
export function layoutHeading(level: number, inline: Inline, width: number, state: State, dir: Direction): Row[] {
	const rows = layoutInline(inline, width, state, headingStyle, dir);
	if (level <= 2) {
		// Titles and top sections are underlined, the rule as wide as the text.
		const glyphs = glyphsFor(state.options.implicit);
		const rule = level === 1 ? glyphs.doubleRule : glyphs.rule;
		const n = maxOf(rows, (r) => r.width, 1);
		const last = rows[rows.length - 1];
		rows.push({
			runs: [{text: rule.repeat(n), style: dimStyle}],
			width: n,
			align: last?.align ?? 'left',
			block: state.block,
			offset: last?.offset ?? state.offset,
		});
	}
	return rows;
}

/** A thematic break: a dim line across the width (40 cells unwrapped). */
export function layoutRule(width: number, state: State): Row[] {
	const n = width > 0 ? width : 40;
	const rule = glyphsFor(state.options.implicit).rule;
	return [{runs: [{text: rule.repeat(n), style: dimStyle}], width: n, align: 'left', block: state.block, offset: state.offset}];
}
