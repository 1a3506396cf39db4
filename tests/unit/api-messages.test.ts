// The API's validation phrases as the Chinese interface shows them: each phrase the API words
// (domain.ts, validate.ts) has its Chinese, the value it names kept; anything else is left as is.
import { describe, expect, it } from 'vitest';
import { validate } from '../../api/src/import/validate.ts';
import type { InputFile } from '../../api/src/import/read-files.ts';
import type { Problem } from '../../api/src/import/problems.ts';
import { badInput, notFound } from '../../api/src/graphql/errors.ts';
import { LIMITS } from '../../api/src/graphql/limits.ts';
import { apiMessageIn } from '../../web/src/i18n/api-messages.ts';

async function problemsOf(values: Record<string, unknown>): Promise<Problem[]> {
  const input: InputFile = { file: 'Company.json', kind: 'node', label: 'Company', columns: Object.keys(values), rows: [{ line: 1, values }] };
  const problems: Problem[] = [];
  await validate([input], () => ({ source: 'test', asOf: '2025-01-01' }), async () => new Map(), problems);
  return problems;
}

describe('apiMessageIn', () => {
  it('says the API\'s own validation phrases in Chinese, keeping the value', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 'co-a', name: 'A', employees: -10 }, '不能小于 0（原值 -10）'],
      [{ id: 'co-a', name: 'A', stage: 'giant' }, '必须是以下之一：startup、scaleup、enterprise（原值 "giant"）'],
      [{ id: 'co-a', name: 'A', employees: 1.5 }, '必须是整数（原值 1.5）'],
      [{ id: 'co-a', name: 'A', listed: 'yes' }, '必须是 true 或 false（原值 "yes"）'],
      [{ id: 'co-a', name: 'x'.repeat(301) }, `长度不能超过 300 个字符（原值 "${'x'.repeat(79)}）`],
      [{ id: 'co-a' }, '为必填项'],
    ];
    for (const [values, zh] of cases) {
      const [problem] = await problemsOf(values);
      expect(apiMessageIn('zh', problem!.message), problem!.message).toBe(zh);
      expect(apiMessageIn('en', problem!.message)).toBe(problem!.message);
    }
  });

  it('says a request\'s unknown ids and refused arguments in Chinese', () => {
    // Made as the resolvers make them (graph-resolvers.ts, entity-resolvers.ts).
    expect(apiMessageIn('zh', notFound('id', 'co-nope').message)).toBe('没有 id 为“co-nope”的实体');
    expect(apiMessageIn('zh', 'No region with id "reg-x" (argument "filter.regionId")')).toBe('没有 id 为“reg-x”的地区');
    const same = badInput('toId', 'must differ from fromId').message;
    expect(apiMessageIn('zh', same)).toBe('起点和终点不能是同一个实体');
    expect(apiMessageIn('zh', badInput('query', `is longer than ${LIMITS.queryLength} characters`).message)).toBe(`搜索词不能超过 ${LIMITS.queryLength} 个字符`);
    expect(apiMessageIn('en', same)).toBe(same);
  });

  it('leaves a message it does not know as the API wrote it', () => {
    expect(apiMessageIn('zh', 'no node with id "co-x" in the input or the database')).toBe('no node with id "co-x" in the input or the database');
  });
});
