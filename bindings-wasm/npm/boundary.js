// The one place where JS values meet the engine, shared by the Node and web entries. Values
// cross in one piece, as JSON text each way: a config is copied here (every getter and Proxy
// trap runs now, in plain JS, so no JS exception can ever unwind through WebAssembly frames),
// what JSON cannot say faithfully becomes a marker the engine names with its key path, and the
// engine answers with JSON text that one `JSON.parse` turns into documents, findings or errors.

/** A marker's first key; user keys that begin with it get one more in front. */
const MARK = '\0';
/** Containers nested deeper than this are a cycle or an error anyway (the engine allows 64 levels of free-form values below its deepest table). */
const MAX_DEPTH = 128;
const CYCLE = 'nested more than 64 levels deep (is there a cycle?)';
const OBJECT = Object.prototype;
const { toISOString, getTime } = Date.prototype;
const utf8 = new TextEncoder();

/** Why a value could not be read; thrown with the walk's path still in place. */
class Unreadable {
  constructor(message) {
    this.message = message;
  }
}

const mark = (type, text) => (text === undefined ? { [MARK]: type } : { [MARK]: type, v: text });

/**
 * A copy of `value` that `JSON.stringify` writes faithfully. `path` holds the keys and indexes
 * down to the value being copied, `ancestors` the containers on the way (for cycles).
 */
function copy(value, path, ancestors) {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? value : mark('string that is not valid Unicode (a lone surrogate)');
    case 'number':
      // JSON writes NaN and the infinities as null, and -0 as 0.
      return Number.isFinite(value) && !Object.is(value, -0) ? value : mark('number', Object.is(value, -0) ? '-0' : String(value));
    case 'boolean':
      return value;
    case 'bigint':
      return mark('bigint', String(value));
    case 'object':
      return value === null ? null : copyObject(value, path, ancestors);
    default:
      return mark(typeof value);
  }
}

function copyObject(value, path, ancestors) {
  if (ancestors.length >= MAX_DEPTH || ancestors.includes(value)) throw new Unreadable(CYCLE);
  if (Array.isArray(value)) {
    ancestors.push(value);
    const items = copyArray(value, path, ancestors);
    ancestors.pop();
    return items;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== OBJECT && prototype !== null) {
    if (!(value instanceof Date)) return mark('class instance');
    // toISOString always writes milliseconds; they are dropped when zero, as TOML users would.
    return Number.isNaN(getTime.call(value)) ? mark('Date') : mark('Date', toISOString.call(value).replace('.000Z', 'Z'));
  }
  ancestors.push(value);
  const entries = {};
  for (const key of Object.keys(value)) {
    const wellFormed = key.isWellFormed();
    path.push(wellFormed ? key : key.toWellFormed());
    if (!wellFormed) throw new Unreadable('key is not valid Unicode (a lone surrogate)');
    const item = copy(value[key], path, ancestors);
    const name = key.charCodeAt(0) === 0 ? MARK + key : key;
    // Defined, not set: setting `__proto__` would replace the copy's prototype and lose the key.
    if (name === '__proto__') Object.defineProperty(entries, name, { value: item, enumerable: true, writable: true, configurable: true });
    else entries[name] = item;
    path.pop();
  }
  ancestors.pop();
  return entries;
}

/** Stops at the first hole, so a sparse array's length costs nothing (`a.length = 1e9`). */
function copyArray(array, path, ancestors) {
  const items = [];
  const { length } = array;
  for (let i = 0; i < length; i++) {
    const item = array[i];
    path.push(i);
    if (item === undefined && !(i in array)) {
      items.push(mark('empty array slot'));
      path.pop();
      break;
    }
    items.push(copy(item, path, ancestors));
    path.pop();
  }
  return items;
}

/** Enough of a value to name its type: what it holds is left out. */
function shallow(value) {
  if (typeof value !== 'object' || value === null) return copy(value);
  if (Array.isArray(value)) return [];
  const prototype = Object.getPrototypeOf(value);
  return prototype === OBJECT || prototype === null ? {} : copyObject(value, [], []);
}

/** What the engine needs from an options object, read here so that no getter runs inside it. */
function settings(options) {
  const given = typeof options === 'object' && options !== null ? options : {};
  const { strict, runnerVersion, fragment } = given;
  return [strict !== false, typeof runnerVersion === 'string' ? runnerVersion : undefined, fragment === true];
}

