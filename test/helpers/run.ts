// Runs the real entry point, as a user would (pastel's test/helpers/run.ts).
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = fileURLToPath(new URL('../../bin/qari.js', import.meta.url));

export interface RunResult {
	readonly stdout: string;
	readonly stderr: string;
	readonly status: number | null;
}

export function runQari(args: readonly string[], options: {input?: string | Uint8Array; env?: NodeJS.ProcessEnv; cwd?: string} = {}): RunResult {
	const result = spawnSync(process.execPath, [bin, ...args], {
		input: options.input ?? '',
		encoding: 'utf8',
		cwd: options.cwd ?? root,
		env: {...process.env, NO_COLOR: '1', ...options.env},
		maxBuffer: 256 * 1024 * 1024,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}
