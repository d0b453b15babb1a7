// Article → plain text or JSON, for files, pipes and terminals that cannot
// run the reader. Pure: the CLI decides the options and writes the result.

import {type Article, type Block, type Line, type Section} from './article.js';
import {stringifyJson} from './controls.js';
import {layoutBlocks, type LayoutOptions} from './layout.js';

export type ExportOptions = LayoutOptions;

/** The text of a laid-out line: its runs, trailing spaces dropped. */
export function lineText(line: Line): string {
	let text = '';
	for (const run of line.runs) text += run.text;
	return text.trimEnd();
}

/**
 * Blocks of a whole article or of one section, with headings: the article's
 * title, the lead, then each section's title as a level-2 heading.
 */
function exportBlocks(article: Article, sections: readonly Section[]): Block[] {
	const blocks: Block[] = [];
	for (const section of sections) {
		const level = section.level === 0 ? 1 : 2;
		const title = section.level === 0 ? article.title : section.title;
		blocks.push({kind: 'heading', level, inline: [{text: title, style: {}}]}, ...section.blocks);
	}
	return blocks;
}

/** Plain text of the article, or of the sections given. Ends with a newline. */
export function exportText(article: Article, options: ExportOptions, sections: readonly Section[] = article.sections): string {
	const lines = layoutBlocks(exportBlocks(article, sections), options);
	return lines.map(lineText).join('\n') + '\n';
}

export interface JsonBlock {
	readonly kind: Block['kind'];
	readonly text: string;
}

/** JSON export: metadata, then each section with its blocks as plain logical text. */
export function exportJson(article: Article, sections: readonly Section[] = article.sections): string {
	const plain: LayoutOptions = {width: 0, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir};
	const data = {
		title: article.title,
		lang: article.lang,
		dir: article.dir,
		meta: article.meta,
		sections: sections.map((section) => ({
			index: section.index,
			title: section.title,
			words: section.words,
			minutes: section.minutes,
			direction: section.direction,
			blocks: section.blocks.map(
				(block): JsonBlock => ({kind: block.kind, text: layoutBlocks([block], plain).map(lineText).join('\n')}),
			),
		})),
	};
	// Titles and metadata are the article's text: bidi and C1 controls are escaped too.
	return stringifyJson(data, 2) + '\n';
}
