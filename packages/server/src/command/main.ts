/**
 * `security-info-server`: the reference service in one command, configured by environment (see `--help`). Exit
 * codes: 0 after a clean stop or `--help`, 2 for a configuration that cannot start, 1 when starting failed.
 */
import { describeError } from '../redact.js';
import { ConfigurationError } from '../options.js';
import { configFromEnv, helpText } from './config.js';
import { FolderLockedError } from './lock.js';
import { startService } from './service.js';

const NAME = 'security-info-server';
const out = {
  info: (line: string) => void process.stdout.write(`${line}\n`),
  error: (line: string) => void process.stderr.write(`${line}\n`),
};

function quit(code: number, message: string): never {
  out.error(`${NAME}: ${message}`);
  process.exit(code);
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(helpText());
    return;
  }
  if (args.length > 0) quit(2, `unknown argument ${args[0]}: it is configured by environment (see --help).`);

  const config = configFromEnv(process.env);
  if ('errors' in config) {
    for (const { variable, message } of config.errors) out.error(`${NAME}: ${variable} ${message}`);
    quit(2, 'not started: fix the variables above (see --help).');
  }

  for (const { variable, message } of config.warnings) out.error(`${NAME}: warning: ${variable} ${message}`);

  // Signals are heard from now on: one that comes while the database opens stops the service once it has started,
  // so the store is closed and the folder unlocked either way.
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  let stopRequested: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    const delay = config.stopDelayMs;
    out.info(
      `${NAME}: ${signal}: stopping, ` +
        (delay > 0
          ? `readiness failing; still serving for ${delay} ms, then letting requests in flight finish`
          : 'letting requests in flight finish'),
    );
    service!.stop().then(
      () => {
        out.info(`${NAME}: stopped`);
        process.exit(0);
      },
      (error: unknown) => quit(1, `stopping failed: ${describeError(error)}`),
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) quit(1, `${signal} again: stopped without waiting.`);
    stopRequested = signal;
    if (service) stop(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  if (config.database.kind === 'pglite')
    out.info(`${NAME}: opening the embedded database in ${config.database.dataDir} (a new one takes a few seconds)`);
  try {
    service = await startService(config, out);
  } catch (error) {
    if (error instanceof FolderLockedError) quit(1, `not started: ${error.message}.`);
    if (error instanceof ConfigurationError) quit(2, `not started: ${error.message.replace(/^security-info: /, '')}`);
    // Nothing of a person is around yet: the whole message helps more than a redacted one (addresses, ports).
    quit(1, `not started: ${error instanceof Error ? error.message : String(error)}`);
  }
  const where =
    config.database.kind === 'pglite' ? `the embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  out.info(`${NAME} listening on ${service.origin} (routes under ${config.options.basePath || '/'}, ${where})`);
  if (service.management)
    out.info(
      `${NAME}: ${config.metrics ? 'health, readiness and metrics' : 'health and readiness'} on ` +
        `${service.management.origin}, not on the public port`,
    );
  if (config.options.development) out.info(`${NAME}: development mode: not for a service on the internet.`);
  // Said where warnings go, and with the address: on HOST=0.0.0.0 it is everyone on the network.
  if (config.devUser !== undefined)
    out.error(
      `${NAME}: SECURITY_INFO_AUTH=dev signs every request in as ${config.devUser}, whoever sends it: anyone ` +
        `who can reach ${service.origin} is that user.`,
    );
  if (stopRequested) stop(stopRequested);
}

main(process.argv.slice(2)).catch((error: unknown) => quit(1, describeError(error)));
