// Reading articles from files and stdin, and listing the bundled ones;
// file-system errors become one-line messages (file-system.ts has the words).
// Used by the CLI only.

import {readFileSync, readdirSync, statSync} from 'node:fs';
import {basename, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {type Article} from '../model/article.js';
import {escapeUnprintable} from '../parse/sanitize.js';
import {decodeArticle} from '../parse/decode.js';
import {parseMarkdown} from '../parse/markdown.js';
import {fileErrorReason} from './file-system.js';

/** A mistake of the user's (bad path, bad file): printed as one line, exit 1. */
export class UserError extends Error {
	override readonly name = 'UserError';
}

/**
 * The articles qari ships, in the package root's content/. The bundles sit one
 * level below the root (dist/cli.cjs), this source file two (src/cli/files.ts,
 * run by tsx in tests and scripts).
 */
export const contentDir = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../content/' : '../content/', import.meta.url));
export const bundledArticle = join(contentDir, 'assad-putin-moscow.md');

export interface LoadedArticle {
	readonly article: Article;
	/** The file's name as the user gave it ('-' for stdin). */
	readonly name: string;
	/** The decoded text, for hashing positions. */
	readonly text: string;
	readonly warnings: readonly string[];
}

function readBytes(path: string): Uint8Array {
	try {
		if (path === '-') return readFileSync(0);
		if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), {code: 'EISDIR'});
		return readFileSync(path);
	} catch (error) {
		throw new UserError(`cannot read ${showName(path)}: ${fileErrorReason(error, 'read')}`);
	}
}

/**
 * A file's name for a message, quoted. A name is text from outside too (an
 * archive, a download): its controls are shown as escapes, not sent to the
 * terminal.
 */
function showName(path: string): string {
	return path === '-' ? 'standard input' : `'${escapeUnprintable(path)}'`;
}

/**
 * Reads, decodes, sanitizes and parses an article. Throws UserError. An empty
 * (or whitespace-only) file is still an article, of one empty section, with
 * a warning: a reader shows an empty page rather than refusing it.
 */
export function loadArticle(path: string): LoadedArticle {
	const bytes = readBytes(path);
	const shown = showName(path);
	const decoded = decodeArticle(bytes);
	if (!decoded.ok) throw new UserError(`cannot read ${shown}: binary file (contains NUL bytes)`);
	const warnings: string[] = [];
	if (decoded.invalid > 0) {
		const s = decoded.invalid === 1 ? '' : 's';
		warnings.push(`${shown}: ${decoded.invalid} invalid UTF-8 sequence${s} replaced with U+FFFD`);
	}
	if (!/\S/.test(decoded.text)) warnings.push(`${shown} is empty`);
	const fallbackTitle = path === '-' ? 'standard input' : basename(path).replace(/\.(md|markdown|txt)$/i, '');
	const article = parseMarkdown(decoded.text, {fallbackTitle});
	return {article, name: path, text: decoded.text, warnings};
}

/** The Markdown files of a directory, sorted by name. */
export function listArticleFiles(dir: string): string[] {
	try {
		return readdirSync(dir)
			.filter((name) => /\.(md|markdown)$/i.test(name))
			.sort()
			.map((name) => join(dir, name));
	} catch (error) {
		throw new UserError(`cannot list '${escapeUnprintable(dir)}': ${fileErrorReason(error, 'read')}`);
	}
}
