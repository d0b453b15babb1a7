// A local HTTP server for the web tests (127.0.0.1, a port the system picks):
// routes are functions of the request; nothing leaves the machine.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {type AddressInfo} from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface WebServer {
	readonly base: string;
	/** Request paths as they arrived on the wire. */
	readonly requests: string[];
	close(): Promise<void>;
}

export async function startServer(routes: Readonly<Record<string, Route>>): Promise<WebServer> {
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		requests.push(req.url ?? '');
		const path = (req.url ?? '').split('?')[0] ?? '';
		const route = routes[path] ?? routes['*'];
		if (route) route(req, res);
		else {
			res.writeHead(404, {'content-type': 'text/html'});
			res.end('<h1>Not found</h1>');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export const html =
	(body: string | Uint8Array, contentType = 'text/html; charset=utf-8'): Route =>
	(_req, res) => {
		res.writeHead(200, {'content-type': contentType});
		res.end(body);
	};
