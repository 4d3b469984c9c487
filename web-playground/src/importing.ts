// Bringing a file in: the file picker or a drop anywhere on the page (pasting goes straight
// into the editor). The text is shown exactly as read; the engine's findings say what is wrong.
export function setupImport(input: HTMLInputElement, dropZone: HTMLElement, open: (text: string, name: string) => void): void {
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (file) open(await file.text(), file.name);
    input.value = '';
  });
  let depth = 0;
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth += 1;
    dropZone.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropZone.hidden = true;
  });
  document.addEventListener('dragover', (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  document.addEventListener('drop', async (event) => {
    depth = 0;
    dropZone.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    open(await file.text(), file.name);
  });
}
