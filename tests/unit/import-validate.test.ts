// The importer's checks on their own; the database lookup is a plain function argument here
// (tests/integration/import.test.ts runs the same checks against Neo4j).
import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../api/src/import/read-files.ts';
import { validate, type InDatabase } from '../../api/src/import/validate.ts';
import type { Problem } from '../../api/src/import/problems.ts';

async function check(files: Record<string, string | Buffer>, known: Record<string, InDatabase> = {}) {
  const problems: Problem[] = [];
  const inputs = [];
  for (const [file, text] of Object.entries(files)) {
    const input = await readInputFile(file, Buffer.isBuffer(text) ? text : Buffer.from(text), problems);
    if (input) inputs.push(input);
  }
  const dataset = await validate(
    inputs,
    (file) => ({ source: file, asOf: '2025-01-01' }),
    async (ids) => new Map((await ids()).filter((id) => id in known).map((id) => [id, known[id]!])),
    problems,
  );
  return { problems, dataset };
}

const company = 'id,name,stage,employees\nco-a,Alpha,startup,12\nco-b,Beta,enterprise,900\n';

describe('import validation', () => {
  it('accepts good rows, coerces types and fills provenance from the file', async () => {
    const { problems, dataset } = await check({
      'Company.csv': company,
      'SUPPLIES.csv': 'from,to,product,confidence\nco-b,co-a,wafers,0.8\n',
    });
    expect(problems).toEqual([]);
    expect(dataset.nodes[0]).toMatchObject({ id: 'co-a', label: 'Company', props: { name: 'Alpha', stage: 'startup', employees: 12 } });
    expect(dataset.relationships[0]!.props).toEqual({ source: 'SUPPLIES.csv', asOf: '2025-01-01', confidence: 0.8, product: 'wafers' });
  });

  it.each([
    ['a missing required field', { 'Company.csv': 'id,name\nco-a,\n' }, { line: 2, field: 'name', message: 'is required' }],
    ['a bad enumeration', { 'Company.csv': 'id,name,stage\nco-a,A,giant\n' }, { line: 2, field: 'stage', message: 'must be one of "startup", "scaleup", "enterprise" (got "giant")' }],
    ['a negative head count', { 'Company.csv': 'id,name,employees\nco-a,A,-10\n' }, { line: 2, field: 'employees', message: 'must be at least 0 (got -10)' }],
    ['a name too long', { 'Company.csv': `id,name\nco-a,${'x'.repeat(301)}\n` }, { line: 2, field: 'name', message: expect.stringMatching(/^must be at most 300 characters long/) }],
    ['a year out of range', { 'Company.csv': 'id,name,founded\nco-a,A,1700\n' }, { line: 2, field: 'founded', message: 'must be at least 1800 (got 1700)' }],
    ['a TRL out of range', { 'Technology.csv': 'id,name,trl\nt-1,T,12\n' }, { line: 2, field: 'trl', message: expect.stringMatching(/TRL is 1–9/) }],
    ['a confidence above 1', { 'Company.csv': company, 'SUPPLIES.csv': 'from,to,product,confidence\nco-a,co-b,x,1.5\n' }, { file: 'SUPPLIES.csv', line: 2, field: 'confidence' }],
    ['a duplicate id', { 'Company.csv': 'id,name\nco-a,A\nco-a,B\n' }, { line: 3, field: 'id', message: expect.stringMatching(/duplicate id "co-a"/) }],
    ['an unknown column', { 'Company.csv': 'id,name,colour\nco-a,A,red\n' }, { line: 1, field: 'colour' }],
    ['a missing end', { 'Company.csv': company, 'SUPPLIES.csv': 'from,to,product\nco-a,co-zzz,x\n' }, { line: 2, field: 'to', message: expect.stringMatching(/no node with id "co-zzz"/) }],
    ['a wrong end label', { 'Company.csv': company, 'Segment.csv': 'id,name\nseg-x,X\n', 'SUPPLIES.csv': 'from,to,product\nco-a,seg-x,x\n' }, { field: 'to', message: expect.stringMatching(/is a Segment; SUPPLIES ends at Company/) }],
    ['a self-loop', { 'Company.csv': company, 'SUPPLIES.csv': 'from,to,product\nco-a,co-a,x\n' }, { line: 2, field: 'to', message: expect.stringMatching(/cannot start and end at the same entity \("co-a"\)/) }],
    ['a control character in a name', { 'Company.csv': 'id,name\nco-a,"A\u0007B"\n' }, { line: 2, field: 'name', message: expect.stringMatching(/control characters/) }],
    ['a column named twice', { 'Company.csv': 'id,name,name\nco-a,A,B\n' }, { line: 1, field: 'name', message: 'the header names this column twice' }],
    ['an empty CSV file', { 'Company.csv': '' }, { file: 'Company.csv', line: 1, message: expect.stringMatching(/empty; a CSV file starts with its header/) }],
    ['a number in hex', { 'Company.csv': 'id,name,employees\nco-a,A,0x10\n' }, { line: 2, field: 'employees', message: expect.stringMatching(/expected a number in decimal notation/) }],
    ['a number too large to store', { 'Company.csv': 'id,name,employees\nco-a,A,1e400\n' }, { line: 2, field: 'employees', message: 'is too large a number (got "1e400")' }],
    ['a number too large to store, in JSON', { 'Company.json': '[{"id": "co-a", "name": "A", "employees": 1e400}]' }, { line: 1, field: 'employees', message: 'is too large a number' }],
    ['a fraction of an employee', { 'Company.json': '[{"id": "co-a", "name": "A", "employees": 12.5}]' }, { line: 1, field: 'employees', message: expect.stringMatching(/expected a whole number/) }],
    ['a name of spaces', { 'Company.csv': 'id,name\nco-a,   \n' }, { line: 2, field: 'name', message: 'is required' }],
    ['a yes for a boolean', { 'Company.csv': 'id,name,listed\nco-a,A,yes\n' }, { line: 2, field: 'listed', message: expect.stringMatching(/expected true or false/) }],
    ['a day not in the calendar', { 'Policy.csv': 'id,name,validFrom\np-a,P,2024-02-30\n' }, { line: 2, field: 'validFrom', message: expect.stringMatching(/not a day of the calendar/) }],
    ['a relationship known true in the future', { 'Company.csv': company, 'SUPPLIES.csv': 'from,to,product,asOf\nco-a,co-b,x,2999-01-01\n' }, { file: 'SUPPLIES.csv', line: 2, field: 'asOf', message: expect.stringMatching(/is in the future/) }],
    ['a policy that ends before it starts', { 'Policy.csv': 'id,name,validFrom,validTo\np-a,P,2025-01-01,2024-06-30\n' }, { line: 2, field: 'validTo', message: 'is before validFrom (2024-06-30 < 2025-01-01)' }],
    ['a job left before it began', { 'Talent.csv': 'id,name\nt-a,T\n', 'Lab.csv': 'id,name\nl-a,L\n', 'WORKS_AT.csv': 'from,to,since,until\nt-a,l-a,2020,2010\n' }, { file: 'WORKS_AT.csv', line: 2, field: 'until', message: 'is before since (2010 < 2020)' }],
    ['broken CSV quoting', { 'Company.csv': 'id,name\nco-a,"Alpha\n' }, { file: 'Company.csv', message: expect.stringMatching(/broken CSV/) }],
    ['invalid UTF-8', { 'Company.csv': Buffer.concat([Buffer.from('id,name\nco-a,A\nco-b,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]) }, { line: 3, message: expect.stringMatching(/not valid UTF-8/) }],
    ['an unknown file name', { 'Companies.csv': company }, { file: 'Companies.csv', message: expect.stringMatching(/neither a node label/) }],
  ])('reports %s with file, line and field', async (_, files, expected) => {
    const { problems } = await check(files as Record<string, string | Buffer>);
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  it('refuses a relationship given twice in a file, and only that one', async () => {
    const { problems, dataset } = await check({
      'Company.csv': 'id,name\nco-a,A\nco-b,B\nco-c,C\n',
      'SUPPLIES.csv': 'from,to,product\nco-a,co-b,x\nco-b,co-a,y\nco-a,co-c,z\nco-a,co-b,again\n',
    });
    expect(problems).toEqual([{ file: 'SUPPLIES.csv', line: 5, field: 'to', message: 'duplicate SUPPLIES from "co-a" to "co-b"' }]);
    expect(dataset.relationships.map((r) => `${r.from}>${r.to}`)).toEqual(['co-a>co-b', 'co-b>co-a', 'co-a>co-c']);
  });

  it('reads Chinese and quoted fields intact across the slices the parser is fed (a 3 MB file)', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `co-${i},晶圆制造${i},"引号,内""容"`);
    const problems: Problem[] = [];
    const file = await readInputFile('Company.csv', Buffer.from(`\uFEFFid,name,nameZh\n${rows.join('\n')}\n`), problems);
    expect(problems).toEqual([]);
    expect(file!.columns).toEqual(['id', 'name', 'nameZh']);
    expect(file!.rows).toHaveLength(60_000);
    expect(file!.rows.filter((r, i) => r.line !== i + 2 || r.values.name !== `晶圆制造${i}` || r.values.nameZh !== '引号,内"容')).toEqual([]);
  });

  it('numbers rows by the line they end on, across empty lines and line breaks inside quotes', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['', 'id,name,description', 'co-a,A,', '', `co-b,B,"two${eol}lines"`, 'co-c,C,', `co-d,D,"three${eol}${eol}lines"`, '', 'co-e,E,', ''].join(eol);
      const problems: Problem[] = [];
      const file = await readInputFile('Company.csv', Buffer.from(text), problems);
      expect(problems).toEqual([]);
      expect(file!.rows.map((r) => [r.values.id, r.line])).toEqual([['co-a', 3], ['co-b', 6], ['co-c', 7], ['co-d', 10], ['co-e', 12]]);
      expect(file!.rows[3]!.values.description).toBe(`three${eol}${eol}lines`);
    }
  });

  it('reports each row with too few or too many fields on its line and reads the rest', async () => {
    const { problems, dataset } = await check({ 'Company.csv': 'id,name,stage\nco-a,A\nco-b,B,startup\nco-c,C,startup,extra\n"co-d\nx",D\n' });
    expect(problems).toEqual([
      { file: 'Company.csv', line: 2, field: '', message: 'the row has 2 fields; the header has 3' },
      { file: 'Company.csv', line: 4, field: '', message: 'the row has 4 fields; the header has 3' },
      { file: 'Company.csv', line: 6, field: '', message: 'the row has 2 fields; the header has 3' },
    ]);
    expect(dataset.nodes.map((n) => [n.id, n.line])).toEqual([['co-b', 3]]);
  });

  it('refuses a JSON file longer than the longest string with a problem, not a crash', async () => {
    const problems: Problem[] = [];
    const bytes = Buffer.alloc(2 ** 29 + 1024, ' ');
    bytes.write('[', 0);
    bytes.write(']', bytes.length - 1);
    expect(await readInputFile('Company.json', bytes, problems)).toBeUndefined();
    expect(problems).toEqual([{ file: 'Company.json', line: 0, field: '', message: 'the file is 513 MB, too long to read as one JSON text; split it into several files, or use CSV' }]);
  });

  it('finds the line of a bad byte deep in a big file', async () => {
    const problems: Problem[] = [];
    const bytes = Buffer.concat([Buffer.from(`id,name\n${'co-x,晶圆\n'.repeat(30_000)}`), Buffer.from([0xe6, 0x99]), Buffer.from('\nco-y,Y\n')]);
    expect(await readInputFile('Company.csv', bytes, problems)).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ line: 30_002, message: expect.stringMatching(/not valid UTF-8/) })]);
  });

  it('leaves out cells of spaces and lists with no element, and reads decimal notation', async () => {
    const { problems, dataset } = await check({ 'Company.csv': 'id,name,employees,aliases,founded\nco-a,A,  ,|,2024.0\nco-b,B,1e3, x | y ,\n' });
    expect(problems).toEqual([]);
    expect(dataset.nodes.map((n) => n.props)).toEqual([
      { name: 'A', founded: 2024 },
      { name: 'B', employees: 1000, aliases: ['x', 'y'], aliasText: 'x | y' },
    ]);
  });

  it('resolves relationship ends that already exist in the database', async () => {
    const { problems } = await check({ 'SUPPLIES.csv': 'from,to,product\nco-a,co-old,x\n' }, { 'co-a': { label: 'Company' }, 'co-old': { label: 'Company' } });
    expect(problems).toEqual([]);
  });

  it('refuses to change the kind of an existing id', async () => {
    const { problems } = await check({ 'Lab.csv': 'id,name\nco-a,A\n' }, { 'co-a': { label: 'Company' } });
    expect(problems).toContainEqual(expect.objectContaining({ field: 'id', message: expect.stringMatching(/already a Company/) }));
  });

  const regions = 'id,name\nr-a,A\nr-b,B\nr-c,C\n';

  it('refuses a WITHIN that closes a loop in the input, naming the loop, and keeps the rest', async () => {
    const { problems, dataset } = await check({ 'Region.csv': regions, 'WITHIN.csv': 'from,to\nr-a,r-b\nr-b,r-c\nr-c,r-a\n' });
    expect(problems).toEqual([expect.objectContaining({ file: 'WITHIN.csv', line: 4, field: 'to', message: 'would put "r-c" within itself (r-c within r-a within r-b within r-c)' })]);
    expect(dataset.relationships.map((r) => `${r.from}>${r.to}`)).toEqual(['r-a>r-b', 'r-b>r-c']);
  });

  it('refuses a WITHIN that closes a loop through the hierarchy already in the database', async () => {
    const known: Record<string, InDatabase> = { 'r-city': { label: 'Region', regionsAbove: ['r-province', 'r-country'] }, 'r-country': { label: 'Region', regionsAbove: [] } };
    const { problems } = await check({ 'WITHIN.csv': 'from,to\nr-country,r-city\n' }, known);
    expect(problems).toEqual([expect.objectContaining({ line: 2, field: 'to', message: expect.stringMatching(/would put "r-country" within itself/) })]);
    // A region within two others (a zone across two cities) is a hierarchy still, not a loop.
    expect((await check({ 'Region.csv': regions, 'WITHIN.csv': 'from,to\nr-a,r-b\nr-a,r-c\nr-b,r-c\n' })).problems).toEqual([]);
  });
});
