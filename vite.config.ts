// `npm start`: the demo portal in demo/, served from the packages' TypeScript sources, on the reference service as
// operators run it: the security-info-server command in a process of its own, on its embedded database in
// .demo-data/security-info, in development mode (one demo user; codes are printed in this terminal). Vite forwards
// /api/security-info to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { defineConfig, type Logger, type Plugin } from 'vite';
import { DEMO_POLICY } from './demo/policy.ts';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const COMMAND = path.join(ROOT, 'packages/server/src/command/main.ts');
const BASE_PATH = '/api/security-info';
/** The demo's data folder; DEMO_DATA_DIR puts it elsewhere (the end-to-end run uses a fresh one). */
const DATA_DIR = path.resolve(ROOT, process.env.DEMO_DATA_DIR || '.demo-data/security-info');
/** How long a stop waits for the service to finish its requests and close its database before killing it. */
const STOP_GRACE_MS = 15_000;

interface Backend {
  /** The service's origin once it listens; rejects when it could not start. */
  origin: Promise<URL>;
  /** Stops the service (SIGTERM, then SIGKILL after the grace time); resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Where people open the demo, which passkeys are bound to: DEMO_ORIGIN when it is reached some other way (a tunnel,
 * a forwarded port, `https://…`), else localhost on the port Vite listens on.
 */
function pageOrigin(logger: Logger, port: number | undefined): URL {
  if (process.env.DEMO_ORIGIN) return new URL(process.env.DEMO_ORIGIN);
  if (!port) logger.warn('security-info demo: no port known yet; passkeys work on http://localhost (set DEMO_ORIGIN).');
  return new URL(`http://localhost${port ? `:${port}` : ''}`);
}

/**
 * Starts the command on the demo's folder and policy; its output goes to this terminal, a line at a time. Passkeys
 * are made on the page at `page`, and bound to its host name.
 */
function startBackend(logger: Logger, page: URL): Backend {
  mkdirSync(DATA_DIR, { recursive: true });
  const policyFile = path.join(DATA_DIR, 'policy.json');
  writeFileSync(policyFile, `${JSON.stringify(DEMO_POLICY, null, 2)}\n`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    SECURITY_INFO_DATA_DIR: DATA_DIR,
    SECURITY_INFO_POLICY: policyFile,
    SECURITY_INFO_RP_ID: page.hostname,
    SECURITY_INFO_RP_NAME: 'Contoso (demo)',
    SECURITY_INFO_RP_ORIGINS: page.origin,
  };
  // The demo runs on its embedded database, whatever the shell has for a deployment.
  delete env.DATABASE_URL;
  delete env.DEMO_DATA_DIR;
  delete env.DEMO_ORIGIN;

  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@security-info/source', '--import', 'tsx', COMMAND],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);

  const origin = new Promise<URL>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const listening = /security-info-server listening on (http:\/\/\S+)/.exec(line);
      if (listening) resolve(new URL(listening[1]!));
      logger.info(line);
    });
    // One call a line, unchanged: the console sender's codes are read from here.
    let lastError = '';
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (line.trim()) lastError = line;
      console.warn(line);
    });
    child.once('error', (error) => reject(new Error(`security-info-server could not be started: ${error.message}`)));
    // 'close' comes after the last output line, so the reason is known.
    child.once('close', (code, signal) =>
      reject(
        new Error(`security-info-server exited (${signal ?? `code ${code}`})${lastError ? `: ${lastError}` : ''}`),
      ),
    );
  });
  origin.catch(() => undefined);

  let stopping: Promise<void> | undefined;
  return {
    origin,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
          await exited;
          clearTimeout(kill);
        }
      })();
      return stopping;
    },
  };
}

/** Answers 502 with why the service cannot be reached. */
function unavailable(res: ServerResponse, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  if (res.headersSent) return void res.destroy();
  res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`The demo's security-info-server is not available: ${reason}\n`);
}

/** Pipes the request to the service, Host header and all, so its same-origin check sees the page's origin. */
async function forward(backend: Backend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let origin: URL;
  try {
    // Waits for a service still opening its database, however long that takes.
    origin = await backend.origin;
  } catch (error) {
    return unavailable(res, error);
  }
  const upstream = request({
    host: origin.hostname,
    port: origin.port,
    method: req.method,
    path: req.url,
    headers: req.headers,
  });
  upstream.on('response', (response) => {
    res.writeHead(response.statusCode ?? 502, response.statusMessage, response.headers);
    response.pipe(res);
  });
  upstream.on('error', (error) => unavailable(res, error));
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

const isApi = (url: string | undefined) =>
  url !== undefined && (url === BASE_PATH || /^\/api\/security-info[/?]/.test(url));

function securityInfoBackend(): Plugin {
  /** Mounts the forwarding; the service starts once the server listens (or at the first request). */
  const mount = (server: {
    middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
    httpServer: {
      once(event: 'listening', listener: () => void): unknown;
      address(): AddressInfo | string | null;
    } | null;
    config: { logger: Logger };
    close(): Promise<void>;
  }) => {
    let backend: Backend | undefined;
    let closed = false;
    const port = () => {
      const address = server.httpServer?.address();
      return typeof address === 'object' && address ? address.port : undefined;
    };
    const started = () => (backend ??= startBackend(server.config.logger, pageOrigin(server.config.logger, port())));
    server.httpServer?.once('listening', () => {
      if (!closed) started();
    });
    server.middlewares.use((req, res, next) => {
      if (!isApi(req.url)) return next();
      if (closed) return unavailable(res, new Error('the server is closing'));
      void forward(started(), req, res);
    });
    const close = server.close.bind(server);
    server.close = async () => {
      closed = true;
      await Promise.all([close(), backend?.stop()]);
    };
  };
  return {
    name: 'security-info-backend',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}

export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['@security-info/source', 'browser', 'module', 'import', 'default'] },
  plugins: [securityInfoBackend()],
  server: { port: 5173, open: false },
  preview: { port: 4173 },
  build: { outDir: '../dist/demo', emptyOutDir: true },
});
