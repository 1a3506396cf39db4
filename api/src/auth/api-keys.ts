// API keys with roles. Keys are never stored: the configuration holds their SHA-256 digests
// (keys are 32 random bytes, so a fast digest is enough), from CHAINSCOPE_API_KEYS
// ("name:role:sha256,…") and/or CHAINSCOPE_API_KEYS_FILE (a JSON array of {name, role, sha256}).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Caller { name: string; role: Role }

const entry = z.object({
  name: z.string().min(1),
  role: z.enum(ROLES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
});

export function digest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newApiKey(): string {
  return `cs_${randomBytes(32).toString('base64url')}`;
}

export class ApiKeys {
  private readonly byDigest: Map<string, Caller>;

  constructor(entries: z.infer<typeof entry>[]) {
    this.byDigest = new Map(entries.map((e) => [e.sha256, { name: e.name, role: e.role }]));
  }

  static fromEnv(env: NodeJS.ProcessEnv): ApiKeys {
    const entries: z.infer<typeof entry>[] = [];
    for (const [i, text] of (env.CHAINSCOPE_API_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean).entries()) {
      const [name, role, sha256] = text.split(':');
      const parsed = entry.safeParse({ name, role, sha256 });
      if (!parsed.success) throw new Error(`CHAINSCOPE_API_KEYS entry ${i + 1}: expected name:role:sha256 (${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message})`);
      entries.push(parsed.data);
    }
    if (env.CHAINSCOPE_API_KEYS_FILE) {
      const parsed = z.array(entry).safeParse(JSON.parse(fs.readFileSync(env.CHAINSCOPE_API_KEYS_FILE, 'utf8')));
      if (!parsed.success) throw new Error(`${env.CHAINSCOPE_API_KEYS_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      entries.push(...parsed.data);
    }
    return new ApiKeys(entries);
  }

  /** The caller a key belongs to, or undefined for an unknown key. */
  identify(key: string): Caller | undefined {
    return this.byDigest.get(digest(key));
  }
}

export function hasRole(caller: Caller | undefined, needed: Role): boolean {
  return caller !== undefined && ROLES.indexOf(caller.role) >= ROLES.indexOf(needed);
}
