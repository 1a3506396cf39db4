// npm run apikey -- <name> <viewer|editor|admin>: prints a new key (shown once) and the line to configure it.
import { ROLES, digest, newApiKey, type Role } from '../auth/api-keys.ts';
import { exitWithUsage } from './parse-cli-args.ts';

const [name, role] = process.argv.slice(2);
if (!name || !/^[\w.-]+$/.test(name) || !ROLES.includes(role as Role)) exitWithUsage('usage: npm run apikey -- <name> <viewer|editor|admin>');
const key = newApiKey();
process.stdout.write(`API key for ${name} (${role}); give it to them, it is not stored anywhere:\n  ${key}\n`);
process.stdout.write(`Add to CHAINSCOPE_API_KEYS (comma-separated):\n  ${name}:${role}:${digest(key)}\n`);
