// Reading the engine's JSON Schema: resolving references and telling what kind of control
// each property needs. The schema is the only description of the keys the form knows.
export interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  default?: unknown;
  deprecated?: boolean;
  pattern?: string;
  $defs?: Record<string, JsonSchema>;
}

export type Control =
  | { kind: 'table'; schema: JsonSchema }
  | { kind: 'tables'; schema: JsonSchema }
  | { kind: 'choice'; values: string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'text'; hint?: string }
  | { kind: 'lines'; values?: string[] }
  | { kind: 'map' }
  | { kind: 'json' };

export class SchemaReader {
  constructor(private readonly root: JsonSchema) {}

  resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/$defs/', '');
    // A property's own description wins over the referenced table's.
    return { ...this.root.$defs?.[name], description: schema.description ?? this.root.$defs?.[name]?.description };
  }

  get top(): JsonSchema {
    return this.root;
  }

  control(property: JsonSchema): Control {
    const schema = this.resolve(property);
    if (schema.properties) return { kind: 'table', schema };
    if (schema.anyOf) {
      const [first] = schema.anyOf;
      // A duration (Go syntax or nanoseconds), or a value that may also be a list.
      if (first.pattern) return { kind: 'text', hint: 'a duration such as 30s, 10m or 1h30m' };
      return { kind: 'json' };
    }
    switch (schema.type) {
      case 'string':
        return schema.enum ? { kind: 'choice', values: schema.enum as string[] } : { kind: 'text' };
      case 'boolean':
        return { kind: 'boolean' };
      case 'integer':
      case 'number':
        return { kind: 'number', integer: schema.type === 'integer' };
      case 'array': {
        const items = this.resolve(schema.items ?? {});
        if (items.properties) return { kind: 'tables', schema: items };
        if (items.type === 'string') return { kind: 'lines', values: items.enum as string[] | undefined };
        return { kind: 'json' };
      }
      case 'object':
        return typeof schema.additionalProperties === 'object' && schema.additionalProperties.type === 'string' ? { kind: 'map' } : { kind: 'json' };
      default:
        return { kind: 'json' };
    }
  }
}
