// One input per kind of value. Each control reads the current value and reports the new one
// (undefined = leave the key out) when the user commits it (change, not every keystroke).
import type { Control, JsonSchema } from './schema';

export type Commit = (value: unknown) => void;

function describe(schema: JsonSchema): string {
  const description = schema.description ?? '';
  const hasDefault = schema.default !== undefined && schema.default !== '';
  // Most descriptions already name their default in words.
  return hasDefault && !/default/i.test(description) ? `${description} Default: ${JSON.stringify(schema.default)}.` : description;
}

function unsetLabel(schema: JsonSchema): string {
  return schema.default !== undefined && schema.default !== '' ? `(not set: ${String(schema.default)})` : '(not set)';
}

function select(options: [string, string][], current: string): HTMLSelectElement {
  const element = document.createElement('select');
  for (const [value, label] of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    element.append(option);
  }
  element.value = current;
  return element;
}

function textArea(value: string, rows: number): HTMLTextAreaElement {
  const element = document.createElement('textarea');
  element.value = value;
  element.rows = Math.min(Math.max(rows, 2), 8);
  element.spellcheck = false;
  return element;
}

function input(schema: JsonSchema, control: Control, value: unknown, commit: Commit, fail: (message: string) => void): HTMLElement {
  const placeholder = schema.default !== undefined && typeof schema.default !== 'object' ? String(schema.default) : '';
  switch (control.kind) {
    case 'choice': {
      const values = control.values.filter((v) => v !== '');
      const element = select([['', unsetLabel(schema)], ...values.map((v): [string, string] => [v, v])], typeof value === 'string' ? value : '');
      element.addEventListener('change', () => commit(element.value === '' ? undefined : element.value));
      return element;
    }
    case 'boolean': {
      const element = select([['', unsetLabel(schema)], ['true', 'true'], ['false', 'false']], value === undefined ? '' : String(value));
      element.addEventListener('change', () => commit(element.value === '' ? undefined : element.value === 'true'));
      return element;
    }
    case 'number': {
      const element = document.createElement('input');
      element.type = 'number';
      element.step = control.integer ? '1' : 'any';
      element.value = value === undefined ? '' : String(value);
      element.placeholder = placeholder;
      element.addEventListener('change', () => {
        if (element.value === '') return commit(undefined);
        const number = Number(element.value);
        if (control.integer && !Number.isInteger(number)) return fail('a whole number');
        commit(number);
      });
      return element;
    }
    case 'text': {
      const element = document.createElement('input');
      element.type = 'text';
      element.spellcheck = false;
      element.value = value === undefined ? '' : String(value);
      element.placeholder = placeholder || control.hint || '';
      // Durations may be integers (nanoseconds) in the file: kept as numbers when typed so.
      element.addEventListener('change', () => commit(element.value === '' ? undefined : control.hint && /^\d+$/.test(element.value) ? Number(element.value) : element.value));
      return element;
    }
    case 'lines': {
      const lines = Array.isArray(value) ? (value as string[]) : [];
      const element = textArea(lines.join('\n'), lines.length + 1);
      element.placeholder = 'one per line';
      element.addEventListener('change', () => {
        const next = element.value.split('\n').filter((line) => line.trim() !== '');
        commit(next.length ? next : undefined);
      });
      return element;
    }
    case 'map': {
      const entries = Object.entries((value as Record<string, string>) ?? {});
      const element = textArea(entries.map(([k, v]) => `${k}=${v}`).join('\n'), entries.length + 1);
      element.placeholder = 'name=value, one per line';
      element.addEventListener('change', () => {
        const next: Record<string, string> = {};
        for (const line of element.value.split('\n')) {
          const at = line.indexOf('=');
          if (line.trim() === '') continue;
          if (at <= 0) return fail('name=value on every line');
          next[line.slice(0, at).trim()] = line.slice(at + 1).trim();
        }
        commit(Object.keys(next).length ? next : undefined);
      });
      return element;
    }
    default: {
      const element = textArea(value === undefined ? '' : JSON.stringify(value), 2);
      element.placeholder = 'JSON';
      element.addEventListener('change', () => {
        if (element.value.trim() === '') return commit(undefined);
        try {
          commit(JSON.parse(element.value));
        } catch {
          fail('valid JSON');
        }
      });
      return element;
    }
  }
}

/** A labelled control with its description, default and allowed values. */
export function field(id: string, key: string, schema: JsonSchema, control: Control, value: unknown, commit: Commit): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = key;
  if (schema.deprecated) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = 'deprecated';
    label.append(' ', badge);
  }
  const help = document.createElement('small');
  help.id = `${id}-help`;
  help.textContent = describe(schema);
  const error = document.createElement('small');
  error.className = 'field-error';
  error.id = `${id}-error`;
  const element = input(schema, control, value, commit, (expected) => {
    error.textContent = `Expected ${expected}; the text is unchanged.`;
    element.setAttribute('aria-invalid', 'true');
  });
  element.id = id;
  element.dataset.key = key;
  element.setAttribute('aria-describedby', `${help.id} ${error.id}`);
  wrapper.append(label, element, help, error);
  return wrapper;
}
