// The part of autocannon 9 that scripts/load.ts uses (it ships no types).
declare module "autocannon" {
  type Context = Record<string, unknown>;
  type RawRequest = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };

  namespace autocannon {
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      requests?: {
        setupRequest?: (request: RawRequest, context: Context) => RawRequest;
        onResponse?: (status: number, body: string, context: Context) => void;
      }[];
    };
    type Histogram = {
      average: number;
      total: number;
      p50: number;
      p97_5: number;
      p99: number;
      max: number;
    };
    type Result = {
      duration: number;
      connections: number;
      errors: number;
      timeouts: number;
      requests: Histogram;
      latency: Histogram;
    };
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
