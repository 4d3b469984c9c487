// The form beside the text, generated from the engine's JSON Schema: every table and key the
// schema lists, the common ones first and the rest folded under "More settings". A form edit
// changes the parsed object and hands it to the engine's `update`, which rewrites only what
// changed in the user's text: comments, order and layout stay.
import { parse, schema, update, type Config } from '../engine';
import { field } from './controls';
import { SchemaReader, type JsonSchema } from './schema';

type Table = Record<string, unknown>;
type Path = (string | number)[];

/** How many keys of a table show before "More settings" (keys already set always show). */
const SHOWN_FIRST = 6;

export interface FormHost {
  text(): string;
  replaceText(text: string): void;
}

function pathText(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

function idOf(path: Path): string {
  return `f-${pathText(path).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** A copy of a table; a named one (a runner) gets a name of its own, runners are told apart by name. */
function copyOf(table: Table): Table {
  const copy = structuredClone(table);
  if (typeof copy.name === 'string' && copy.name) copy.name = `${copy.name}-copy`;
  return copy;
}

function setAt(root: Table, path: Path, value: unknown): void {
  let table = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) {
    table[part] ??= {};
    table = table[part] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete table[last];
  else table[last] = value;
}

/**
 * A string property whose allowed values name sibling tables picks which of them apply:
 * `executor = "docker+machine"` → `docker` and `machine`, cache `Type = "s3"` → `s3`.
 */
function sectionsChosen(schema: JsonSchema, table: Table): { chosen: Set<string>; alternatives: Set<string> } | null {
  const properties = schema.properties ?? {};
  for (const [key, property] of Object.entries(properties)) {
    const values = (property.enum as string[] | undefined)?.filter(Boolean);
    if (!values) continue;
    const named = (value: string) => value.split(/[+-]/).filter((part) => properties[part]?.$ref);
    const alternatives = new Set(values.flatMap(named));
    if (alternatives.size < 2) continue;
    return { chosen: new Set(typeof table[key] === 'string' ? named(table[key] as string) : []), alternatives };
  }
  return null;
}

export function createForm(root: HTMLElement, host: FormHost) {
  const reader = new SchemaReader(schema() as JsonSchema);
  const opened = new Set<string>(['runners[0]']);
  let config: Table = {};
  let visible = false;
  let stale = true;

  function commit(): void {
    host.replaceText(update(host.text(), config as Config, { strict: false }));
  }

  function folded(summaryText: string, path: string, build: () => Node[], className = 'section'): HTMLDetailsElement {
    const details = document.createElement('details');
    details.className = className;
    const summary = document.createElement('summary');
    summary.textContent = summaryText;
    details.append(summary);
    let built = false;
    const fill = () => {
      if (built) return;
      built = true;
      details.append(...build());
    };
    if (opened.has(path)) {
      details.open = true;
      fill();
    }
    details.addEventListener('toggle', () => {
      if (details.open) {
        opened.add(path);
        fill();
      } else opened.delete(path);
    });
    return details;
  }

  function button(label: string, title: string, action: () => void): HTMLButtonElement {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    element.title = title;
    element.setAttribute('aria-label', title);
    element.addEventListener('click', action);
    return element;
  }

  function tableList(key: string, itemSchema: JsonSchema, description: string, items: Table[], path: Path): HTMLElement {
    const list = document.createElement('fieldset');
    list.className = 'table-list';
    const legend = document.createElement('legend');
    legend.textContent = key === 'runners' ? 'Runners' : key;
    const help = document.createElement('small');
    help.textContent = description;
    list.append(legend, help);
    const change = (next: Table[]) => {
      setAt(config, path, next.length ? next : undefined);
      commit();
    };
    items.forEach((item, index) => {
      const itemPath = [...path, index];
      const title = typeof item.name === 'string' && item.name ? `${item.name}` : `${key} ${index + 1}`;
      const label = item.executor ? `${title} (${item.executor})` : title;
      const row = document.createElement('div');
      row.className = 'table-item';
      row.dataset.path = pathText(itemPath);
      const actions = document.createElement('div');
      actions.className = 'item-actions';
      actions.append(
        button('↑', `Move ${title} up`, () => index > 0 && change(items.toSpliced(index - 1, 2, items[index], items[index - 1]))),
        button('↓', `Move ${title} down`, () => index < items.length - 1 && change(items.toSpliced(index, 2, items[index + 1], items[index]))),
        button('Duplicate', `Duplicate ${title}`, () => change(items.toSpliced(index + 1, 0, copyOf(item)))),
        button('Remove', `Remove ${title}`, () => change(items.toSpliced(index, 1))),
      );
      row.append(actions, folded(label, pathText(itemPath), () => tableBody(itemSchema, item, itemPath), 'section item'));
      list.append(row);
    });
    const starter: Table = key === 'runners' ? { name: `runner-${items.length + 1}`, url: 'https://gitlab.example.com/', token: '${RUNNER_TOKEN}', executor: 'shell' } : {};
    list.append(button(key === 'runners' ? 'Add a runner' : `Add to ${key}`, key === 'runners' ? 'Add a runner' : `Add an entry to ${key}`, () => change([...items, starter])));
    return list;
  }

  function property(key: string, propertySchema: JsonSchema, table: Table, path: Path): HTMLElement {
    const control = reader.control(propertySchema);
    const resolved = reader.resolve(propertySchema);
    const keyPath = [...path, key];
    const value = table[key];
    if (control.kind === 'table') {
      const title = resolved.description ? `[${pathText(keyPath).replace(/\[\d+\]/g, '')}] · ${resolved.description}` : key;
      return folded(title, pathText(keyPath), () => tableBody(control.schema, (value as Table) ?? {}, keyPath));
    }
    if (control.kind === 'tables') {
      return tableList(key, control.schema, resolved.description ?? '', (value as Table[]) ?? [], keyPath);
    }
    return field(idOf(keyPath), key, resolved, control, value, (next) => {
      setAt(config, keyPath, next);
      commit();
    });
  }

  function tableBody(tableSchema: JsonSchema, table: Table, path: Path): Node[] {
    const entries = Object.entries(tableSchema.properties ?? {});
    const sections = sectionsChosen(tableSchema, table);
    const shown: Node[] = [];
    const more: Node[] = [];
    let plainShown = 0;
    for (const [key, propertySchema] of entries) {
      const isSet = table[key] !== undefined;
      const isTable = ['table', 'tables'].includes(reader.control(propertySchema).kind);
      let show: boolean;
      if (sections?.alternatives.has(key)) show = isSet || sections.chosen.has(key);
      else if (isTable) show = isSet || (key === 'runners' && path.length === 0);
      else show = isSet || (!propertySchema.deprecated && plainShown < SHOWN_FIRST);
      if (show && !isTable) plainShown += 1;
      (show ? shown : more).push(property(key, propertySchema, table, path));
    }
    if (more.length) {
      const morePath = `${pathText(path)}#more`;
      shown.push(folded(`More settings (${more.length})`, morePath, () => more, 'more'));
    }
    return shown;
  }

  function rebuild(): void {
    stale = false;
    try {
      config = parse(host.text(), { strict: false }) as Table;
    } catch {
      const note = document.createElement('p');
      note.className = 'notice';
      note.textContent = 'The text has errors the form cannot read: fix them in the editor (see Problems), then come back.';
      root.replaceChildren(note);
      return;
    }
    const focused = document.activeElement?.id;
    const heading = document.createElement('h2');
    heading.textContent = 'Global settings';
    root.replaceChildren(heading, ...tableBody(reader.top, config, []));
    if (focused) document.getElementById(focused)?.focus();
  }

  // Rebuilt once typing pauses, so keystrokes in the editor stay within a frame.
  let timer = 0;
  return {
    textChanged(): void {
      stale = true;
      clearTimeout(timer);
      if (visible) timer = window.setTimeout(rebuild, 120);
    },
    setVisible(show: boolean): void {
      visible = show;
      if (show && stale) rebuild();
    },
  };
}
