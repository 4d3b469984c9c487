// Wires the page together: one text is the state; every change re-checks it, re-renders the
// preview and the form, and is saved (without secrets).
import './style.css';

import { applyFix, fixOf, place, renderList, toEditorDiagnostics, type Placed } from './diagnostics';
import { createEditor, moveCursor, setText, showDiagnostics } from './editor';
import { canonicalLayout, format, loadEngine, validate, version, type Finding } from './engine';
import { configAsJson, configAsPython, copy, download } from './exporting';
import { createForm } from './form/form';
import { setupImport } from './importing';
import { loadSaved, save } from './persist';
import { fillPresetPicker, presetById, PRESETS } from './presets';
import { showPreview } from './preview';
import { redactSecrets } from './secrets';
import { decodeFragment, encodeFragment } from './share';
import { setupTabs } from './tabs';
import { setupTheme } from './theme';
import { fillVersionPicker, newestVersion } from './versions';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const status = byId<HTMLParagraphElement>('status');
function say(message: string): void {
  status.textContent = message;
}

async function start(): Promise<void> {
  setupTheme(byId('theme'));
  await loadEngine();
  byId('engine-version').textContent = `engine ${version}`;

  const versionPicker = byId<HTMLSelectElement>('runner-version');
  const presetPicker = byId<HTMLSelectElement>('preset');
  const preview = byId<HTMLPreElement>('preview');
  const layout = byId<HTMLSelectElement>('layout');
  const staleNote = byId<HTMLParagraphElement>('preview-stale');
  const shareSecrets = byId<HTMLInputElement>('share-secrets');
  const shareWarning = byId<HTMLDivElement>('share-warning');
  fillPresetPicker(presetPicker);

  const shared = await decodeFragment(location.hash);
  // The link has done its job once read: a reload then keeps the work done since (localStorage).
  if (shared) history.replaceState(null, '', location.pathname + location.search);
  const initial = shared ?? loadSaved() ?? { text: PRESETS[0].text, runnerVersion: newestVersion() };
  fillVersionPicker(versionPicker, initial.runnerVersion);
  presetPicker.value = PRESETS.find((preset) => preset.text === initial.text)?.id ?? '';

  let findings: Finding[] = [];
  let placed: Placed[] = [];
  let pending = 0;
  let saveTimer = 0;

  const form = createForm(byId('form'), {
    text: () => editor.state.doc.toString(),
    replaceText: (text) => setText(editor, text),
  });

  function refresh(): void {
    pending = 0;
    const started = performance.now();
    const text = editor.state.doc.toString();
    findings = validate(text, { runnerVersion: versionPicker.value });
    placed = findings.map((finding) => place(finding, editor.state.doc));
    showDiagnostics(editor, toEditorDiagnostics(placed));
    renderList(byId('diagnostics'), byId('diagnostics-count'), placed, {
      goTo: (offset) => moveCursor(editor, offset),
      fixFor: fixOf,
      apply: (fix) => applyFix(editor, fix),
    });
    try {
      showPreview(preview, layout.value === 'canonical' ? canonicalLayout(text) : format(text));
      preview.classList.remove('stale');
      preview.removeAttribute('aria-invalid');
      staleNote.hidden = true;
    } catch {
      // The last good preview stays, dimmed: the problems list says why it cannot be written.
      preview.classList.add('stale');
      preview.setAttribute('aria-invalid', 'true');
      staleNote.hidden = false;
    }
    form.textChanged();
    // Read by bench/playground_bench.mjs: the work done for one change of the text.
    performance.measure('playground:refresh', { start: started });
    clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => save({ text: redactSecrets(text, findings).text, runnerVersion: versionPicker.value }), 300);
  }

  // Right after the editor's own update (before the next paint), once for any number of
  // changes made in one task.
  const schedule = () => {
    if (pending) return;
    pending = 1;
    queueMicrotask(refresh);
  };

  const editor = createEditor({ parent: byId('editor'), text: initial.text, onChange: schedule });
  refresh();

  presetPicker.addEventListener('change', () => {
    const preset = presetById(presetPicker.value);
    if (!preset) return;
    setText(editor, preset.text);
    say(`Preset loaded: ${preset.title}. Undo (Ctrl+Z) brings your text back.`);
  });
  layout.addEventListener('change', () => schedule());
  versionPicker.addEventListener('change', () => {
    // The checks target this release: keys and executors it does not know yet are findings.
    schedule();
  });

  setupImport(byId('import'), byId('drop-zone'), (text, name) => {
    setText(editor, text);
    presetPicker.value = '';
    say(`Opened ${name}: shown exactly as read.`);
  });

  /** Runs an export and says how it went: `done` when it worked, `failed` + the reason if not. */
  const attempt = async (done: string, failed: string, action: () => Promise<void> | void) => {
    try {
      await action();
      say(done);
    } catch (error) {
      say(`${failed}: ${(error as Error).message}`);
    }
  };
  const text = () => editor.state.doc.toString();
  const copyToml = () => attempt('Copied config.toml', 'Could not copy config.toml', () => copy(text()));
  const downloadToml = () => attempt('Downloaded config.toml', 'Could not download config.toml', () => download(text()));
  byId('export-toml').addEventListener('click', copyToml);
  byId('download-toml').addEventListener('click', downloadToml);
  byId('export-json').addEventListener('click', () => attempt('Copied the config as JSON', 'Could not copy the config as JSON', () => copy(configAsJson(text()))));
  byId('export-python').addEventListener('click', () => attempt('Copied the config as Python', 'Could not copy the config as Python', () => copy(configAsPython(text()))));

  const shareLink = async () => {
    const withSecrets = shareSecrets.checked;
    const redacted = withSecrets ? { text: text(), count: 0 } : redactSecrets(text(), findings);
    const fragment = await encodeFragment({ text: redacted.text, runnerVersion: versionPicker.value });
    const link = `${location.origin}${location.pathname}${fragment}`;
    const output = byId<HTMLInputElement>('share-link');
    output.value = link;
    output.hidden = false;
    shareWarning.hidden = !withSecrets;
    shareWarning.textContent = withSecrets ? 'This link holds your secrets in clear: anyone with it can read them.' : '';
    const replaced = redacted.count ? ` (${redacted.count} secret${redacted.count === 1 ? '' : 's'} replaced by \${VARIABLES})` : '';
    await attempt(`Share link copied${replaced}`, `The share link is below${replaced}; copying it was refused`, () => copy(link));
  };
  byId('share').addEventListener('click', shareLink);
  shareSecrets.addEventListener('change', () => {
    shareWarning.hidden = !shareSecrets.checked;
    shareWarning.textContent = shareSecrets.checked ? 'Share links will hold your secrets in clear.' : '';
  });
  window.addEventListener('hashchange', async () => {
    const opened = await decodeFragment(location.hash);
    if (!opened) return;
    history.replaceState(null, '', location.pathname + location.search);
    setText(editor, opened.text);
    fillVersionPicker(versionPicker, opened.runnerVersion);
  });

  const shortcutsToggle = byId<HTMLButtonElement>('shortcuts-toggle');
  shortcutsToggle.addEventListener('click', () => {
    const panel = byId('shortcuts');
    panel.hidden = !panel.hidden;
    shortcutsToggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 's' && !event.shiftKey) downloadToml();
    else if (key === 'c' && event.shiftKey) copyToml();
    else if (key === 'l' && event.shiftKey) shareLink();
    else return;
    event.preventDefault();
  });

  setupTabs(document.querySelector('[role="tablist"]')!, (panel) => form.setVisible(panel === 'panel-form'));
  document.body.dataset.ready = 'true';
}

start().catch((error: Error) => say(`The engine did not load: ${error.message}`));
