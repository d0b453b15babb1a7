// The reader's screen as rows of text: header, body and footer for a pager
// state. Pure, and free of Ink and React: the Ink view (ui/app.tsx) draws
// these rows one <Text> each, and the CLI paints the first frame with them
// before Ink has even loaded (cli/reader-start.ts, Logic 3) — the same rows, so
// Ink's first frame lands on an identical screen.

import {type Book} from '../book.js';
import {hintsFor, type KeyContext} from '../keys.js';
import {pageAt, pageCount, pageNumber} from '../../layout/paginate.js';
import {linesOf, type PagerState} from '../pager.js';
import {renderRuns} from '../../terminal/sgr.js';
import {tocRows} from './contents.js';
import {footerRow, promptRow, readFraction} from './footer.js';
import {type Geometry} from './geometry.js';
import {headerRows} from './header.js';
import {isImplicit, ruleRow, type ScreenOptions, type ScreenRow} from './rows.js';
import {implicitRuns, markOf} from '../../layout/implicit.js';
import {type Direction} from '../../model/article.js';
import {type Run} from '../../model/line.js';

export interface FrameInput {
	readonly state: PagerState;
	readonly geometry: Geometry;
	readonly book: Book;
	readonly chrome: ScreenOptions;
	readonly color: boolean;
	/** The help screen's rows (called only when the help is shown). */
	readonly help: () => readonly ScreenRow[];
	readonly context: KeyContext;
}

export interface FrameRows {
	readonly header: readonly string[];
	/** Exactly the body's height: blank rows pad a short page. */
	readonly body: readonly string[];
	readonly footer: readonly string[];
	/** The search prompt, in place of the footer's last row while typing a search. */
	readonly prompt: string | undefined;
}

/** Header, body and footer for a state: `rows − 1` rows in all, rendered (styles, margin). */
export function frameRows({state, geometry, book, chrome, color, help, context}: FrameInput): FrameRows {
	const {width, height, margin, compact} = geometry;
	const pad = ' '.repeat(margin);
	const implicit = isImplicit(chrome);
	// A terminal that reorders lays a right-to-left row out from its right edge: the margin there comes first.
	const rightPad = ' '.repeat(Math.max(0, geometry.columns - margin - width));
	/** Runs as a terminal row: after the margin; for a terminal that reorders, after the row's mark and the margin on its start side. */
	const drawRuns = (runs: readonly Run[], dir: Direction): string => {
		if (!runs.length) return '';
		if (!implicit) return pad + renderRuns(runs, {color});
		return markOf(dir) + (dir === 'rtl' ? rightPad : pad) + renderRuns(runs, {color});
	};
	const draw = (row: ScreenRow, dir: Direction = chrome.dir): string => drawRuns(implicit ? implicitRuns(row.runs, dir) : row.runs, dir);
	const article = book.article;
	const lines = linesOf(book, state);

	const header = headerRows(article, state.section, width, compact, chrome);
	if (!compact) header.push(ruleRow(width, chrome));

	let body: string[];
	if (state.view === 'toc') body = tocRows(article, state.tocCursor, state.section, width, height, chrome).map((row) => draw(row));
	else if (state.view === 'help') body = help().slice(state.helpTop, state.helpTop + height).map((row) => draw(row, 'ltr'));
	else body = pageAt(lines, state.top, height).lines.map((line) => drawRuns(line.runs, line.dir ?? 'ltr'));
	body = body.slice(0, height);
	while (body.length < height) body.push('');

	const footer: ScreenRow[] = compact ? [] : [ruleRow(width, chrome)];
	if (state.view === 'search') {
		footer.push(promptRow(state.input, width, chrome));
	} else {
		footer.push(
			footerRow(
				{
					page: pageNumber(lines.length, state.top, height),
					pages: pageCount(lines.length, height),
					fraction: readFraction(article, state.section, state.top, height, lines.length),
					message: state.message,
					hints: hintsFor(state.view, context),
				},
				width,
				chrome,
			),
		);
	}
	const drawn = footer.map((row) => draw(row));
	const prompt = state.view === 'search' ? drawn.pop() : undefined;
	return {header: header.map((row) => draw(row)), body, footer: drawn, prompt};
}

/** The frame as the terminal shows it: every row, an empty one as a space (as ui/frame-view.tsx draws it). */
export function frameText(rows: FrameRows): string {
	const all = [...rows.header, ...rows.body, ...rows.footer, ...(rows.prompt === undefined ? [] : [rows.prompt])];
	return all.map((row) => (row === '' ? ' ' : row)).join('\n');
}
