// The article's plain text the simple way: each laid-out line's text and a
// newline. src/output/export.ts writes the same text straight into UTF-8
// chunks; tests check it against this, and use this where they want a string.

import {type Article, type Section} from '../../src/model/article.js';
import {forEachLine} from '../../src/layout/blocks.js';
import {exportBlocks, lineText, type ExportOptions} from '../../src/output/export.js';

/** Plain text of the article, or of the sections given. Ends with a newline. */
export function exportText(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): string {
	let text = '';
	forEachLine(exportBlocks(article, sections, options.links !== false), options, (line) => {
		text += `${lineText(line)}\n`;
	});
	// With no line at all the text is one newline still.
	return text || '\n';
}
