// A section whose layout breaks: every field of the given section, but
// reading its blocks throws (the reader's error paths).
import {type Section} from '../../src/model/article.js';

/** The section's fields (read now, which parses it), with blocks that throw `message` when read. */
export function brokenSection(section: Section, message: string): Section {
	const {index, title, level, size, words, minutes, direction} = section;
	return {
		index,
		title,
		level,
		size,
		words,
		minutes,
		direction,
		get blocks(): never {
			throw new Error(message);
		},
	};
}
