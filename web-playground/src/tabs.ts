// The result pane's tabs (preview, form), keyboard operable as the ARIA tabs pattern says.
export function setupTabs(tablist: HTMLElement, onShow: (panelId: string) => void): (panelId: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const show = (panelId: string) => {
    for (const tab of tabs) {
      const selected = tab.getAttribute('aria-controls') === panelId;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls') ?? '')!.hidden = !selected;
    }
    onShow(panelId);
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => show(tab.getAttribute('aria-controls') ?? ''));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(index + step + tabs.length) % tabs.length];
      next.focus();
      show(next.getAttribute('aria-controls') ?? '');
    });
  });
  return show;
}
