// The table of contents: a title row, then one row per section.

import {type Article} from '../../model/article.js';
import {type RunStyle} from '../../model/line.js';
import {alignRow, fitText, plainStyle, strongStyle, type ScreenOptions, type ScreenRow} from './rows.js';

/** The table of contents: a title row, then one row per section, the cursor's row highlighted; scrolled to keep the cursor visible. */
export function tocRows(article: Article, cursor: number, current: number, width: number, height: number, options: ScreenOptions): ScreenRow[] {
	const rows: ScreenRow[] = [alignRow(fitText('Contents', strongStyle, width, options.dir === 'rtl' ? 'rtl' : 'ltr', options), width, options)];
	const room = Math.max(1, height - 1);
	const count = article.sections.length;
	const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), count - room));
	for (let i = first; i < Math.min(count, first + room); i++) {
		const s = article.sections[i];
		if (!s) continue;
		const pointer = i === cursor ? '>' : i === current ? '•' : ' ';
		// An isolate keeps "(5 min)" left to right inside a right-to-left title.
		const minutes = s.minutes > 0 ? ` \u2066(${s.minutes} min)\u2069` : '';
		// '>' is a mirrored character: in a right-to-left row it becomes '<', pointing at the title.
		const style: RunStyle = i === cursor ? {strong: true, match: true} : plainStyle;
		rows.push(alignRow(fitText(`${pointer} ${i + 1}. ${s.title}${minutes}`, style, width, options.dir, options), width, options));
	}
	return rows;
}
