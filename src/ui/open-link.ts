// Opening and copying a link from the links list: with $BROWSER, else the
// desktop's opener (xdg-open, or open on macOS) when there is one; else the
// address is only shown, for the reader to copy. Copying sends OSC 52, which
// a terminal that allows it puts on the clipboard (tmux with set-clipboard).
//
// Logic:
// 1. Only web and mail links are handed on (terminal/sgr's sanitizeHref): an
//    article's file: or javascript: link is shown, never opened.
// 2. $BROWSER may list several commands separated by ':' (the convention of
//    sensible-browser); the first that exists (on the PATH, or at its path when
//    it names one) is used, with '%s' replaced by the address when present,
//    else the address as its one argument. With none that exists, the desktop's
//    opener: a $BROWSER left from another machine is not reported as opened.

import {spawn, type SpawnOptions} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {basename, delimiter, join} from 'node:path';
import {sanitizeHref} from '../terminal/sgr.js';

export type Spawner = (command: string, args: readonly string[], options: SpawnOptions) => {on(event: 'error', listener: () => void): unknown; unref(): void};

function onPath(name: string, path: string | undefined): string | undefined {
	for (const dir of (path ?? '').split(delimiter)) {
		if (!dir) continue;
		const file = join(dir, name);
		try {
			accessSync(file, constants.X_OK);
			return file;
		} catch {
			// Not here.
		}
	}
	return undefined;
}

/** Whether a command runs: a name found on the PATH, or a path (with a '/') to an executable file. */
function exists(command: string, path: string | undefined): boolean {
	if (!command.includes('/')) return onPath(command, path) !== undefined;
	try {
		accessSync(command, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** Opens a link (Logic 1, 2); returns the footer's line: what was done, or the address to copy. */
export function openLink(href: string, env: Readonly<Record<string, string | undefined>>, platform: string = process.platform, run: Spawner = spawn): string {
	const safe = sanitizeHref(href);
	if (!safe) return `not opened (only web and mail links): ${href}`;
	const browser = (env['BROWSER'] ?? '')
		.split(':')
		.map((entry) => entry.trim().split(/\s+/))
		.find((words) => words[0] && exists(words[0], env['PATH']));
	let command: string | undefined;
	let args: string[];
	if (browser) {
		command = browser[0];
		args = browser.slice(1);
		args = args.some((a) => a.includes('%s')) ? args.map((a) => a.replace(/%s/g, safe)) : [...args, safe];
	} else {
		command = platform === 'darwin' ? onPath('open', env['PATH']) : onPath('xdg-open', env['PATH']);
		args = [safe];
	}
	if (!command) return safe;
	try {
		const child = run(command, args, {detached: true, stdio: 'ignore'});
		child.on('error', () => undefined);
		child.unref();
	} catch {
		return safe;
	}
	return `opened with ${basename(command)}: ${safe}`;
}

/** OSC 52: the address to the clipboard, where the terminal allows it. */
export function copySequence(href: string): string {
	return `\u001B]52;c;${Buffer.from(href, 'utf8').toString('base64')}\u0007`;
}
