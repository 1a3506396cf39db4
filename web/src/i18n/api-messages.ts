// The API words its messages in English (they are for any client). The web app shows the common
// ones in Chinese when the interface is: a request's unknown ids and refused arguments, the
// database's failures and the server's limits, an import's problems with its files and rows, and
// each validation phrase with the value named after it (" (got …)") kept as it is. A message
// matching none is shown as the API wrote it.
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
  [/^must not hold control characters$/, () => '不能包含控制字符'],
  [/^ids are 1–128 letters, digits, \. _ : -$/, () => 'id 须为 1–128 个字母、数字或 . _ : -'],
];

/** Whole messages about a request's arguments (not a row's field), as the API words them. */
const ZH_REQUEST: Rule[] = [
  [/^No entity with id "(.*)" \(argument "[^"]*"\)$/, (id) => `没有 id 为“${id}”的实体`],
  [/^No region with id "(.*)" \(argument "[^"]*"\)$/, (id) => `没有 id 为“${id}”的地区`],
  [/^No cluster with id "(.*)" \(argument "[^"]*"\)$/, (id) => `没有 id 为“${id}”的产业集群`],
  [/^No (\S+) relationship from "(.*)" to "(.*)"$/s, (type, from, to) => `没有从“${from}”到“${to}”的 ${type} 关系`],
  [/^Argument "toId" must differ from fromId$/, () => '起点和终点不能是同一个实体'],
  [/^Argument "query" is longer than (\d+) characters$/, (n) => `搜索词不能超过 ${n} 个字符`],
  [/^Argument "startupId" or technologyIds must be given$/, () => '请给出 startupId 或 technologyIds'],
];

/** The rest of a message about one argument ("Argument "first" …"): said after the argument's name. */
const ZH_ARGUMENT: Rule[] = [
  [/^must be an integer from (\S+) to (\S+), got (.*)$/s, (min, max, got) => `必须是 ${min} 到 ${max} 之间的整数（原值 ${got}）`],
  [/^must be a non-empty id of at most (\d+) characters$/, (n) => `必须是非空的 id，且不超过 ${n} 个字符`],
  [/^may hold at most (\d+) items, got (\d+)$/, (n, got) => `最多只能包含 ${n} 项（实际 ${got} 项）`],
  [/^names a (\S+), not a (\S+)$/, (is, wanted) => `指向的是 ${is}，不是 ${wanted}`],
  [/^names a (\S+); supplyChain starts from a Company, Segment or Chain$/, (is) => `指向的是 ${is}；供应链视图须从企业（Company）、环节（Segment）或产业链（Chain）出发`],
  [/^has unknown relationship type "(.*)"$/s, (type) => `含有未知的关系类型“${type}”`],
  [/^"(.*)" is not a relationship type \(.*\)$/s, (type) => `“${type}”不是关系类型（SUPPLIES、OPERATES_IN 等）`],
  [/^"(.*)" is already taken$/s, (id) => `“${id}”已被占用`],
  [/^cannot change an id; create a new entity instead$/, () => '不能修改 id；请新建一个实体'],
  [/^does not apply to a (\S+)$/, (label) => `不适用于 ${label}`],
  [/^must hold at least one file$/, () => '至少要包含一个文件'],
  [/^are (\d+) bytes; the API takes up to (\d+) \(use npm run import for more\)$/, (n, max) => `共 ${n} 字节；API 最多接收 ${max} 字节（更大的数据请用 npm run import）`],
];

/** The database's failures, the server's own limits and GraphQL Armor's (api/src/db/neo4j.ts, use-limits.ts). */
const ZH_SERVER: Rule[] = [
  [/^The graph database is unreachable; try again shortly$/, () => '无法连接图数据库，请稍后再试'],
  [/^The graph database is too busy; try again shortly$/, () => '图数据库过于繁忙，请稍后再试'],
  [/^The server is busy with other answers; try again shortly$/, () => '服务器正忙于计算其他答案，请稍后再试'],
  [/^The graph database did not answer within (\S+) s; try again shortly$/, (s) => `图数据库在 ${s} 秒内没有响应，请稍后再试`],
  [/^The graph database did not answer within (\S+) s; the change was not saved, send it again shortly$/, (s) => `图数据库在 ${s} 秒内没有响应；更改未保存，请稍后重新提交`],
  [/^(.*); the change may have been saved: check before sending it again$/s, (why) => `${zhMessage(why)}；更改可能已经保存，重新提交前请先核对`],
  // The database's silences alone, as they come before "the change may have been saved".
  [/^The graph database did not answer within (\S+) s$/, (s) => `图数据库在 ${s} 秒内没有响应`],
  [/^The graph database stopped answering while the change was being committed$/, () => '提交更改时图数据库停止了响应'],
  [/^The graph database answered, but not in Bolt; .*$/s, () => '图数据库有响应，但不是 Bolt 协议；请检查 NEO4J_URI（Bolt 端口是 7687，不是 HTTP 的 7474）'],
  [/^The query needed more memory than the database allows; .*$/s, () => '查询所需内存超出了数据库允许的上限；请缩小范围（更小的地区或深度）'],
  [/^The query took longer than the configured limit \((\w+)\)$/, (setting) => `查询耗时超过了配置的上限（${setting}）`],
  [/^The database ended the transaction before it finished .*$/s, () =>
    '数据库在事务完成前终止了它（超过了配置的上限 CHAINSCOPE_QUERY_TIMEOUT_MS，或数据库正在停止）；其中的更改均未保留，请重试'],
  [/^The change was saved, but reading it back failed: (.*)$/s, (why) => `更改已保存，但读回失败：${zhMessage(why)}`],
  [/^Another import is running in this server; .*$/s, () => '此服务器上正在进行另一个导入；请在它完成后重新提交'],
  [/^The request body is (\d+) bytes; the limit is (\d+)$/, (n, max) => `请求体有 ${n} 字节，上限为 ${max} 字节`],
  [/^Query depth limit of (\d+) exceeded, found (\d+)\.$/, (n, got) => `查询嵌套深度超过上限 ${n}（实际 ${got}）`],
  [/^Aliases limit of (\d+) exceeded, found (\d+)\.$/, (n, got) => `查询别名数量超过上限 ${n}（实际 ${got}）`],
  [/^Query Cost limit of (\d+) exceeded, found ([\d.]+?)\.$/, (n, got) => `查询开销超过上限 ${n}（实际 ${got}）`],
  [/^Token limit of (\d+) exceeded\.$/, (n) => `查询的词法单元数量超过上限 ${n}`],
  [/^Directives limit of (\d+) exceeded, found (\d+)\.$/, (n, got) => `查询指令数量超过上限 ${n}（实际 ${got}）`],
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
    (saved, rows, why) => `导入中途停止：${rows} 行中至少 ${saved} 行已保存，其余可能没有保存（${zhMessage(why)}）。${ZH_AGAIN}`],
  [/^The import stopped before any of its ([\d,]+) rows were confirmed saved; some may be \((.*)\)\. Importing the same files again is safe: rows already saved are matched, not added twice\.$/s,
    (rows, why) => `导入在确认保存任何一行之前停止（共 ${rows} 行），其中一些可能已经保存（${zhMessage(why)}）。${ZH_AGAIN}`],
  [/^All ([\d,]+) rows of the import are saved, but its entry in the audit log could not be written \((.*)\)\.$/s,
    (rows, why) => `导入的全部 ${rows} 行均已保存，但未能写入它在审计日志中的记录（${zhMessage(why)}）。`],
];

/** The whole-message rules, tried before the field phrases. */
const ZH_WHOLE = [...ZH_REQUEST, ...ZH_SERVER, ...ZH_IMPORT, ...ZH_IMPORT_FAILED];

/** The API's message in the interface's language where it is a known phrase, else as written. */
export function apiMessageIn(lang: Lang, message: string): string {
  return lang === 'zh' ? zhMessage(message) : message;
}

function zhMessage(message: string): string {
  const whole = firstMatch(ZH_WHOLE, message);
  if (whole !== undefined) return whole;
  // "Argument "first" must be …": the argument's name kept, the rest said in Chinese.
  const argument = /^Argument "([^"]*)" (.*)$/s.exec(message);
  if (argument) {
    // An edit's row is checked as an import's would be (edit/edit-graph.ts): its problems come after the name.
    const rest = firstMatch(ZH_ARGUMENT, argument[2]!) ?? firstMatch(ZH_IMPORT, argument[2]!) ?? zhPhrase(argument[2]!);
    if (rest !== undefined) return `参数 ${argument[1]} ${rest}`;
  }
  return zhPhrase(message) ?? message;
}

/** A validation phrase (" (got …)" kept after it), or undefined. */
function zhPhrase(message: string): string | undefined {
  const got = / \(got .*\)$/s.exec(message);
  const head = got ? message.slice(0, got.index) : message;
  const said = firstMatch(ZH, head);
  return said === undefined ? undefined : `${said}${got ? `（原值 ${got[0].slice(6, -1)}）` : ''}`;
}

function firstMatch(rules: Rule[], message: string): string | undefined {
  for (const [pattern, say] of rules) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return undefined;
}
