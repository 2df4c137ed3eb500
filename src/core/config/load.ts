import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LockstepError } from '../errors';
import { zodProblems } from '../dispatch';
import { optionsSchema, type LockstepOptions } from './options';

/**
 * Reads options from an optional JSON config file, then lets environment
 * variables override it: LOCKSTEP_DATA_DIR, REDIS_URL, LOCKSTEP_PORT,
 * LOCKSTEP_HOST, LOCKSTEP_WEBHOOK_SECRET, LOCKSTEP_NAMESPACE.
 * Throws LockstepError('invalid_input') naming every bad field.
 */
export function loadOptions(
  configPath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): LockstepOptions {
  const fromFile = configPath ? readConfigFile(configPath) : {};
  if (
    typeof fromFile !== 'object' ||
    fromFile === null ||
    Array.isArray(fromFile)
  ) {
    throw new LockstepError(
      'invalid_input',
      `Config file ${configPath ?? ''} must hold a JSON object.`,
    );
  }
  const merged: Record<string, unknown> = { ...fromFile };

  if (env.LOCKSTEP_DATA_DIR) merged.dataDir = env.LOCKSTEP_DATA_DIR;
  if (env.REDIS_URL) merged.redisUrl = env.REDIS_URL;
  if (env.LOCKSTEP_PORT) merged.port = Number(env.LOCKSTEP_PORT);
  if (env.LOCKSTEP_HOST) merged.host = env.LOCKSTEP_HOST;
  if (env.LOCKSTEP_WEBHOOK_SECRET)
    merged.webhookSecret = env.LOCKSTEP_WEBHOOK_SECRET;
  if (env.LOCKSTEP_NAMESPACE) merged.namespace = env.LOCKSTEP_NAMESPACE;

  return parseOptions(merged, configPath ?? 'environment');
}

/** Parses an options object; errors name the file and every bad field. */
export function parseOptions(raw: unknown, origin: string): LockstepOptions {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = zodProblems(parsed.error);
    const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    throw new LockstepError(
      'invalid_input',
      `Invalid configuration in ${origin}: ${list}`,
      {
        fields,
      },
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir) };
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LockstepError(
      'invalid_input',
      `Cannot read config file ${path}: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new LockstepError(
      'invalid_input',
      `Config file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}
