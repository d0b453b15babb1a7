// `qari save URL|file` and `qari remove N|NAME`: the reading list's commands
// (reading-list.ts keeps the files). A failed download or read saves nothing:
// the article is loaded whole before anything is written.

import {rmSync} from 'node:fs';
import {basename} from 'node:path';
import {escapeUnprintable} from '../parse/sanitize.js';
import {type Io, type RemoveArgs, type SaveArgs} from './commands.js';
import {fileErrorReason} from './file-system.js';
import {UserError} from './files.js';
import {load} from './print.js';
import {findListed, listedArticles, saveArticle, savedArticles} from './reading-list.js';

export async function runSave(args: SaveArgs, io: Io): Promise<void> {
	const loaded = await load(args.file, io, args);
	const path = saveArticle(loaded, args.file, process.env);
	const n = listedArticles(process.env).indexOf(path) + 1;
	io.stdout.write(`saved '${escapeUnprintable(loaded.article.title)}' as ${n > 0 ? `${n}: ` : ''}${escapeUnprintable(path)}\n`);
}

export function runRemove(args: RemoveArgs, io: Io): void {
	const path = findListed(listedArticles(process.env), args.name);
	if (!savedArticles(process.env).includes(path)) throw new UserError(`'${escapeUnprintable(args.name)}' is a bundled article: only saved ones can be removed`);
	try {
		rmSync(path, {force: true});
	} catch (error) {
		throw new UserError(`cannot remove '${escapeUnprintable(path)}': ${fileErrorReason(error, 'write')}`);
	}
	io.stdout.write(`removed ${escapeUnprintable(basename(path))}\n`);
}