/** Binds the JS API to one instance of the engine. `ready(name)` throws when it is not loaded yet. */
export function bind(engine, ready = () => {}) {
  function fail(name, json) {
    const { message, errors } = JSON.parse(json);
    const error = new Error(message);
    error.name = name;
    const [first = {}] = errors;
    Object.assign(error, { path: first.path, line: first.line, column: first.column, code: first.code, errors });
    return error;
  }

  /** Runs an engine function that answers with text, or throws JSON text for errors. */
  function call(name, run) {
    try {
      return run();
    } catch (error) {
      if (typeof error === 'string') throw fail(name, error);
      throw error;
    }
  }

  /** The config as JSON text in UTF-8, or a ConfigError for a value that could not be read. */
  function encode(config) {
    const path = [];
    let copied;
    try {
      copied = copy(config, path, []);
    } catch (thrown) {
      const unreadable = thrown instanceof Unreadable;
      const message = unreadable ? thrown.message : 'could not be read: a getter or Proxy trap threw (see the cause)';
      const error = fail('ConfigError', engine.unreadable(JSON.stringify(path), message));
      if (!unreadable) error.cause = thrown;
      throw error;
    }
    try {
      return utf8.encode(JSON.stringify(copied));
    } catch (thrown) {
      const error = fail('ConfigError', engine.unreadable('[]', 'too large to hand to the engine (its JSON is beyond the longest JS string)'));
      error.cause = thrown;
      throw error;
    }
  }

  /** A `toml` argument as UTF-8. */
  const text = (toml) => utf8.encode(wellFormed(toml));

  /** A `toml` argument, checked: the engine takes well-formed text only. */
  function wellFormed(toml) {
    if (typeof toml === 'string' && toml.isWellFormed()) return toml;
    let json;
    try {
      json = JSON.stringify(shallow(toml));
    } catch {
      json = JSON.stringify(mark('class instance'));
    }
    throw fail('TomlParseError', engine.notText(json));
  }

  /** A document from the engine: JSON, then the values JSON cannot hold put back in place. */
  function revive(json) {
    const [document, specials] = JSON.parse(json);
    for (const [path, kind, value] of specials) {
      let holder = document;
      for (let i = 0; i < path.length - 1; i++) holder = holder[path[i]];
      const exact = kind === 'bigint' ? BigInt(value) : Number(value);
      Object.defineProperty(holder, path[path.length - 1], { value: exact, enumerable: true, writable: true, configurable: true });
    }
    return document;
  }

  /** Findings never throw for bad input: what cannot be read is a finding too. */
  function findings(input, options) {
    const [strict, runnerVersion, fragment] = settings(options);
    const isText = typeof input === 'string';
    let given;
    try {
      given = isText ? text(input) : encode(input);
    } catch (error) {
      return error.errors;
    }
    const check = isText ? engine.validateText : engine.validate;
    return JSON.parse(call('ConfigError', () => check(given, strict, runnerVersion, fragment)));
  }

  return {
    render(config, options) {
      ready('render');
      const [strict, runnerVersion, fragment] = settings(options);
      const check = typeof options === 'object' && options !== null && options.check === true;
      return call('ConfigError', () => engine.render(encode(config), strict, check, runnerVersion, fragment));
    },
    parse(toml, options) {
      ready('parse');
      return revive(call('TomlParseError', () => engine.parse(text(toml), settings(options)[0])));
    },
    validate(input, options) {
      ready('validate');
      return findings(input, options);
    },
    toPython(config, options) {
      ready('toPython');
      return call('ConfigError', () => engine.toPython(encode(config), settings(options)[0]));
    },
    complete(toml, offset) {
      ready('complete');
      return JSON.parse(engine.complete(wellFormed(toml), Number.isFinite(offset) ? offset : 0));
    },
    hover(toml, offset) {
      ready('hover');
      return JSON.parse(engine.hover(wellFormed(toml), Number.isFinite(offset) ? offset : 0));
    },
    format(toml, options) {
      ready('format');
      return call('TomlParseError', () => engine.format(text(toml), Boolean(options?.canonical)));
    },
    fix(toml, options) {
      ready('fix');
      const [strict, runnerVersion, fragment] = settings(options);
      return call('TomlParseError', () => engine.fix(text(toml), Boolean(options?.unsafeFixes), strict, runnerVersion, fragment));
    },
    update(toml, config, options) {
      ready('update');
      const given = text(toml);
      const encoded = encode(config);
      try {
        return engine.update(given, encoded, settings(options)[0]);
      } catch (error) {
        if (typeof error !== 'string') throw error;
        // The text's syntax is the text's fault; anything else is the config's.
        const syntax = JSON.parse(error).errors.some((e) => e.code === 'syntax');
        throw fail(syntax ? 'TomlParseError' : 'ConfigError', error);
      }
    },
    schema() {
      ready('schema');
      return JSON.parse(engine.schema());
    },
    runnerVersions() {
      ready('runnerVersions');
      return JSON.parse(engine.runnerVersions());
    },
    dockerAuthConfig(auth) {
      ready('dockerAuthConfig');
      const { registry, username, password, credHelper, credsStore } = auth ?? {};
      const given = (value) => (value === undefined || value === null ? undefined : String(value));
      return call('ConfigError', () =>
        engine.dockerAuthConfig(given(registry), given(username), given(password), given(credHelper), given(credsStore)),
      );
    },
  };
}
