// Changes Microsoft could ship to a portal page, made to a demo page by the tests that need them:
// one copy of each, so the tests that read the changed page all read the same change.

/**
 * The Azure incident page's Tasks command becomes new markup: a `div.new-design-checklist` that
 * reads "Checklist", with none of the command's hooks or its label.
 */
export async function replaceTasksCommand(page) {
  await page.evaluate(() => {
    const checklist = document.createElement('div');
    checklist.className = 'new-design-checklist';
    checklist.textContent = 'Checklist';
    document.querySelector('[data-telemetryname="Command-Tasks"]').replaceWith(checklist);
  });
}
