// The reading list: articles saved as Markdown with front matter under
// $XDG_DATA_HOME/qari/articles/ (or ~/.local/share/qari/articles/), so that
// everything saved reads offline with the same parser as any article.
//
// Logic:
// 1. A saved article's file name comes from its source (the URL after
//    redirects, else the file's absolute path): a readable part (host and
//    path, or the file's name; the title for standard input, whose source is
//    its text) and 8 hex digits of the source's sha256. The same source saved
//    twice is the same file: saving again updates it.
// 2. Files are written atomically (file-system.ts writeAtomically): a reader
//    sees the old article or the new one, never part of one.
// 3. Names given to `remove` or to open one: a list number (as `qari list`
//    shows them: the bundled articles, then the saved ones), a file name with
//    or without .md, or a unique part of one.

import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import {basename, isAbsolute, join, resolve} from 'node:path';
import {escapeUnprintable} from '../parse/sanitize.js';
import {articleMarkdown} from '../output/markdown.js';
import {isWebUrl} from './fetch.js';
import {fileErrorReason, writeAtomically} from './file-system.js';
import {contentDir, listArticleFiles, UserError, type LoadedArticle} from './files.js';
import {articleKey, homeDirectory} from './positions.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where saved articles live (XDG base directory spec: a relative XDG_DATA_HOME is ignored). */
export function articlesDir(env: Env, home?: string): string {
	const xdg = env['XDG_DATA_HOME'] ?? '';
	const base = xdg && isAbsolute(xdg) ? xdg : join(env['HOME'] || (home ?? homeDirectory()), '.local', 'share');
	return join(base, 'qari', 'articles');
}

/** The file name a source is saved under (Logic 1). */
export function savedName(source: string, title = ''): string {
	const hash = articleKey(source).slice(0, 8);
	let readable: string;
	try {
		const url = new URL(source);
		readable = url.protocol === 'text:' ? title : `${url.hostname}${url.pathname}`;
	} catch {
		readable = basename(source).replace(/\.[^.]*$/, '');
	}
	const slug = readable
		.normalize('NFKC')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `${slug || 'article'}-${hash}.md`;
}

/** Saves a loaded article (Logic 1–2); returns the file's path. */
export function saveArticle(loaded: LoadedArticle, source: string, env: Env, now: Date = new Date()): string {
	// Standard input has no name: a page read from it is named by its URL if it has one, else by its text.
	const url = loaded.article.meta['url'];
	const key = /^https?:\/\//i.test(source) ? (url ?? source) : source === '-' ? (url ?? `text:${articleKey(loaded.text)}`) : resolve(source);
	const dir = articlesDir(env);
	const path = join(dir, savedName(key, loaded.article.title));
	const meta: Record<string, string> = {title: loaded.article.title};
	for (const k of ['url', 'site', 'byline', 'date', 'lang', 'dir']) {
		const v = loaded.article.meta[k];
		if (v) meta[k] = v;
	}
	if (!meta['lang'] && loaded.article.lang) meta['lang'] = loaded.article.lang;
	meta['dir'] ??= loaded.article.dir;
	if (!meta['url'] && source !== '-' && !/^https?:\/\//i.test(source)) meta['source'] = key;
	meta['saved'] = now.toISOString();
	const text = articleMarkdown(loaded.article, meta);
	try {
		mkdirSync(dir, {recursive: true});
		writeAtomically(path, text);
	} catch (error) {
		throw new UserError(`cannot save to '${escapeUnprintable(dir)}': ${fileErrorReason(error, 'write')}`);
	}
	return path;
}

/** The saved articles' paths, sorted by name; none when the folder does not exist. */
export function savedArticles(env: Env): string[] {
	const dir = articlesDir(env);
	try {
		return readdirSync(dir)
			.filter((name) => name.endsWith('.md') && !name.startsWith('.'))
			.sort()
			.map((name) => join(dir, name));
	} catch {
		return [];
	}
}

/** The bundled articles, then the saved ones: the numbers `qari list` shows and `qari N` opens. */
export function listedArticles(env: Env): string[] {
	return [...listArticleFiles(contentDir), ...savedArticles(env)];
}

/**
 * The listed article a bare argument names, when it is not a file or a URL: a
 * number, a bundled article's name as `qari list` shows it (exactly, with or
 * without .md), or a saved one's (or a unique part of it).
 */
export function listedPath(arg: string, env: Env): string | undefined {
	if (arg === '-' || isWebUrl(arg) || existsSync(arg)) return undefined;
	if (!/^\d+$/.test(arg)) {
		const name = arg.replace(/\.md$/i, '');
		const bundled = listArticleFiles(contentDir).find((path) => basename(path, '.md') === name);
		if (bundled) return bundled;
		if (!savedArticles(env).length) return undefined;
	}
	try {
		return findListed(listedArticles(env), arg);
	} catch {
		return undefined;
	}
}

/** The one path among `paths` that `wanted` names (Logic 3), or a UserError. */
export function findListed(paths: readonly string[], wanted: string): string {
	if (/^\d+$/.test(wanted)) {
		const path = paths[Number(wanted) - 1];
		if (path) return path;
		throw new UserError(`no article ${wanted}: the list has ${paths.length} (see 'qari list')`);
	}
	const name = wanted.replace(/\.md$/i, '');
	const exact = paths.find((p) => basename(p, '.md') === name);
	if (exact) return exact;
	const loose = paths.filter((p) => basename(p).toLowerCase().includes(name.toLowerCase()));
	if (loose.length === 1 && loose[0]) return loose[0];
	if (loose.length > 1) throw new UserError(`'${escapeUnprintable(wanted)}' names ${loose.length} articles: ${loose.map((p) => basename(p)).join(', ')}`);
	throw new UserError(`no saved article '${escapeUnprintable(wanted)}' (see 'qari list')`);
}
