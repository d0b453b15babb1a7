// The command line's entry (dist/cli.cjs): reads argv, runs the command,
// and turns what went wrong into one line on stderr and an exit code. The
// only module that sets process.exitCode.
//
// Logic:
// 1. A well-formed, plain invocation is parsed by the fast parser
//    (commands.ts); help, completion and every usage mistake go to yargs
//    (yargs.ts, its own bundle), loaded only then. Both are built from the
//    one command table.
// 2. The commands themselves: read.ts (the reader), print.ts (sections,
//    export, list), save.ts (save, remove: the reading list).
// 3. Exit status: 0 done; 1 a file or web page could not be read or a file (or standard output) written, or it has
//    no such section (`-s 9`: a fact about the article, not a mistake in the command line)
//    (UserError), or an internal error; 2 a usage mistake (one line and `see 'qari --help'`).
// 4. Standard output and error are the caller's: bin/qari.js passes
//    standardIo() (standard-output.ts), exported here with main.

import {existsSync} from 'node:fs';
import {type CommandHandlers, type Io, commandWords, isUsageError, parseInvocation, runInvocation, usageErrorText} from './commands.js';
import {escapeUnprintable} from '../parse/sanitize.js';
import {fileErrorReason} from './file-system.js';
import {UserError} from './files.js';
import {runList, runExport, runSections} from './print.js';
import {runRead, type ReaderImport} from './read.js';
import {listedPath} from './reading-list.js';
import {runRemove, runSave} from './save.js';

export {standardIo} from './standard-output.js';

/** Runs the CLI with the given arguments; sets process.exitCode. */
export async function main(argv: readonly string[], io: Io, options: ReaderImport): Promise<void> {
	const debug = argv.includes('--debug');
	io.stdout.on('error', (error: NodeJS.ErrnoException) => {
		// `qari export | head -1`: the reader of the pipe is gone; stop quietly.
		// EIO: the terminal hung up. Either way there is no one left to tell.
		if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
		// Any other failure (`qari export > /dev/full`: ENOSPC) is one line and status 1, as for `-o`.
		io.stderr.write(`qari: cannot write to standard output: ${fileErrorReason(error, 'write')}\n`);
		process.exit(1);
	});
	const handlers = commandHandlers(io, debug, options);
	try {
		const invocation = parseInvocation(argv);
		const first = argv[0];
		// `qari [file]` takes any word as a file: a bare word that is neither a
		// command nor an existing file is a mistyped command, not a missing file.
		// A saved article's name opens it (reading-list.ts).
		const mistyped =
			first !== undefined &&
			/^[a-z][a-z0-9-]*$/i.test(first) &&
			!commandWords.includes(first) &&
			!existsSync(first) &&
			listedPath(first, process.env) === undefined;
		if (mistyped) {
			io.stderr.write(usageErrorText(`unknown command '${escapeUnprintable(first)}'`));
			process.exitCode = 2;
			return;
		}
		if (invocation) return await runInvocation(invocation, handlers);
		const {buildParser} = await import('./yargs.js');
		await buildParser(argv, io, handlers).parseAsync();
	} catch (error) {
		if (isUsageError(error)) {
			process.exitCode = 2;
			return;
		}
		if (error instanceof UserError) {
			io.stderr.write(`qari: ${error.message}\n`);
		} else {
			const message = escapeUnprintable(((error as Error).message ?? String(error)).replace(/\s*\n\s*/g, ' '));
			if (debug) io.stderr.write(`qari: internal error: ${message}\n${(error as Error).stack ?? ''}\n`);
			else io.stderr.write(`qari: internal error: ${message} (run again with --debug for details)\n`);
		}
		process.exitCode = 1;
	}
}

/** What each command does, whichever parser read its arguments. */
function commandHandlers(io: Io, debug: boolean, options: ReaderImport): CommandHandlers {
	return {
		read: (args) => runRead(args, io, debug, options),
		sections: (args) => runSections(args, io),
		export: (args) => runExport(args, io),
		list: (args) => runList(args, io),
		save: (args) => runSave(args, io),
		remove: (args) => runRemove(args, io),
	};
}
