// The API words its messages in English (they are for any client). The web app shows the common
// ones in Chinese when the interface is: a request's unknown ids and refused arguments, an
// import's problems with its files and rows, and each validation phrase with the value named
// after it (" (got …)") kept as it is. A message matching none is shown as the API wrote it.
import type { Lang } from './strings.ts';

type Rule = [RegExp, (...parts: string[]) => string];

const ZH: Rule[] = [
  [/^is required$/, () => '为必填项'],
  [/^must be at least (\S+) characters long$/, (n) => `长度至少为 ${n} 个字符`],
  [/^must be at most (\S+) characters long$/, (n) => `长度不能超过 ${n} 个字符`],
  [/^must be at least (\S+)$/, (n) => `不能小于 ${n}`],
  [/^must be at most (\S+)$/, (n) => `不能大于 ${n}`],
  [/^must be between (\S+) and (\S+)$/, (a, b) => `必须介于 ${a} 与 ${b} 之间`],
  [/^must be one of (.+)$/, (values) => `必须是以下之一：${values.replaceAll('"', '').split(', ').join('、')}`],
  [/^expected a whole number$/, () => '必须是整数'],
  [/^expected a number in decimal notation$/, () => '必须是十进制数字'],
  [/^expected true or false$/, () => '必须是 true 或 false'],
  [/^expected a date as YYYY-MM-DD$/, () => '日期格式应为 YYYY-MM-DD'],
  [/^is not a day of the calendar$/, () => '不是日历上存在的日期'],
  [/^is in the future; .*$/, () => '不能晚于今天（asOf 是该关系最后一次被确认属实的日期）'],
  [/^is too large a number$/, () => '数值过大'],
];

/** Whole messages about a request's arguments (not a row's field), as the API words them. */
const ZH_REQUEST: Rule[] = [
  [/^No entity with id "(.*)" \(argument "[^"]*"\)$/, (id) => `没有 id 为“${id}”的实体`],
  [/^No region with id "(.*)" \(argument "[^"]*"\)$/, (id) => `没有 id 为“${id}”的地区`],
  [/^No cluster with id "(.*)" \(argument "[^"]*"\)$/, (id) => `没有 id 为“${id}”的产业集群`],
  [/^Argument "toId" must differ from fromId$/, () => '起点和终点不能是同一个实体'],
  [/^Argument "query" is longer than (\d+) characters$/, (n) => `搜索词不能超过 ${n} 个字符`],
];

/** An import's problems with a whole file or a row (api/src/import/read-files.ts, validate.ts). */
const ZH_IMPORT: Rule[] = [
  [/^unknown column; expected some of: (.*)$/s, (columns) => `未知的列；可用的列为：${columns}`],
  [/^duplicate id "(.*)" \(first at (.*) line (\d+)\)$/s, (id, file, line) => `重复的 id“${id}”（首次出现在 ${file} 第 ${line} 行）`],
  [/^a (\S+) cannot start and end at the same entity \("(.*)"\)$/s, (type, id) => `${type} 关系的起点和终点不能是同一个实体（“${id}”）`],
  [/^duplicate (\S+) from "(.*)" to "(.*)"$/s, (type, from, to) => `重复的 ${type} 关系：从“${from}”到“${to}”`],
  [/^is before (\S+) \((.*)\)$/s, (earlier, values) => `早于 ${earlier}（${values}）`],
  [/^"(.*)" is already a (\S+) in the database, not a (\S+)$/s, (id, existing, label) => `“${id}”在数据库中已是 ${existing}，不是 ${label}`],
  [/^would put "(.*)" within itself \((.*)\)$/s, (id, loop) => `会使“${id}”位于其自身之内（${loop.replaceAll(' within ', ' ⊂ ')}）`],
  [/^no node with id "(.*)" in the input or the database$/s, (id) => `导入数据和数据库中都没有 id 为“${id}”的节点`],
  [/^"(.*)" is a (\S+); (\S+) (starts|ends) at (.*)$/s, (id, label, type, end, allowed) =>
    `“${id}”是 ${label}；${type} 关系的${end === 'starts' ? '起点' : '终点'}应为 ${allowed.split(' or ').join(' 或 ')}`],
  [/^the file is not valid UTF-8 \(save it as UTF-8\)$/, () => '文件不是有效的 UTF-8 编码（请另存为 UTF-8）'],
  [/^the row has (\d+) fields; the header has (\d+)$/, (row, header) => `该行有 ${row} 个字段，表头有 ${header} 个`],
  [/^the header names this column twice$/, () => '表头中此列出现了两次'],
  [/^the file is empty; a CSV file starts with its header row$/, () => '文件为空；CSV 文件的第一行应为表头'],
  [/^file name "(.*)" is neither a node label .* nor a relationship type .*$/s, (name) =>
    `文件名“${name}”既不是节点标签（Company、Lab 等），也不是关系类型（SUPPLIES 等）`],
  [/^a JSON import file holds one array of objects$/, () => 'JSON 导入文件应只包含一个对象数组'],
  [/^broken JSON: (.*)$/s, (why) => `JSON 格式错误：${why}`],
  [/^broken CSV: (.*)$/s, (why) => `CSV 格式错误：${why}`],
  [/^the file is (\d+) MB, too long to read as one JSON text; .*$/s, (mb) => `文件有 ${mb} MB，无法作为一个 JSON 文本读取；请拆分为多个文件，或改用 CSV`],
];

/** What became of an import that failed while it was written (api/src/import/import-dataset.ts). */
const ZH_AGAIN = '再次导入相同的文件是安全的：已保存的行会被匹配，不会重复添加。';
const ZH_IMPORT_FAILED: Rule[] = [
  [/^The import stopped part-way: at least ([\d,]+) of its ([\d,]+) rows are saved, the rest may not be \((.*)\)\. Importing the same files again is safe: rows already saved are matched, not added twice\.$/s,
    (saved, rows, why) => `导入中途停止：${rows} 行中至少 ${saved} 行已保存，其余可能没有保存（${why}）。${ZH_AGAIN}`],
  [/^The import stopped before any of its ([\d,]+) rows were confirmed saved; some may be \((.*)\)\. Importing the same files again is safe: rows already saved are matched, not added twice\.$/s,
    (rows, why) => `导入在确认保存任何一行之前停止（共 ${rows} 行），其中一些可能已经保存（${why}）。${ZH_AGAIN}`],
  [/^All ([\d,]+) rows of the import are saved, but its entry in the audit log could not be written \((.*)\)\.$/s,
    (rows, why) => `导入的全部 ${rows} 行均已保存，但未能写入它在审计日志中的记录（${why}）。`],
];

/** The whole-message rules, tried before the field phrases. */
const ZH_WHOLE = [...ZH_REQUEST, ...ZH_IMPORT, ...ZH_IMPORT_FAILED];

/** The API's message in the interface's language where it is a known phrase, else as written. */
export function apiMessageIn(lang: Lang, message: string): string {
  if (lang !== 'zh') return message;
  for (const [pattern, say] of ZH_WHOLE) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  const got = / \(got .*\)$/s.exec(message);
  const head = got ? message.slice(0, got.index) : message;
  for (const [pattern, say] of ZH) {
    const match = pattern.exec(head);
    if (match) return `${say(...match.slice(1))}${got ? `（原值 ${got[0].slice(6, -1)}）` : ''}`;
  }
  return message;
}
