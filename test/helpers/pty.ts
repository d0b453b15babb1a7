// A command on a pseudo-terminal of its own (test/helpers/pty-run.py, in
// Python, which every machine has): every byte it wrote to the terminal, how
// it ended, and whether the terminal's line discipline was given back.
import {spawn} from 'node:child_process';
import {constants} from 'node:os';
import {fileURLToPath} from 'node:url';

const script = fileURLToPath(new URL('pty-run.py', import.meta.url));

export type PtyStep =
	/** Until the output holds the text (searching on from the last wait's match). */
	| {readonly wait: string}
	/** A moment to act at (a sweep over start-up), never a state to wait for. */
	| {readonly sleepMs: number}
	| {readonly signal: NodeJS.Signals}
	/** Typed on the terminal. */
	| {readonly keys: string};

export interface PtyPlan {
	readonly argv: readonly string[];
	readonly env: Readonly<Record<string, string>>;
	readonly cwd: string;
	readonly columns?: number;
	readonly rows?: number;
	/** Hang guard for the whole run, from the start: the command is then killed (default 30 s). */
	readonly timeoutMs?: number;
	readonly steps: readonly PtyStep[];
}

export interface PtyResult {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	/** The status a shell would see: the exit code, or 128 + the signal's number. */
	readonly status: number;
	/** Everything written to the terminal (stdout and stderr both), as UTF-8. */
	readonly output: string;
	/** The terminal echoes and reads lines again (raw mode is off). */
	readonly echo: boolean;
	readonly canonical: boolean;
	/** What the run was still waiting for when its time ran out (the command was then killed), or null. */
	readonly timedOut: string | null;
}

const signalName = (n: number): NodeJS.Signals | null =>
	(Object.entries(constants.signals).find(([, number]) => number === n)?.[0] as NodeJS.Signals | undefined) ?? null;

/** Runs the plan; rejects only when the harness itself fails. */
export function runInPty(plan: PtyPlan): Promise<PtyResult> {
	const input = JSON.stringify({
		argv: plan.argv,
		env: plan.env,
		cwd: plan.cwd,
		cols: plan.columns ?? 80,
		rows: plan.rows ?? 24,
		timeout_ms: plan.timeoutMs ?? 120_000,
		steps: plan.steps.map((step) => ('sleepMs' in step ? {sleep_ms: step.sleepMs} : step)),
	});
	return new Promise((resolve, reject) => {
		const proc = spawn('python3', [script], {stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		proc.on('error', reject);
		proc.on('close', (code) => {
			if (code !== 0) return reject(new Error(`pty-run.py exited with ${code}: ${stderr}`));
			const raw = JSON.parse(stdout) as {
				code: number | null;
				signal: number | null;
				output: string;
				echo: boolean;
				canonical: boolean;
				timedOut: string | null;
			};
			resolve({
				code: raw.code,
				signal: raw.signal === null ? null : signalName(raw.signal),
				status: raw.signal === null ? (raw.code ?? -1) : 128 + raw.signal,
				output: Buffer.from(raw.output, 'base64').toString('utf8'),
				echo: raw.echo,
				canonical: raw.canonical,
				timedOut: raw.timedOut,
			});
		});
		proc.stdin.end(input);
	});
}
