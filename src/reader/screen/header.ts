// The header: the article's title (unless compact) and `section i/N: title`.
//
// Logic:
// 1. The section's title follows the label only where at least a few of its
//    cells fit (TITLE_MIN): a narrow terminal shows `section 2/3`, not
//    `section 2/3: …` (a colon before an ellipsis says nothing).

import {type Article} from '../../model/article.js';
import {localDigits, messagesFor} from '../i18n/index.js';
import {textWidth} from '../../text/width.js';
import {alignRow, dimStyle, fitText, strongStyle, type ScreenOptions, type ScreenRow} from './rows.js';

/** The fewest cells of a section's title worth showing after the label, its ellipsis included (Logic 1). */
const TITLE_MIN = 5;

/** Header rows: the article's title (unless compact) and `section i/N: title`. */
export function headerRows(article: Article, section: number, width: number, compact: boolean, options: ScreenOptions): ScreenRow[] {
	const s = article.sections[section];
	// The lead carries the article's title: unless compact, the title row above already says it.
	const base = messagesFor(options.lang).section(localDigits(section + 1, options.lang), localDigits(article.sections.length, options.lang));
	const room = width - textWidth(base) - 2;
	const title = s && (compact || s.title !== article.title) && room >= Math.min(TITLE_MIN, textWidth(s.title)) ? `: ${s.title}` : '';
	const label = `${base}${title}`;
	// The label's paragraph direction is the article's, so in a right-to-left
	// article "section i/N:" comes first, on the right.
	const sectionRow = alignRow(fitText(label, dimStyle, width, options.dir, options), width, options);
	if (compact) return [sectionRow];
	return [alignRow(fitText(article.title, strongStyle, width, 'auto', options), width, options), sectionRow];
}
