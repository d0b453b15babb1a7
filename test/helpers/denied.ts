// Paths the running user may not read or write, for the permission-denied
// tests. A file with mode 000 is readable by root, and a directory with mode
// 555 writable: as root (CI runs as root) the kernel's own files serve
// instead — a write-only sysfs attribute cannot be read, and sysfs refuses to
// create files — so the tests run either way.
import {chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

function readFails(path: string): boolean {
	try {
		readFileSync(path);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EACCES';
	}
}

function writeFails(dir: string): boolean {
	const probe = join(dir, `.qari-probe-${process.pid}`);
	try {
		writeFileSync(probe, '');
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EACCES';
	}
}

/** Entries of a few sysfs folders, where write-only attributes (mode 0200) live: reading one is EACCES, for root too. */
function writeOnlySysfsFiles(): string[] {
	const found: string[] = [];
	for (const dir of ['/sys/bus/pci', '/sys/bus/platform', '/sys/bus/cpu', '/sys/kernel', '/sys/module']) {
		try {
			for (const name of readdirSync(dir)) found.push(join(dir, name));
		} catch {
			// No such directory here.
		}
	}
	return found;
}

/** A file whose reading fails with EACCES, in `dir` when the user is not root. */
export function unreadableFile(dir: string): string {
	const own = join(dir, 'secret.md');
	writeFileSync(own, '# x');
	chmodSync(own, 0o000);
	if (readFails(own)) return own;
	const candidate = ['/proc/1/mem', ...writeOnlySysfsFiles()].find(readFails);
	if (!candidate) throw new Error('no unreadable file found on this machine (not /proc/1/mem, no write-only sysfs file)');
	return candidate;
}

/** A directory where creating a file fails with EACCES, in `dir` when the user is not root. */
export function unwritableDir(dir: string): string {
	const own = join(dir, 'read-only');
	mkdirSync(own, {recursive: true});
	chmodSync(own, 0o555);
	if (writeFails(own)) return own;
	if (writeFails('/sys')) return '/sys';
	throw new Error('no unwritable directory found on this machine (/sys accepts new files)');
}
