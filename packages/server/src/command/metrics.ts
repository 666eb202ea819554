/** The handler's metrics hooks as Prometheus metrics (prom-client), in a registry of the command's own. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SecurityInfoMetrics } from '../options.js';

export interface PrometheusMetrics {
  /** For the handler's `metrics` option. */
  hooks: Required<SecurityInfoMetrics>;
  /** The text exposition format, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sends = new Counter({
    name: 'security_info_codes_sent_total',
    help: 'Codes handed to the sender, by channel, destination country and outcome (delivered, failed, timeout).',
    labelNames: ['channel', 'country', 'outcome'] as const,
    registers: [registry],
  });
  const providerFailures = new Counter({
    name: 'security_info_sender_failures_total',
    help: 'Codes the sender did not deliver: refused by the provider (failed) or not answered in time (timeout).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const checks = new Counter({
    name: 'security_info_code_checks_total',
    help: 'Codes checked, by purpose (enroll, sign-in) and outcome (verified, invalid-code, expired, locked, ...).',
    labelNames: ['purpose', 'outcome'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'security_info_refusals_total',
    help: "Requests refused with one of the contract's errors, by route and error (rate-limited, number-rejected, ...).",
    labelNames: ['route', 'reason'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'security_info_request_duration_seconds',
    help: 'Time to answer a request of the HTTP contract, by route, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return {
    hooks: {
      codeSent({ channel, region, outcome }) {
        sends.inc({ channel, country: region, outcome });
        if (outcome !== 'delivered') providerFailures.inc({ channel, outcome });
      },
      codeChecked: ({ purpose, outcome }) => checks.inc({ purpose, outcome }),
      refused: ({ route, error }) => refusals.inc({ route, reason: error }),
      answered: ({ route, method, status, seconds }) => latency.observe({ route, method, status }, seconds),
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
