// The table of sections (and other small tables), as text or JSON.

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

export function formatSectionsJson(article: Article): string {
	// Titles are the article's text: bidi and C1 controls are escaped too.
	return `${stringifyJson(sectionRows(article))}\n`;
}

export interface TableOptions {
	/** Text cells in visual order (for a terminal that does not reorder) or logical. */
	readonly order: Order;
	readonly shape: boolean;
}

export interface Column {
	readonly header: string;
	/** Numbers align right; text columns hold any script and are laid out with bidi. */
	readonly kind: 'number' | 'text';
}

/**
 * A plain table, columns two spaces apart, no trailing spaces. A text cell is
 * laid out as its own paragraph: in visual order an RTL cell is reordered,
 * shaped when asked, and right-aligned within its column, so the columns on
 * either side stay put.
 */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions): string {
	const cells = rows.map((row) =>
		columns.map((column, c) => {
			const raw = row[c] ?? '';
			if (column.kind === 'number') return {text: raw, width: textWidth(raw), rtl: false};
			const laid = layoutParagraph([{text: raw, style: {}}], {width: 0, order: options.order, shape: options.shape, dir: 'auto', fallback: 'ltr'});
			const text = laid.lines.map((l) => l.runs.map((r) => r.text).join('')).join(' ');
			return {text, width: textWidth(text), rtl: laid.direction === 'rtl'};
		}),
	);
	// A loop, not Math.max(...): 100,000 sections are more arguments than a call takes.
	const widths = columns.map((column, c) => {
		let widest = textWidth(column.header);
		for (const row of cells) widest = Math.max(widest, row[c]?.width ?? 0);
		return widest;
	});
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

/** The numbered list of sections: index, title, words, minutes. */
export function formatSectionsText(article: Article, options: TableOptions): string {
	return formatTable(
		[
			{header: '#', kind: 'number'},
			{header: 'title', kind: 'text'},
			{header: 'words', kind: 'number'},
			{header: 'min', kind: 'number'},
		],
		sectionRows(article).map((row) => [String(row.index), row.title, String(row.words), String(row.minutes)]),
		options,
	);
}
