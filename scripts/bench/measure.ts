import autocannon, { type Client, type Request } from "autocannon";

import type { Credentials } from "@/lib/api-keys/credentials";

// Each measurement is one bounded autocannon run against the loopback
// server. Latencies are collected per response (autocannon's own histogram
// rounds to whole milliseconds, too coarse for a 5 ms target).

export const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export type Measurement = {
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
};

export function basicAuth({ authId, accessKey }: Credentials): string {
  return `Basic ${Buffer.from(`${authId}:${accessKey}`).toString("base64")}`;
}

export async function measure(options: {
  url: string;
  connections: number;
  headers?: Record<string, string>;
  requests?: Request[];
  duration?: number;
}): Promise<Measurement> {
  const latencies: number[] = [];

  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration ?? DURATION_SECONDS,
    headers: options.headers,
    requests: options.requests,
    timeout: 30,
    setupClient: (client: Client) => {
      client.on("response", (status: number, _bytes: number, ms: number) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      });
    },
  });

  latencies.sort((a, b) => a - b);

  return {
    requests: result["2xx"],
    requestsPerSecond: result["2xx"] / result.duration,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(
    sorted.length - 1,
    Math.ceil(fraction * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)]!;
}
