import pino, { type LoggerOptions } from "pino";

// Secrets are removed here, at the logger, so that no call site has to
// remember to: a stray `logger.error({ headers })` still prints no cookie.
const REDACTED_PATHS = [
  "authorization",
  "cookie",
  "accessKey",
  "password",
  "*.authorization",
  "*.cookie",
  "*.accessKey",
  "*.password",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
];

// pino-pretty runs in a worker thread; it is for people reading a terminal,
// so it stays out of production (JSON) and out of tests (quiet by default).
const isTest = process.env.NODE_ENV === "test" || Boolean(process.env.VITEST);
const usePretty = process.env.NODE_ENV === "development" && !isTest;

export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (isTest ? "silent" : "info"),
  redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  // `err` with its `cause` chain, so a wrapped database error stays readable.
  serializers: { err: pino.stdSerializers.errWithCause },
};

export const logger = pino({
  ...loggerOptions,
  ...(usePretty
    ? {
        transport: {
          target: "pino-pretty",
          options: { colorize: true, translateTime: "SYS:HH:MM:ss" },
        },
      }
    : {}),
});
