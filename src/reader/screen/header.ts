// The header: the article's title (unless compact) and `section i/N: title`.

import {type Article} from '../../model/article.js';
import {localDigits, messagesFor} from '../i18n/index.js';
import {alignRow, dimStyle, fitText, strongStyle, type ScreenOptions, type ScreenRow} from './rows.js';

/** Header rows: the article's title (unless compact) and `section i/N: title`. */
export function headerRows(article: Article, section: number, width: number, compact: boolean, options: ScreenOptions): ScreenRow[] {
	const s = article.sections[section];
	// The lead carries the article's title: unless compact, the title row above already says it.
	const title = s && (compact || s.title !== article.title) ? `: ${s.title}` : '';
	const label = `${messagesFor(options.lang).section(localDigits(section + 1, options.lang), localDigits(article.sections.length, options.lang))}${title}`;
	// The label's paragraph direction is the article's, so in a right-to-left
	// article "section i/N:" comes first, on the right.
	const sectionRow = alignRow(fitText(label, dimStyle, width, options.dir, options), width, options);
	if (compact) return [sectionRow];
	return [alignRow(fitText(article.title, strongStyle, width, 'auto', options), width, options), sectionRow];
}
