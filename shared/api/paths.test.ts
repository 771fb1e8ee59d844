import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { inputSchemas } from './contract';
import { hostSchemas } from './host';
import { PATH_FIELDS, pathFieldsOf } from './paths';

/** A field name that says it holds a file or a folder. */
const PATH_LIKE = /path|folder|dir|file/i;

/** `channel field`s whose name looks like a path but that hold none, each with the reason. */
const NOT_PATHS: Readonly<Record<string, string>> = {};

interface Field {
  /** Dotted from the input's top level; array elements as []. */
  key: string;
  depth: number;
  schema: z.ZodType;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every object field reachable in a schema, through wrappers, unions, arrays and pipes. */
function fieldsOf(schema: z.ZodType, prefix = '', depth = 0): Field[] {
  const def = defOf(schema);
  const inner = (k: string) => fieldsOf(def[k] as z.ZodType, prefix, depth);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([name, s]) => {
        const key = prefix ? `${prefix}.${name}` : name;
        return [{ key, depth, schema: s }, ...fieldsOf(s, key, depth + 1)];
      });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => fieldsOf(o, prefix, depth));
    case 'intersection':
      return [...inner('left'), ...inner('right')];
    case 'array':
      return fieldsOf(def.element as z.ZodType, `${prefix}[]`, depth);
    case 'record':
      return fieldsOf(def.valueType as z.ZodType, `${prefix}{}`, depth);
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((i) => fieldsOf(i, `${prefix}[]`, depth));
    default:
      return [];
  }
}

/** Whether a field's schema is a string (possibly optional, nullable or defaulted). */
function acceptsOnlyStrings(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'string') return true;
  if (['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type))
    return acceptsOnlyStrings(def.innerType as z.ZodType);
  if (def.type === 'pipe') return acceptsOnlyStrings(def.in as z.ZodType);
  return false;
}

const ALL: Record<string, z.ZodType> = { ...inputSchemas, ...hostSchemas };

describe('PATH_FIELDS: the fields the shell checks against the officer’s dialog choices', () => {
  it('covers every field of every channel whose name says it is a path, folder, directory or file', () => {
    const missing: string[] = [];
    for (const [channel, schema] of Object.entries(ALL)) {
      const listed = pathFieldsOf(channel) ?? {};
      for (const f of fieldsOf(schema)) {
        const name =
          f.key
            .split(/[.[\]{}]+/)
            .filter(Boolean)
            .at(-1) ?? f.key;
        if (!PATH_LIKE.test(name) || Object.hasOwn(NOT_PATHS, `${channel} ${f.key}`)) continue;
        // Only top-level fields are checked by the shell: a nested path is a design error here.
        if (f.depth > 0 || !Object.hasOwn(listed, f.key)) missing.push(`${channel} ${f.key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only real top-level string fields of real channels', () => {
    for (const [channel, fields] of Object.entries(PATH_FIELDS)) {
      const schema = ALL[channel];
      expect(schema, channel).toBeDefined();
      const top = new Map(
        fieldsOf(schema as z.ZodType)
          .filter((f) => f.depth === 0)
          .map((f) => [f.key, f.schema]),
      );
      for (const field of Object.keys(fields ?? {})) {
        const s = top.get(field);
        expect(s, `${channel} ${field}`).toBeDefined();
        expect(acceptsOnlyStrings(s as z.ZodType), `${channel} ${field}`).toBe(true);
      }
    }
  });

  it('finds paths in the shapes schemas are written in (a check of the walker itself)', () => {
    const names = (c: keyof typeof inputSchemas) => fieldsOf(inputSchemas[c]).map((f) => f.key);
    // Refined (superRefine), with nullable/default fields.
    expect(names('reports/export')).toContain('path');
    expect(names('templates/generate')).toContain('outDir');
    // Nested fields are reached, with their depth.
    expect(fieldsOf(inputSchemas['lists/export']).find((f) => f.key === 'columns[].title')?.depth).toBe(1);
  });

  it('answers nothing for channels without paths or for names that are not channels', () => {
    expect(pathFieldsOf('customers/list')).toBeUndefined();
    expect(pathFieldsOf('__proto__')).toBeUndefined();
    expect(pathFieldsOf('toString')).toBeUndefined();
    expect(pathFieldsOf('imports/preview')).toEqual({ path: 'read', next: 'read' });
  });
});
