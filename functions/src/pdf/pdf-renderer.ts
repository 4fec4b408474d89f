import type { PaperworkForm } from '@shared/record/paperwork/form-model';

/** Renders one form to PDF bytes. */
type Render = (form: PaperworkForm, generatedAt: Date) => Promise<Uint8Array>;

let loading: Promise<Render> | undefined;

/**
 * Renders one form, loading pdfmake and its font stack on the first PDF rather than at start-up:
 * they are a third of the Functions bundle and most of its cold-load time, and most instances
 * never render a PDF. The production build puts them in their own file (`dist/pdf.js`).
 */
export async function renderPaperwork(form: PaperworkForm, generatedAt: Date): Promise<Uint8Array> {
  loading ??= import('./render-paperwork').then((m) => m.renderPaperwork);
  try {
    const render = await loading;
    return await render(form, generatedAt);
  } catch (error) {
    // A failed load is not cached: the next request tries again.
    if (!(await loading.then(() => true).catch(() => false))) loading = undefined;
    throw error;
  }
}
