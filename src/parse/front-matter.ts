// Front matter: the `---` block of `key: value` lines at the top of an
// article, split from its Markdown body. Values pass through stripControls:
// a title may end up in the terminal's title bar.

import {stripControls} from './sanitize.js';

/**
 * Front matter: a first line `---`, `key: value` lines, a closing `---`.
 * Only flat string values, which is all an article needs (title, lang, dir,
 * author, date, source); quotes around a value are removed.
 */
export function splitFrontMatter(source: string): {meta: Record<string, string>; body: string} {
	const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
	if (!match) return {meta: {}, body: source};
	const meta: Record<string, string> = {};
	for (const line of (match[1] ?? '').split('\n')) {
		const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
		if (!kv?.[1]) continue;
		let value = kv[2] ?? '';
		if (/^(["']).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1);
		meta[kv[1]] = stripControls(value);
	}
	return {meta, body: source.slice(match[0].length)};
}
