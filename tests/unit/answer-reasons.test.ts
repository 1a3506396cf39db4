import { describe, expect, it } from 'vitest';
import { adopterReasons, type AdopterEvidence } from '../../api/src/answers/industrial-adopters.ts';
import { pilotReasons, type PilotEvidence } from '../../api/src/answers/pilot-partners.ts';

const ref = (id: string, name: string, nameZh?: string) => ({ id, name, nameZh: nameZh ?? null });

const pilot: PilotEvidence = {
  company: { id: 'c', name: 'Pearl Modules', nameZh: '珠江模组', stage: 'enterprise', employees: null },
  links: [
    { role: 'DOWNSTREAM', homeId: 'h', segmentId: 's1', segmentName: 'Power modules', segmentNameZh: '功率模块' },
    { role: 'DOWNSTREAM', homeId: 'h', segmentId: 's2', segmentName: 'Chargers', segmentNameZh: null },
  ],
  region: { ...ref('r', 'Shenzhen', '深圳'), level: 'city' },
  sharedLevels: ['city'],
  sharedTechs: [ref('t1', 'GaN HEMT', '氮化镓'), ref('t2', 'SiC MOSFET')],
  techCount: 2,
  sells: [],
  buys: ['GaN dies', 'gate drivers', 'heat sinks'],
  sharedClusters: [ref('cl', 'Bay Power Cluster', '湾区功率集群')],
  sharedIncubators: [ref('i', 'Nanshan Hub')],
  sharedLabs: [],
  formerStaff: [{ person: ref('p', 'Chen Jing', '陈静'), until: 2020 }],
  formerColleagues: [],
  policies: [ref('pol', 'Fab Fund', '晶圆基金')],
  existingPartner: true,
  startup: ref('st', 'Bayview GaN'),
};

describe('pilotReasons', () => {
  it('writes the English sentences it always has by default', () => {
    expect(pilotReasons(pilot, ['DOWNSTREAM'])).toEqual([
      'Downstream of you in Power modules and Chargers: buys GaN dies and gate drivers in Shenzhen.',
      'Uses or needs GaN HEMT and SiC MOSFET, your technologies.',
      'In your city.',
      'Member of your cluster Bay Power Cluster.',
      'Large enough to run a pilot line (many employees).',
      'Shares the incubator Nanshan Hub with you.',
      'Chen Jing, on your team, worked there until 2020.',
      'Fab Fund funds its segment in its region.',
      'Already trades with you.',
    ]);
  });

  it('writes the same sentences in Chinese, with Chinese names where the data has them', () => {
    expect(pilotReasons(pilot, ['DOWNSTREAM'], 'ZH')).toEqual([
      '处于你的下游（功率模块、Chargers）：采购GaN dies、gate drivers，位于深圳。',
      '使用或需要你的技术：氮化镓、SiC MOSFET。',
      '与你在同一城市。',
      '与你同属一个产业集群：湾区功率集群。',
      '规模足以运行中试线。',
      '与你同在一个孵化器：Nanshan Hub。',
      '你团队的陈静曾在该公司工作至 2020 年。',
      '晶圆基金资助其所在地区的这一环节。',
      '已与你有业务往来。',
    ]);
  });
});

const adopter: AdopterEvidence = {
  company: { id: 'c', name: 'Optic Works', stage: 'enterprise', employees: 3000 },
  regionName: null,
  evidence: [
    { techId: 't', trl: 3, how: 'NEEDS', viaId: null },
    { techId: 't', trl: 3, how: 'OPERATES_IN', viaId: 's' },
    { techId: 't', trl: 3, how: 'BUYS_FROM_USER', viaId: 'u' },
  ],
  transfers: [{ kind: 'spin-out', year: 2021 }, { kind: 'patent pool', year: null }],
  labId: 'lab',
};

const names = (id: string) => ({
  t: { name: 'Silicon photonics', nameZh: '硅光子' }, s: { name: 'Transceivers', nameZh: '光模块' }, u: { name: 'Lake Chips' },
}[id]!);

describe('adopterReasons', () => {
  it('writes English by default and Chinese when asked, sentence for sentence', () => {
    expect(adopterReasons(adopter, names)).toEqual([
      'Needs Silicon photonics (TRL 3), which the lab develops.',
      'Works in Transceivers, where Silicon photonics applies.',
      'Buys from Lake Chips, which uses Silicon photonics.',
      'Large enough (3,000 employees) to mature early-stage Silicon photonics (TRL 3).',
      'Past transfer: spin-out from this lab in 2021.',
      'Past transfer: patent pool from this lab.',
    ]);
    expect(adopterReasons(adopter, names, 'ZH')).toEqual([
      '需要该实验室研发的硅光子（TRL 3）。',
      '从事光模块，硅光子可应用于此。',
      '向Lake Chips采购，后者使用硅光子。',
      '规模足够（员工 3,000 人），可承接早期技术硅光子（TRL 3）的熟化。',
      '该实验室曾向其转移技术（衍生企业，2021 年）。',
      '该实验室曾向其转移技术（patent pool）。',
    ]);
  });
});
