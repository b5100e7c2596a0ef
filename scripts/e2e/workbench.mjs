// Driving the workbench as a person does, shared by the UI and the packaged-extension phases.

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpen(page, name) {
  // A click on the workbench first: the keyboard goes nowhere until something has focus.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${name}"], .title-label:has-text("${name}")`).first().waitFor();
}
