// Light and dark: the system's choice until the user picks one with the toggle (remembered).
const KEY = 'grc-playground-theme';

type Theme = 'light' | 'dark';

function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function apply(button: HTMLButtonElement, theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  button.setAttribute('aria-pressed', String(theme === 'dark'));
  button.textContent = 'Dark theme';
}

export function setupTheme(button: HTMLButtonElement): void {
  const saved = localStorage.getItem(KEY);
  let theme: Theme = saved === 'dark' || saved === 'light' ? saved : systemTheme();
  apply(button, theme);
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (!localStorage.getItem(KEY)) apply(button, (theme = systemTheme()));
  });
  button.addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, theme);
    apply(button, theme);
  });
}
