// The API words its messages in English (they are for any client). The web app shows the common
// ones in Chinese when the interface is: a request's unknown ids and refused arguments, and each
// validation phrase with the value named after it (" (got …)") kept as it is. A message matching
// none is shown as the API wrote it.
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

/** The API's message in the interface's language where it is a known phrase, else as written. */
export function apiMessageIn(lang: Lang, message: string): string {
  if (lang !== 'zh') return message;
  for (const [pattern, say] of ZH_REQUEST) {
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
