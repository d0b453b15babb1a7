// The reader without Ink: a pager state, the reducer and the rows
// reader/screen/frame.ts gives the UI, for tests of what the screen shows
// (habits.test.ts, i18n.test.ts). Escape sequences are taken out of the rows.
import {type Article} from '../../src/model/article.js';
import {createBook, type Book} from '../../src/reader/book.js';
import {type UiLang} from '../../src/reader/i18n/index.js';
import {helpRows} from '../../src/reader/keys.js';
import {createPager, reducePager, type PagerAction, type PagerState} from '../../src/reader/pager.js';
import {frameRows} from '../../src/reader/screen/frame.js';
import {screenGeometry} from '../../src/reader/screen/geometry.js';
import {helpScreenRows} from '../../src/reader/screen/help.js';
import {type ScreenOptions, type ScreenRow} from '../../src/reader/screen/rows.js';

const stripAnsi = (text: string): string => text.replace(/\u001B\[[0-9;]*m/g, '');

export interface FrameReaderOptions {
	readonly lang?: UiLang | undefined;
	readonly columns?: number;
	readonly rows?: number;
	readonly order?: 'visual' | 'logical';
	/** The bidi mode's reason the help screen shows. */
	readonly reason?: string;
}

/** A reader of `article` on a terminal of the given size: act on it, read its frame, its help and its geometry. */
export function frameReader(article: Article, options: FrameReaderOptions = {}) {
	const {lang, columns = 80, rows = 24, order = 'visual', reason = 'a test'} = options;
	const chrome: ScreenOptions = {order, shape: false, dir: article.dir, ...(lang ? {lang} : {})};
	const book: Book = createBook(article, {order, shape: false, dir: 'auto', baseDir: article.dir});
	const geometry = screenGeometry(columns, rows);
	let state: PagerState = createPager(book, {section: 0, offset: 0, width: geometry.width, height: geometry.height});
	const help = (): readonly ScreenRow[] =>
		helpScreenRows(
			{
				page: helpRows('page', chrome.dir, lang),
				toc: helpRows('toc', chrome.dir, lang),
				search: helpRows('search', chrome.dir, lang),
				goto: helpRows('goto', chrome.dir, lang),
				links: helpRows('links', chrome.dir, lang),
				bidi: 'app',
				reason,
				shape: false,
			},
			geometry.width,
			chrome,
		);
	const frame = (): string[] => {
		const f = frameRows({
			state,
			geometry,
			book,
			chrome,
			color: false,
			help,
			context: {dir: chrome.dir, searching: state.search !== null, sections: book.count},
		});
		return [...f.header, ...f.body, ...f.footer, ...(f.prompt === undefined ? [] : [f.prompt])].map(stripAnsi);
	};
	const act = (...actions: PagerAction[]): string[] => {
		for (const action of actions) state = reducePager(state, action, book);
		return frame();
	};
	return {
		act,
		frame,
		get state() {
			return state;
		},
		help,
		geometry,
	};
}
