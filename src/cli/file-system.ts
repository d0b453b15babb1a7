// The file system's edge, shared by reading articles (files.ts), `export -o`
// (print.ts) and saved positions (positions.ts): the one atomic write and the
// one table of errno codes as the words a message ends with.
//
// Logic:
// 1. An atomic write goes to a temporary file beside the target, then is
//    renamed over it: readers of the path (and other qari processes) see the
//    old file or the whole new one, never a part. A target that exists and
//    is not a regular file (/dev/null, a FIFO, a terminal) is written to as
//    it is: renaming over it would replace the device with a file (as root,
//    even /dev/null). On failure the temporary file is removed and the
//    error thrown as it came.
// 2. A message names what went wrong in words, not in Node's `ENOENT: …,
//    open '…'` (which names the temporary file, not the user's). A missing
//    path is a missing file when reading and a missing directory when
//    writing. A code the table does not know keeps Node's message, its
//    controls escaped (it quotes a path, which is text from outside).

import {renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {escapeUnprintable} from '../parse/sanitize.js';

const reasons: Readonly<Record<string, string>> = {
	EISDIR: 'is a directory',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ENOTDIR: 'a part of the path is not a directory',
	ELOOP: 'too many symbolic links',
	ENAMETOOLONG: 'name too long',
	EMFILE: 'too many open files',
	EIO: 'input/output error',
	EROFS: 'read-only file system',
	ENOSPC: 'no space left on the device',
	EDQUOT: 'disk quota exceeded',
	EFBIG: 'file too large',
};

/** Why a file operation failed, in words (Logic 2). */
export function fileErrorReason(error: unknown, operation: 'read' | 'write'): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
	if (code === 'ENOENT') return operation === 'read' ? 'no such file' : 'no such directory';
	return reasons[code] ?? escapeUnprintable((error as Error | undefined)?.message ?? String(error));
}

let tempCounter = 0;

/** Writes `data` to `path` atomically (Logic 1); throws the file system's error. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
	if (isSpecialFile(path)) {
		writeFileSync(path, data);
		return;
	}
	const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter++}.tmp`);
	try {
		writeFileSync(temp, data);
		renameSync(temp, path);
	} catch (error) {
		try {
			rmSync(temp, {force: true});
		} catch {
			// Nothing was written where the path cannot hold a file.
		}
		throw error;
	}
}

/** Whether a path exists and is neither a regular file nor a directory (a device, a FIFO, a socket). */
function isSpecialFile(path: string): boolean {
	try {
		const stat = statSync(path);
		return !stat.isFile() && !stat.isDirectory();
	} catch {
		return false;
	}
}
