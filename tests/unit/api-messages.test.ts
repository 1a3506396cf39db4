// The API's validation phrases as the Chinese interface shows them: each phrase the API words
// (domain.ts, validate.ts) has its Chinese, the value it names kept; anything else is left as is.
import { describe, expect, it } from 'vitest';
import { validate } from '../../api/src/import/validate.ts';
import { ImportInterrupted, ImportUnaudited } from '../../api/src/import/import-dataset.ts';
import { readInputFile, type InputFile } from '../../api/src/import/read-files.ts';
import type { Problem } from '../../api/src/import/problems.ts';
import { badInput, notFound } from '../../api/src/graphql/errors.ts';
import { LIMITS, checkId, checkList, checkRange } from '../../api/src/graphql/limits.ts';
import { CommitUnconfirmed, translateError } from '../../api/src/db/neo4j.ts';
import { Neo4jError } from 'neo4j-driver';
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

  it('says an import\'s problems with its rows in Chinese, keeping the ids, files and lines', async () => {
    const node = (label: 'Company' | 'Region' | 'Policy', file: string, rows: Record<string, unknown>[]): InputFile =>
      ({ file, kind: 'node', label, columns: Object.keys(rows[0]!), rows: rows.map((values, i) => ({ line: i + 2, values })) });
    const rel = (type: 'SUPPLIES' | 'WITHIN' | 'LOCATED_IN', file: string, rows: Record<string, unknown>[]): InputFile =>
      ({ file, kind: 'relationship', type, columns: Object.keys(rows[0]!), rows: rows.map((values, i) => ({ line: i + 2, values })) });
    const files = [
      node('Company', 'Company.csv', [{ id: 'co-a', name: 'A' }, { id: 'co-a', name: 'A again' }, { id: 'co-old', name: 'Old' }, { id: 'co-b', name: 'B' }]),
      node('Region', 'Region.csv', [{ id: 'reg-x', name: 'X', level: 'city' }, { id: 'reg-y', name: 'Y', level: 'province' }]),
      node('Company', 'Lab.csv', [{ id: 'co-c', name: 'C', colour: 'red' }]),
      rel('SUPPLIES', 'SUPPLIES.csv', [{ from: 'co-a', to: 'co-a', product: 'p' }, { from: 'co-a', to: 'co-b', product: 'p' }, { from: 'co-a', to: 'co-b', product: 'p' }, { from: 'co-a', to: 'co-none', product: 'p' }, { from: 'co-a', to: 'reg-x', product: 'p' }]),
      rel('WITHIN', 'WITHIN.csv', [{ from: 'reg-x', to: 'reg-y' }, { from: 'reg-y', to: 'reg-x' }]),
      rel('LOCATED_IN', 'LOCATED_IN.csv', [{ from: 'reg-x', to: 'reg-y' }]),
      node('Policy', 'Policy.csv', [{ id: 'pol-a', name: 'P', validFrom: '2025-06-01', validTo: '2025-01-01' }]),
    ];
    const problems: Problem[] = [];
    await validate(files, () => ({ source: 'test', asOf: '2025-01-01' }),
      async () => new Map([['co-old', { label: 'Lab' as const }]]), problems);
    const zh = problems.map((p) => apiMessageIn('zh', p.message));
    expect(zh).toEqual(expect.arrayContaining([
      '重复的 id“co-a”（首次出现在 Company.csv 第 2 行）',
      expect.stringMatching(/^未知的列；可用的列为：id, /),
      'SUPPLIES 关系的起点和终点不能是同一个实体（“co-a”）',
      '重复的 SUPPLIES 关系：从“co-a”到“co-b”',
      '导入数据和数据库中都没有 id 为“co-none”的节点',
      '“reg-x”是 Region；SUPPLIES 关系的终点应为 Company',
      '“co-old”在数据库中已是 Lab，不是 Company',
      '会使“reg-y”位于其自身之内（reg-y ⊂ reg-x ⊂ reg-y）',
      '早于 validFrom（2025-01-01 < 2025-06-01）',
      '“reg-x”是 Region；LOCATED_IN 关系的起点应为 Company 或 Lab 或 Incubator 或 Cluster',
    ]));
    // Each of these problems has its Chinese: none is left in English.
    expect(zh.filter((m) => /[a-z]{4,} [a-z]{4,}/.test(m.replace(/“[^”]*”|（[^）]*）/g, '')))).toEqual([]);
  });

  it('says an import\'s problems with a whole file in Chinese', async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['Company.csv', Buffer.concat([Buffer.from('id,name\nco-a,A'), Buffer.from([0xff])]), /^文件不是有效的 UTF-8 编码/],
      ['Company.csv', 'id,name\nco-a,A,extra\n', /^该行有 3 个字段，表头有 2 个$/],
      ['Company.csv', 'id,id\nco-a,co-b\n', /^表头中此列出现了两次$/],
      ['Company.csv', '', /^文件为空；CSV 文件的第一行应为表头$/],
      ['Companies.csv', 'id,name\nco-a,A\n', /^文件名“Companies”既不是节点标签/],
      ['Company.json', '[1, 2]', /^JSON 导入文件应只包含一个对象数组$/],
      ['Company.json', '[{"id": ', /^JSON 格式错误：/],
      ['Company.csv', 'id,name\nco-a,"A"B\n', /^CSV 格式错误：/],
    ];
    for (const [file, text, zh] of cases) {
      const problems: Problem[] = [];
      await readInputFile(file, Buffer.from(text), problems);
      expect(problems.length, `${file}: ${String(text)}`).toBeGreaterThan(0);
      expect(apiMessageIn('zh', problems[0]!.message), problems[0]!.message).toMatch(zh);
    }
  });

  it('says what became of an import that failed while written in Chinese', () => {
    const why = new Error('the database went away');
    expect(apiMessageIn('zh', new ImportInterrupted(1_200, 3_400, why).message)).toBe(
      '导入中途停止：3,400 行中至少 1,200 行已保存，其余可能没有保存（the database went away）。再次导入相同的文件是安全的：已保存的行会被匹配，不会重复添加。');
    expect(apiMessageIn('zh', new ImportInterrupted(0, 2, why).message)).toBe(
      '导入在确认保存任何一行之前停止（共 2 行），其中一些可能已经保存（the database went away）。再次导入相同的文件是安全的：已保存的行会被匹配，不会重复添加。');
    expect(apiMessageIn('zh', new ImportUnaudited(2, why).message)).toBe('导入的全部 2 行均已保存，但未能写入它在审计日志中的记录（the database went away）。');
  });

  it('says the database\'s failures and the server\'s limits in Chinese', () => {
    const failure = (code: string, message = 'x') => (translateError(new Neo4jError(message, code, '50N42', 'error')) as Error).message;
    const cases: [string, string][] = [
      [failure('ServiceUnavailable'), '无法连接图数据库，请稍后再试'],
      [failure('ProtocolError'), '图数据库有响应，但不是 Bolt 协议；请检查 NEO4J_URI（Bolt 端口是 7687，不是 HTTP 的 7474）'],
      [failure('N/A', 'Connection acquisition timed out in 60000 ms.'), '图数据库过于繁忙，请稍后再试'],
      [failure('Neo.TransientError.General.MemoryPoolOutOfMemoryError'), '查询所需内存超出了数据库允许的上限；请缩小范围（更小的地区或深度）'],
      [failure('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), '查询耗时超过了配置的上限（CHAINSCOPE_QUERY_TIMEOUT_MS）'],
      [failure('Neo.TransientError.Transaction.Terminated'), '数据库在事务完成前终止了它（超过了配置的上限 CHAINSCOPE_QUERY_TIMEOUT_MS，或数据库正在停止）；其中的更改均未保留，请重试'],
      [(translateError(new CommitUnconfirmed('The graph database stopped answering while the change was being committed')) as Error).message,
        '提交更改时图数据库停止了响应；更改可能已经保存，重新提交前请先核对'],
      [(translateError(new CommitUnconfirmed('The graph database did not answer within 31.5 s')) as Error).message,
        '图数据库在 31.5 秒内没有响应；更改可能已经保存，重新提交前请先核对'],
      // As db/neo4j.ts words a database that left a request unanswered past its deadline.
      ['The graph database did not answer within 31.5 s; try again shortly', '图数据库在 31.5 秒内没有响应，请稍后再试'],
      ['The graph database did not answer within 31.5 s; the change was not saved, send it again shortly', '图数据库在 31.5 秒内没有响应；更改未保存，请稍后重新提交'],
      ['The change was saved, but reading it back failed: The graph database is unreachable; try again shortly', '更改已保存，但读回失败：无法连接图数据库，请稍后再试'],
    ];
    for (const [en, zh] of cases) {
      expect(apiMessageIn('zh', en), en).toBe(zh);
      expect(apiMessageIn('en', en)).toBe(en);
    }
    // A reason inside an import's failure is said in Chinese too.
    expect(apiMessageIn('zh', new ImportInterrupted(5, 9, new Error(failure('ServiceUnavailable'))).message)).toContain('（无法连接图数据库，请稍后再试）');
  });

  it('says a refused argument in Chinese, keeping its name and value', () => {
    const refusal = (check: () => unknown) => {
      try {
        check();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(apiMessageIn('zh', refusal(() => checkRange('depth', 9, 1, 6)))).toBe('参数 depth 必须是 1 到 6 之间的整数（原值 9）');
    expect(apiMessageIn('zh', refusal(() => checkId('id', '')))).toBe('参数 id 必须是非空的 id，且不超过 128 个字符');
    expect(apiMessageIn('zh', refusal(() => checkList('ids', Array(60).fill('x'), 50)))).toBe('参数 ids 最多只能包含 50 项（实际 60 项）');
    // An edit's field refused with a validation phrase (edit/edit-graph.ts).
    expect(apiMessageIn('zh', badInput('input.employees', 'must be at least 0 (got -3)').message)).toBe('参数 input.employees 不能小于 0（原值 -3）');
    expect(apiMessageIn('zh', badInput('chainId', 'names a Company, not a Chain').message)).toBe('参数 chainId 指向的是 Company，不是 Chain');
    expect(apiMessageIn('zh', badInput('input.employees', 'does not apply to a Region').message)).toBe('参数 input.employees 不适用于 Region');
  });

  it('leaves a message it does not know as the API wrote it', () => {
    expect(apiMessageIn('zh', 'The database is not reachable')).toBe('The database is not reachable');
    expect(apiMessageIn('zh', 'Argument "x" is purple')).toBe('Argument "x" is purple');
  });
});
