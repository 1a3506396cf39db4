// The one import path: the CLI, the seed loader and (later) the importDataset mutation use it.
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { cypher } from '../db/cypher-files.ts';
import type { Label } from '../domain.ts';
import { ImportRejected, type Problem } from './problems.ts';
import { listInputFiles, readInputFile, type InputFile } from './read-files.ts';
import { validate, type ValidDataset } from './validate.ts';
import { writeDataset, type FileCounts } from './write.ts';

export interface ImportOptions {
  onProgress?: (written: number, total: number) => void;
}

export interface ImportReport { files: FileCounts[]; nodes: number; relationships: number; seconds: number }

export async function importPath(driver: Driver, database: string, target: string, options: ImportOptions = {}): Promise<ImportReport> {
  const inputs = listInputFiles(target).map((file) => ({
    file: path.relative(process.cwd(), file) || file,
    contents: fs.readFileSync(file),
    asOf: fs.statSync(file).mtime.toISOString().slice(0, 10),
  }));
  return importContents(driver, database, inputs, options);
}

export interface InputContents { file: string; contents: Buffer; asOf: string }

export async function importContents(driver: Driver, database: string, inputs: InputContents[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const problems: Problem[] = [];
  const files = inputs
    .map((input) => readInputFile(input.file, input.contents, problems))
    .filter((f): f is InputFile => f !== undefined);
  const asOf = new Map(inputs.map((i) => [i.file, i.asOf]));
  const dataset: ValidDataset = await validate(
    files,
    (file) => ({ source: path.basename(file), asOf: asOf.get(file) ?? new Date().toISOString().slice(0, 10) }),
    (ids) => lookupLabels(driver, database, ids),
    problems,
  );
  if (problems.length) throw new ImportRejected(problems);
  const counts = await writeDataset(driver, database, dataset, options.onProgress);
  return {
    files: [...counts.values()],
    nodes: dataset.nodes.length,
    relationships: dataset.relationships.length,
    seconds: (Date.now() - started) / 1000,
  };
}

async function lookupLabels(driver: Driver, database: string, ids: string[]): Promise<Map<string, Label>> {
  const result = await driver.executeQuery(cypher('lookup-ids'), { ids }, { database, routing: neo4j.routing.READ });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('label') as Label]));
}
