// The table of sections (and other small tables), as text or JSON.
//
// Logic:
// 1. With a width to fit (a terminal's), the columns marked `shrink` give up
//    cells, in column order, each down to SHRINK_MIN at most, until the table
//    fits (and, after Logic 2, down to SHRINK_LAST where it still does not); a cell longer than its column is cut as the reader's header cuts a
//    title: laid out one cell narrower, its first line kept and '…' put at its
//    logical end (on the left of a right-to-left cell in visual order).
// 2. Where the table cannot fit even so (a terminal of 30 columns), the
//    columns marked `drop` are left out, the lowest rank first, until it
//    can; then Logic 1 narrows what is left.
// 3. No width (a pipe): nothing is cut or left out.

import {type Article, type Direction} from '../model/article.js';
import {layoutParagraph, type Order} from '../text/paragraph.js';
import {textWidth} from '../text/width.js';
import {stringifyJson} from './json.js';

export interface SectionRow {
	readonly index: number;
	readonly title: string;
	readonly words: number;
	readonly minutes: number;
	readonly direction: Direction;
}

export function sectionRows(article: Article): SectionRow[] {
	return article.sections.map(({index, title, words, minutes, direction}) => ({index, title, words, minutes, direction}));
}

/**
 * `sections --json`: the article's title, language, direction and metadata (a
 * web page's URL, site, byline, date), then its sections — the top level of
 * `export --format json`, without the blocks. One line.
 */
export function formatSectionsJson(article: Article): string {
	const data = {title: article.title, lang: article.lang, dir: article.dir, meta: article.meta, sections: sectionRows(article)};
	// Titles and metadata are the article's text: bidi and C1 controls are escaped too.
	return `${stringifyJson(data)}\n`;
}

export interface TableOptions {
	/** Text cells in visual order (for a terminal that does not reorder) or logical. */
	readonly order: Order;
	readonly shape: boolean;
	/** The width to fit in (Logic 1); none: as wide as the cells are. */
	readonly maxWidth?: number;
}

export interface Column {
	readonly header: string;
	/** Numbers align right; text columns hold any script and are laid out with bidi. */
	readonly kind: 'number' | 'text';
	/** May be narrowed to fit `maxWidth`, its cells cut with '…' (Logic 1). */
	readonly shrink?: boolean;
	/** May be left out where the table cannot fit otherwise, the lowest rank first (Logic 2). */
	readonly drop?: number;
}

/** The narrowest a shrinking column is made while the others can be left out (Logic 1–2). */
const SHRINK_MIN = 12;
/** The narrowest it is made when nothing else can give way. */
const SHRINK_LAST = 5;

/**
 * A plain table, columns two spaces apart, no trailing spaces. A text cell is
 * laid out as its own paragraph: in visual order an RTL cell is reordered,
 * shaped when asked, and right-aligned within its column, so the columns on
 * either side stay put.
 */
export function formatTable(allColumns: readonly Column[], allRows: readonly (readonly string[])[], options: TableOptions): string {
	const kept = options.maxWidth === undefined ? allColumns.map((_, c) => c) : columnsThatFit(allColumns, allRows, options.maxWidth);
	const columns = kept.map((c) => allColumns[c] as Column);
	const rows = allRows.map((row) => kept.map((c) => row[c] ?? ''));
	const layout = (raw: string, width: number) =>
		layoutParagraph([{text: raw, style: {}}], {width, order: options.order, shape: options.shape, dir: 'auto', fallback: 'ltr'});
	const cells = rows.map((row) =>
		columns.map((column, c) => {
			const raw = row[c] ?? '';
			if (column.kind === 'number') return {text: raw, width: textWidth(raw), rtl: false, raw};
			const laid = layout(raw, 0);
			const text = laid.lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ');
			return {text, width: textWidth(text), rtl: laid.direction === 'rtl', raw};
		}),
	);
	// A loop, not Math.max(...): 100,000 sections are more arguments than a call takes.
	const widths = columns.map((column, c) => {
		let widest = textWidth(column.header);
		for (const row of cells) widest = Math.max(widest, row[c]?.width ?? 0);
		return widest;
	});
	if (options.maxWidth !== undefined) {
		// Logic 1: narrow the shrinking columns, in order, until the table fits; below SHRINK_MIN only if it must.
		let over = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1) - options.maxWidth;
		const narrowTo = (least: number) => (column: Column, c: number) => {
			const width = widths[c] ?? 0;
			if (over <= 0 || !column.shrink) return;
			const narrower = Math.max(width - over, Math.min(width, least));
			over -= width - narrower;
			widths[c] = narrower;
			for (const row of cells) {
				const cell = row[c];
				if (!cell || cell.width <= narrower) continue;
				const first = layout(cell.raw, Math.max(1, narrower - 1)).lines[0];
				const kept = first?.runs.map((r) => r.text).join('') ?? '';
				// The logical end of a right-to-left cell is on its left, in visual order.
				const text = options.order === 'visual' && cell.rtl ? `…${kept}` : `${kept}…`;
				row[c] = {...cell, text, width: textWidth(text)};
			}
		};
		for (const floor of [SHRINK_MIN, SHRINK_LAST]) {
			columns.forEach((column, c) => {
				narrowTo(Math.max(floor, textWidth(column.header)))(column, c);
			});
		}
	}
	const line = (row: readonly {text: string; width: number; rtl: boolean}[]): string =>
		row
			.map((cell, c) => {
				const room = ' '.repeat(Math.max(0, (widths[c] ?? 0) - cell.width));
				const right = columns[c]?.kind === 'number' || (options.order === 'visual' && cell.rtl);
				return right ? room + cell.text : cell.text + room;
			})
			.join('  ')
			.trimEnd();
	const header = columns.map((column) => ({text: column.header, width: textWidth(column.header), rtl: false}));
	return `${[line(header), ...cells.map(line)].join('\n')}\n`;
}

/** The columns kept to fit `maxWidth` (Logic 2): the shrinking ones counted at their narrowest. */
function columnsThatFit(columns: readonly Column[], rows: readonly (readonly string[])[], maxWidth: number): number[] {
	const least = columns.map((column, c) => {
		let widest = textWidth(column.header);
		for (const row of rows) widest = Math.max(widest, textWidth(row[c] ?? ''));
		return column.shrink ? Math.min(widest, Math.max(SHRINK_MIN, textWidth(column.header))) : widest;
	});
	const kept = columns.map((_, c) => c);
	const need = () => kept.reduce((sum, c) => sum + (least[c] ?? 0), 0) + 2 * (kept.length - 1);
	const droppable = kept.filter((c) => columns[c]?.drop !== undefined).sort((a, b) => (columns[a]?.drop ?? 0) - (columns[b]?.drop ?? 0));
	for (const c of droppable) {
		if (need() <= maxWidth) break;
		kept.splice(kept.indexOf(c), 1);
	}
	return kept;
}

/** The numbered list of sections: index, title, words, minutes. */
export function formatSectionsText(article: Article, options: TableOptions): string {
	return formatTable(
		[
			{header: '#', kind: 'number'},
			{header: 'title', kind: 'text', shrink: true},
			{header: 'words', kind: 'number', drop: 1},
			{header: 'min', kind: 'number', drop: 2},
		],
		// Not sectionRows: the text shows no direction, and a section counts its letters only for that.
		article.sections.map(({index, title, words, minutes}) => [String(index), title, String(words), String(minutes)]),
		options,
	);
}
