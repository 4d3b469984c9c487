// Node ESM: the same instance as the CommonJS entry.
import api from './index.cjs';

export const { render, parse, validate, format, update, fix, schema, runnerVersions, toPython, dockerAuthConfig, complete, hover, version, init } = api;
